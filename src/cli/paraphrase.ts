/**
 * `claimlens paraphrase --in msr.txt --out P.tsv`: MSRP predictions (`#1 ID`, `#2 ID`, `Quality`),
 * so the paraphrase model can be scored on the official test file we never tuned on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { prepare } from '../match/features.ts';
import { PARAPHRASE_THRESHOLD, paraphraseProbability } from '../match/model.ts';
import { parseMsrp } from '../match/msrp.ts';
import { flag, wantsHelp } from './args.ts';

const USAGE = 'usage: claimlens paraphrase --in MSRP.txt --out PREDICTIONS.tsv';

/** Runs the subcommand; returns the process exit code. */
export async function run(args: string[]): Promise<number> {
  if (wantsHelp(args)) {
    console.log(USAGE);
    return 0;
  }
  const input = flag(args, '--in');
  const out = flag(args, '--out');
  if (!input || !out) {
    console.error(USAGE);
    return 2;
  }
  let pairs: ReturnType<typeof parseMsrp>;
  try {
    pairs = parseMsrp(readFileSync(input, 'utf8'));
  } catch (e) {
    console.error(`claimlens paraphrase: ${(e as Error).message}`);
    return 1;
  }
  const lines = ['#1 ID\t#2 ID\tQuality'];
  for (const p of pairs) {
    const q = paraphraseProbability(prepare(p.s1), prepare(p.s2)) >= PARAPHRASE_THRESHOLD ? 1 : 0;
    lines.push(`${p.id1}\t${p.id2}\t${q}`);
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`claimlens paraphrase: ${pairs.length} predictions -> ${out}`);
  return 0;
}
