/**
 * `claimlens stance --bodies B.csv --stances S.csv --out P.csv`: FNC-1 predictions in the official
 * CSV format, so anyone can score the stance model with the official scorer on data we never saw.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BodyRep } from '../stance/features.ts';
import { type FncLabel, parseBodies, parseStances } from '../stance/fnc.ts';
import { predictFncLabel, prepareFncBody } from '../stance/model.ts';
import { toCsv } from '../util/csv.ts';
import { flag, wantsHelp } from './args.ts';

const USAGE = 'usage: claimlens stance --bodies BODIES.csv --stances STANCES.csv --out PREDICTIONS.csv';

/** Runs the subcommand; returns the process exit code. */
export async function run(args: string[]): Promise<number> {
  if (wantsHelp(args)) {
    console.log(USAGE);
    return 0;
  }
  const bodiesFile = flag(args, '--bodies');
  const stancesFile = flag(args, '--stances');
  const out = flag(args, '--out');
  if (!bodiesFile || !stancesFile || !out) {
    console.error(USAGE);
    return 2;
  }
  let bodies: Map<string, string>;
  let pairs: ReturnType<typeof parseStances>;
  try {
    bodies = parseBodies(readFileSync(bodiesFile, 'utf8'));
    pairs = parseStances(readFileSync(stancesFile, 'utf8'));
  } catch (e) {
    console.error(`claimlens stance: ${(e as Error).message}`);
    return 1;
  }
  const reps = new Map<string, BodyRep>();
  const rows: string[][] = [];
  let missing = 0;
  for (const p of pairs) {
    const body = bodies.get(p.bodyId);
    let label: FncLabel = 'unrelated';
    if (body === undefined) missing++;
    else {
      let rep = reps.get(p.bodyId);
      if (!rep) {
        rep = prepareFncBody(body);
        reps.set(p.bodyId, rep);
      }
      label = predictFncLabel(p.headline, rep);
    }
    rows.push([p.headline, p.bodyId, label]);
  }
  writeFileSync(out, toCsv(['Headline', 'Body ID', 'Stance'], rows));
  if (missing)
    console.error(`claimlens stance: ${missing} pairs point to unknown bodies (written as unrelated)`);
  console.log(`claimlens stance: ${rows.length} predictions -> ${out}`);
  return 0;
}
