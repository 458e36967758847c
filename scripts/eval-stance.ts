/**
 * Scores the stance model on the FNC-1 dev hold-out (bodies in dev_split/hold_out_ids.txt) with the
 * official weighted metric, prints it with a confusion matrix and per-pair timing, and writes
 * reports/stance-eval.json. Usage: npm run eval:stance [-- --data DIR]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeSentences } from '../src/claims/index.ts';
import type { BodyRep } from '../src/stance/features.ts';
import { FNC_LABELS, type FncLabel, fncScore, parseBodies, parseStances } from '../src/stance/fnc.ts';
import { predictFncLabel, prepareFncBody } from '../src/stance/model.ts';
import { judgePair } from '../src/stance/pair.ts';

function main(): void {
  const args = process.argv.slice(2);
  const i = args.indexOf('--data');
  const dir = resolve(i >= 0 && args[i + 1] ? args[i + 1] : '../shared/data');
  const fnc = join(dir, 'fnc-1');
  const files = ['train_bodies.csv', 'train_stances.csv', 'dev_split/hold_out_ids.txt'].map((f) =>
    join(fnc, f),
  );
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(
      `eval:stance: FNC-1 data not found (${missing.join(', ')}). Pass --data DIR (the folder holding fnc-1/).`,
    );
    process.exit(2);
  }
  const bodies = parseBodies(readFileSync(files[0], 'utf8'));
  const ids = new Set(readFileSync(files[2], 'utf8').split(/\s+/).filter(Boolean));
  const pairs = parseStances(readFileSync(files[1], 'utf8')).filter((p) => ids.has(p.bodyId) && p.stance);
  const reps = new Map<string, BodyRep>();
  const gold: FncLabel[] = [];
  const predicted: FncLabel[] = [];
  const t0 = performance.now();
  for (const p of pairs) {
    let rep = reps.get(p.bodyId);
    if (!rep) {
      rep = prepareFncBody(bodies.get(p.bodyId) ?? '');
      reps.set(p.bodyId, rep);
    }
    gold.push(p.stance as FncLabel);
    predicted.push(predictFncLabel(p.headline, rep));
  }
  const elapsed = performance.now() - t0;
  const { score, max } = fncScore(gold, predicted);
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of FNC_LABELS) confusion[g] = Object.fromEntries(FNC_LABELS.map((l) => [l, 0]));
  for (let k = 0; k < gold.length; k++) confusion[gold[k]][predicted[k]]++;
  const relatedOk = gold.filter((g, k) => (g === 'unrelated') === (predicted[k] === 'unrelated')).length;

  // Per-pair cost in the product: one claim against one other sentence, as judgePair runs it.
  const sample = pairs
    .slice(0, 400)
    .map((p) => {
      const sent = (bodies.get(p.bodyId) ?? '').split(/(?<=\.)\s+/)[0] ?? '';
      return [
        analyzeSentences([{ kind: 'paragraph', text: p.headline }])[0],
        analyzeSentences([{ kind: 'paragraph', text: sent }])[0],
      ];
    })
    .filter(([a, b]) => a && b);
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (const [a, b] of sample) {
      const s = performance.now();
      judgePair({ sentences: [a], side: 'report' }, { sentences: [b], side: 'report' });
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const report = {
    dataset: 'FNC-1 train, dev_split hold-out bodies',
    pairs: pairs.length,
    score: Math.round(score * 100) / 100,
    maxScore: max,
    percent: Math.round((10000 * score) / max) / 100,
    relatednessAccuracy: Math.round((10000 * relatedOk) / pairs.length) / 100,
    confusion,
    msPerHeadlineBodyPair: Math.round((1000 * elapsed) / pairs.length) / 1000,
    productPairMedianMs: Math.round(1000 * times[Math.floor(times.length / 2)]) / 1000,
    productPairP95Ms: Math.round(1000 * times[Math.floor(times.length * 0.95)]) / 1000,
    references: { officialBaselineDev: 79.53 },
  };
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/stance-eval.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `FNC-1 dev hold-out: ${report.percent} % (${report.score} / ${max}); relatedness accuracy ${report.relatednessAccuracy} %`,
  );
  console.log('gold \\ predicted', FNC_LABELS.join(' '));
  for (const g of FNC_LABELS)
    console.log(g.padEnd(10), FNC_LABELS.map((l) => String(confusion[g][l]).padStart(6)).join(' '));
  console.log(
    `product pair (claim vs one sentence): median ${report.productPairMedianMs} ms, p95 ${report.productPairP95Ms} ms -> reports/stance-eval.json`,
  );
}

main();
