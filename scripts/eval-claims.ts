/**
 * Evaluates the committed check-worthiness model exactly as the product scores sentences:
 * P/R/F1 of the check-worthy class on the ClaimBuster dev split (never trained on) and mean average
 * precision on the held-out CheckThat 2019 debates. Writes reports/claims-eval.json.
 *
 *   npm run eval:claims [-- --data DIR]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeSentence, textModelLogit } from '../src/claims/index.ts';
import { defaultModel, sigmoid } from '../src/claims/model.ts';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/model/sentence.ts';
import {
  bestThreshold,
  dataDir,
  isDev,
  isHeldOutDebate,
  loadCheckThat,
  loadClaimBuster,
  type Prepared,
  prepare,
  prf,
  productScore,
} from './train-claims.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => b[0] - a[0]);
  const positives = labels.filter((l) => l === 1).length;
  if (!positives) return 0;
  let hits = 0;
  let sum = 0;
  order.forEach(([, l], rank) => {
    if (l === 1) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return sum / positives;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function main(): void {
  const dir = dataDir(process.argv.slice(2));
  const t0 = performance.now();
  const dev = loadClaimBuster(dir)
    .filter((e) => isDev(e.text))
    .map(prepare);
  const labels = dev.map((p) => p.label);
  const product = dev.map((p) => productScore(p, defaultModel));
  const textOnly = dev.map((p: Prepared) =>
    sigmoid(textModelLogit(p.text, p.tokens, describeSentence(p.text, p.tokens))),
  );
  const atDefault = prf(product, labels, DEFAULT_CLAIM_THRESHOLD);
  const textAtDefault = prf(textOnly, labels, DEFAULT_CLAIM_THRESHOLD);
  const oracle = bestThreshold(product, labels);

  const checkthat = loadCheckThat(dir).filter((e) => e.doc && isHeldOutDebate(e.doc));
  const byDoc = new Map<string, { scores: number[]; labels: number[] }>();
  for (const e of checkthat) {
    const p = prepare(e);
    const doc = byDoc.get(e.doc ?? '') ?? { scores: [], labels: [] };
    doc.scores.push(productScore(p, defaultModel));
    doc.labels.push(e.label);
    byDoc.set(e.doc ?? '', doc);
  }
  const perDebate = [...byDoc.entries()].map(([doc, d]) => ({
    debate: doc,
    sentences: d.labels.length,
    positives: d.labels.filter((l) => l === 1).length,
    averagePrecision: round(averagePrecision(d.scores, d.labels)),
  }));
  const map = perDebate.length
    ? perDebate.reduce((a, d) => a + d.averagePrecision, 0) / perDebate.length
    : null;

  const report = {
    model: 'models/claims.json',
    modelBytes: statSync(join(ROOT, 'models', 'claims.json')).size,
    lexiconWords: Object.keys(defaultModel.lexicon ?? {}).length,
    threshold: DEFAULT_CLAIM_THRESHOLD,
    claimbusterDev: {
      split: 'hash bucket < 20 of the shared 3xNCS file (normalised text, cyrb53 seed 7)',
      sentences: dev.length,
      positives: labels.filter((l) => l === 1).length,
      product: {
        precision: round(atDefault.precision),
        recall: round(atDefault.recall),
        f1: round(atDefault.f1),
      },
      textModelOnly: {
        precision: round(textAtDefault.precision),
        recall: round(textAtDefault.recall),
        f1: round(textAtDefault.f1),
      },
      bestThresholdInHindsight: { threshold: oracle.threshold, f1: round(oracle.f1) },
    },
    checkthat2019HeldOut: {
      split: 'training debates whose file-name hash bucket < 35, never trained on',
      debates: perDebate.length,
      meanAveragePrecision: map === null ? null : round(map),
      perDebate,
    },
    seconds: round((performance.now() - t0) / 1000),
  };
  console.log(
    `ClaimBuster dev (${dev.length} sentences): precision ${report.claimbusterDev.product.precision.toFixed(3)} ` +
      `recall ${report.claimbusterDev.product.recall.toFixed(3)} F1 ${report.claimbusterDev.product.f1.toFixed(3)} ` +
      `at threshold ${DEFAULT_CLAIM_THRESHOLD} (text model alone F1 ${report.claimbusterDev.textModelOnly.f1.toFixed(3)})`,
  );
  if (map !== null)
    console.log(`CheckThat 2019 held-out debates (${perDebate.length}): MAP ${map.toFixed(4)}`);
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports', 'claims-eval.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('wrote reports/claims-eval.json');
}

main();
