/**
 * Scores the paraphrase model on the MSRP dev fifth carved from the training file (never trained
 * on), prints accuracy and F1 with per-pair timing, and writes reports/match-eval.json.
 * Usage: npm run eval:match [-- --data DIR]
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeSentences } from '../src/claims/index.ts';
import { prepare } from '../src/match/features.ts';
import { similarity } from '../src/match/index.ts';
import { PARAPHRASE_THRESHOLD, paraphraseProbability } from '../src/match/model.ts';
import { isMsrpDev, parseMsrp } from '../src/match/msrp.ts';

function main(): void {
  const args = process.argv.slice(2);
  const i = args.indexOf('--data');
  const dir = resolve(i >= 0 && args[i + 1] ? args[i + 1] : '../shared/data');
  const file = join(dir, 'msrp', 'msr_paraphrase_train.txt');
  if (!existsSync(file)) {
    console.error(`eval:match: MSRP data not found at ${file}. Pass --data DIR (the folder holding msrp/).`);
    process.exit(2);
  }
  const dev = parseMsrp(readFileSync(file, 'utf8')).filter(isMsrpDev);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of dev) {
    const yes = paraphraseProbability(prepare(p.s1), prepare(p.s2)) >= PARAPHRASE_THRESHOLD;
    if (yes && p.quality === 1) tp++;
    else if (yes) fp++;
    else if (p.quality === 1) fn++;
    else tn++;
  }
  const accuracy = (tp + tn) / dev.length;
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);

  // Product cost: similarity of two analysed sentences, first call per pair (nothing cached).
  const analysed = dev
    .slice(0, 300)
    .map((p) => [
      analyzeSentences([{ kind: 'paragraph', text: p.s1 }])[0],
      analyzeSentences([{ kind: 'paragraph', text: p.s2 }])[0],
    ])
    .filter(([a, b]) => a && b);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const [a, b] of analysed) {
      // Fresh copies so the per-sentence cache never helps: the cost of a first comparison.
      const x = { ...a };
      const y = { ...b };
      const t = performance.now();
      similarity(x, y);
      if (round > 0) times.push(performance.now() - t);
    }
  }
  times.sort((x, y) => x - y);
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const report = {
    dataset: 'MSRP train file, dev fifth (hash of the two IDs mod 5 = 0)',
    pairs: dev.length,
    accuracy: Math.round(10000 * accuracy) / 100,
    f1: Math.round(10000 * f1) / 100,
    precision: Math.round(10000 * precision) / 100,
    recall: Math.round(10000 * recall) / 100,
    confusion: { tp, fp, fn, tn },
    majorityBaseline: Math.round((10000 * (tp + fn)) / dev.length) / 100,
    similarityMedianMs: Math.round(1000 * times[Math.floor(times.length / 2)]) / 1000,
    similarityP95Ms: Math.round(1000 * times[Math.floor(times.length * 0.95)]) / 1000,
    modelBytes: {
      'models/match.json': size('models/match.json'),
      'models/stance.json': size('models/stance.json'),
    },
  };
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/match-eval.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `MSRP dev (${dev.length} pairs): accuracy ${report.accuracy} %, F1 ${report.f1} (majority ${report.majorityBaseline} %); similarity median ${report.similarityMedianMs} ms, p95 ${report.similarityP95Ms} ms -> reports/match-eval.json`,
  );
}

main();
