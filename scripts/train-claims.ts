/**
 * Trains the check-worthiness model on the ClaimBuster sentences in ../shared/data and writes
 * models/claims.json. Deterministic: the splits are hash-based and the SGD order is seeded, so a
 * re-run reproduces the committed weights.
 *
 *   npm run train:claims [-- --data DIR]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sentenceFeatures } from '../src/claims/features.ts';
import { describeSentence, scoreSentence } from '../src/claims/index.ts';
import { type ClaimModel, sigmoid } from '../src/claims/model.ts';
import { parseText, type Token } from '../src/nlp/parse.ts';
import { hashString } from '../src/store/ids.ts';
import { seededRandom } from '../src/util/random.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEED = 20241018;

export interface Example {
  text: string;
  label: 0 | 1;
  /** Debate file for CheckThat examples. */
  doc?: string;
}

export interface Prepared extends Example {
  tokens: Token[];
  features: string[];
}

/** `--data DIR` or ../shared/data next to the repo; exits with a clear message when it is missing. */
export function dataDir(argv: string[]): string {
  const i = argv.indexOf('--data');
  const dir = i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : resolve(ROOT, '../shared/data');
  if (!existsSync(join(dir, 'claimbuster'))) {
    console.error(
      `claims: data directory not found: ${join(dir, 'claimbuster')}\n` +
        'Put the shared datasets in ../shared/data (see shared/data/*/PROVENANCE.md) or pass --data DIR.',
    );
    process.exit(2);
  }
  return dir;
}

/** Normalised text key, as in the dataset's own split rule. */
export function textKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Bucket 0..99 of a sentence, from a hash of its normalised text (duplicates stay on one side). */
export function bucketOf(text: string): number {
  return Number.parseInt(hashString(textKey(text), 7), 36) % 100;
}

/** Dev split: 20 % of the shared ClaimBuster file, never trained on. */
export const isDev = (text: string) => bucketOf(text) < 20;
/** Calibration split: 10 %, used to pick regularisation and the operating point. */
export const isCalib = (text: string) => bucketOf(text) >= 20 && bucketOf(text) < 30;
/** CheckThat 2019 debates held out (by file) for the average-precision evaluation. */
export const isHeldOutDebate = (file: string) => Number.parseInt(hashString(file, 3), 36) % 100 < 35;

export function loadClaimBuster(dir: string): Example[] {
  const file = join(dir, 'claimbuster', 'claimbuster_3xNCS.shared.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { label: number; text: string }[];
  return rows.map((r) => ({ text: r.text, label: r.label === 1 ? 1 : 0 }));
}

export function loadCheckThat(dir: string): Example[] {
  const folder = join(dir, 'checkthat2019-task1', 'training');
  if (!existsSync(folder)) return [];
  const out: Example[] = [];
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.tsv')) continue;
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 4) continue;
      out.push({ text: cols[2], label: cols[3].trim() === '1' ? 1 : 0, doc: file });
    }
  }
  return out;
}

/** Parses and featurises an example exactly as the product does for one sentence. */
export function prepare(e: Example): Prepared {
  const tokens = parseText(e.text).flatMap((s) => s.tokens);
  const facts = describeSentence(e.text, tokens);
  return { ...e, tokens, features: sentenceFeatures(e.text, tokens, facts) };
}

/** The product's score for a prepared example under a given model (boosts and caps included). */
export function productScore(p: Prepared, model: ClaimModel): number {
  return scoreSentence(p.text, p.tokens, describeSentence(p.text, p.tokens), model);
}

export interface TrainOptions {
  l2: number;
  epochs: number;
  rate: number;
  positiveWeight: number;
  minCount: number;
}

/** Logistic regression by Adagrad SGD over binary features, seeded. */
export function trainLogistic(data: readonly Prepared[], opts: TrainOptions): ClaimModel {
  const counts = new Map<string, number>();
  for (const d of data) for (const f of d.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts.entries()].filter(([, c]) => c >= opts.minCount).map(([f]) => f);
  vocab.sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = data.map((d) =>
    d.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
  );
  const w = new Float64Array(vocab.length);
  const g2 = new Float64Array(vocab.length).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const rand = seededRandom(SEED);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const row = rows[k];
      let z = bias;
      for (const i of row) z += w[i];
      const y = data[k].label;
      const weight = y === 1 ? opts.positiveWeight : 1;
      const g = (sigmoid(z) - y) * weight;
      for (const i of row) {
        const grad = g + opts.l2 * w[i];
        g2[i] += grad * grad;
        w[i] -= (opts.rate * grad) / Math.sqrt(g2[i]);
      }
      biasG2 += g * g;
      bias -= (opts.rate * g) / Math.sqrt(biasG2);
    }
  }
  const weights: Record<string, number> = {};
  vocab.forEach((f, i) => {
    if (Math.abs(w[i]) >= 0.002) weights[f] = Math.round(w[i] * 1e4) / 1e4;
  });
  return { version: 1, bias: Math.round(bias * 1e4) / 1e4, weights };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(scores: readonly number[], labels: readonly number[], threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold && labels[i] === 1) tp++;
    else if (s >= threshold) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

/** The threshold with the best F1 (searched on a fine grid). */
export function bestThreshold(
  scores: readonly number[],
  labels: readonly number[],
): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const { f1 } = prf(scores, labels, t);
    if (f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, f1 };
  }
  return best;
}

/** Moves the bias so that the best calibration threshold becomes 0.5 (DEFAULT_CLAIM_THRESHOLD). */
export function calibrate(
  model: ClaimModel,
  calib: readonly Prepared[],
): { model: ClaimModel; threshold: number; f1: number } {
  const scores = calib.map((p) => productScore(p, model));
  const { threshold, f1 } = bestThreshold(
    scores,
    calib.map((p) => p.label),
  );
  const shift = Math.log(threshold / (1 - threshold));
  return { model: { ...model, bias: Math.round((model.bias - shift) * 1e4) / 1e4 }, threshold, f1 };
}

/** Held-out debate texts must not be trained on (the 2016 debates appear in both datasets). */
export function heldOutKeys(checkthat: readonly Example[]): Set<string> {
  return new Set(checkthat.filter((e) => e.doc && isHeldOutDebate(e.doc)).map((e) => textKey(e.text)));
}

async function main(): Promise<void> {
  const dir = dataDir(process.argv.slice(2));
  const t0 = performance.now();
  const all = loadClaimBuster(dir);
  const blocked = heldOutKeys(loadCheckThat(dir));
  const usable = all.filter((e) => !isDev(e.text) && !blocked.has(textKey(e.text)));
  const fit = usable.filter((e) => !isCalib(e.text)).map(prepare);
  const calib = usable.filter((e) => isCalib(e.text)).map(prepare);
  console.log(
    `claims: ${fit.length} training and ${calib.length} calibration sentences (${all.length} in the shared file)`,
  );

  let best: { model: ClaimModel; threshold: number; f1: number; opts: TrainOptions } | null = null;
  for (const l2 of [1e-4, 1e-3, 3e-3]) {
    for (const positiveWeight of [1.5, 2.5]) {
      const opts: TrainOptions = { l2, epochs: 12, rate: 0.05, positiveWeight, minCount: 2 };
      const trained = calibrate(trainLogistic(fit, opts), calib);
      console.log(
        `  l2=${l2} positiveWeight=${positiveWeight}: calibration F1 ${trained.f1.toFixed(4)} at ${trained.threshold}`,
      );
      if (!best || trained.f1 > best.f1) best = { ...trained, opts };
    }
  }
  if (!best) throw new Error('no model trained');
  // Refit on training + calibration sentences with the chosen options, keeping the calibrated offset.
  const shift = Math.log(best.threshold / (1 - best.threshold));
  const refit = trainLogistic([...fit, ...calib], best.opts);
  const model: ClaimModel = {
    ...refit,
    bias: Math.round((refit.bias - shift) * 1e4) / 1e4,
    meta: {
      data: 'claimbuster_3xNCS.shared.json minus hash dev split (20 %) and held-out CheckThat 2019 debates',
      seed: SEED,
      options: best.opts,
      calibrationThreshold: best.threshold,
      calibrationF1: Math.round(best.f1 * 1e4) / 1e4,
      features: Object.keys(best.model.weights).length,
    },
  };
  const out = join(ROOT, 'models', 'claims.json');
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  const size = readFileSync(out).length;
  console.log(
    `claims: wrote ${out} (${(size / 1024).toFixed(0)} KB, ${Object.keys(model.weights).length} weights) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
