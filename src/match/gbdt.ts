/**
 * Small gradient-boosted trees: the model family that worked best on hand features for FNC-1 and
 * for lexical paraphrase detection. Written here (inference and training) because the forests are
 * tiny, must run in the extension's service worker without WASM, and must train deterministically
 * in Node within minutes.
 */
import { seededRandom } from '../util/random.ts';

/**
 * A tree as a flat array of nodes; node i is `[feature, threshold, left, right]` for a split
 * (go left when x[feature] <= threshold) or `[-1, value]` for a leaf.
 */
export type Tree = number[][];

export interface Forest {
  /** Number of output scores (1 for binary logistic, K for softmax). */
  outputs: number;
  /** Initial scores. */
  base: number[];
  /** trees[round][output] */
  trees: Tree[][];
  /** Names of the input features, in order: the contract between training and inference. */
  features: string[];
}

/** Raw additive scores of a forest for one feature vector. */
export function forestScores(forest: Forest, x: ArrayLike<number>): number[] {
  const out = forest.base.slice();
  for (const round of forest.trees) {
    for (let k = 0; k < round.length; k++) {
      const tree = round[k];
      let i = 0;
      for (;;) {
        const node = tree[i];
        if (node[0] < 0) {
          out[k] += node[1];
          break;
        }
        i = x[node[0]] <= node[1] ? node[2] : node[3];
      }
    }
  }
  return out;
}

/** Probability of the positive class of a binary forest. */
export function forestProbability(forest: Forest, x: ArrayLike<number>): number {
  return sigmoid(forestScores(forest, x)[0]);
}

/** Class probabilities of a softmax forest. */
export function forestSoftmax(forest: Forest, x: ArrayLike<number>): number[] {
  return softmax(forestScores(forest, x));
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export interface TrainOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 regularisation of leaf values. */
  lambda: number;
  /** Minimum hessian sum in a child. */
  minChild: number;
  /** Fraction of rows sampled per round. */
  subsample: number;
  /** Fraction of features considered per tree. */
  colsample: number;
  bins: number;
  seed: number;
  /** Optional per-row weights (class balancing). */
  weights?: Float64Array;
}

const DEFAULTS: TrainOptions = {
  rounds: 200,
  depth: 4,
  learningRate: 0.1,
  lambda: 1,
  minChild: 1,
  subsample: 0.8,
  colsample: 1,
  bins: 48,
  seed: 1,
};

/**
 * Trains a forest. `y` holds class indices; with `classes === 2` a single logistic output is
 * trained, otherwise one softmax output per class.
 */
export function trainForest(
  X: readonly number[][],
  y: readonly number[],
  classes: number,
  features: string[],
  options: Partial<TrainOptions> = {},
): Forest {
  const o = { ...DEFAULTS, ...options };
  const n = X.length;
  const d = features.length;
  const rand = seededRandom(o.seed);
  const outputs = classes === 2 ? 1 : classes;
  const w = o.weights ?? new Float64Array(n).fill(1);

  // Quantile bin edges per feature.
  const edges: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let f = 0; f < d; f++) {
    const vals = X.map((r) => r[f]).sort((a, b) => a - b);
    const e: number[] = [];
    for (let b = 1; b < o.bins; b++) {
      const v = vals[Math.floor((b * (n - 1)) / o.bins)];
      if (!e.length || v > e[e.length - 1]) e.push(v);
    }
    edges.push(e);
    const col = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = X[i][f];
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= e[mid]) hi = mid;
        else lo = mid + 1;
      }
      col[i] = lo;
    }
    binned.push(col);
  }

  // Base scores from class priors.
  const prior = new Array(classes).fill(0);
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    prior[y[i]] += w[i];
    wsum += w[i];
  }
  const base =
    outputs === 1
      ? [Math.log(prior[1] / wsum / (1 - prior[1] / wsum))]
      : prior.map((p) => Math.log(Math.max(1e-6, p / wsum)));
  const F = Array.from({ length: outputs }, (_, k) => new Float64Array(n).fill(base[k]));
  const trees: Tree[][] = [];
  const g = new Float64Array(n);
  const h = new Float64Array(n);

  for (let round = 0; round < o.rounds; round++) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (rand() < o.subsample) rows.push(i);
    const probs: Float64Array[] = [];
    if (outputs > 1) {
      for (let k = 0; k < outputs; k++) probs.push(new Float64Array(n));
      for (let i = 0; i < n; i++) {
        let m = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < outputs; k++) m = Math.max(m, F[k][i]);
        let s = 0;
        for (let k = 0; k < outputs; k++) {
          const e = Math.exp(F[k][i] - m);
          probs[k][i] = e;
          s += e;
        }
        for (let k = 0; k < outputs; k++) probs[k][i] /= s;
      }
    }
    const roundTrees: Tree[] = [];
    for (let k = 0; k < outputs; k++) {
      for (let i = 0; i < n; i++) {
        const p = outputs === 1 ? sigmoid(F[0][i]) : probs[k][i];
        const t = outputs === 1 ? y[i] : y[i] === k ? 1 : 0;
        g[i] = (p - t) * w[i];
        h[i] = Math.max(1e-6, p * (1 - p)) * w[i];
      }
      const feats: number[] = [];
      for (let f = 0; f < d; f++) if (o.colsample >= 1 || rand() < o.colsample) feats.push(f);
      const tree = growTree(rows, feats, binned, edges, g, h, o);
      roundTrees.push(tree);
      for (let i = 0; i < n; i++) F[k][i] += evalTree(tree, X[i]);
    }
    trees.push(roundTrees);
  }
  return { outputs, base: base.map((b) => round6(b)), trees, features };
}

function evalTree(tree: Tree, x: readonly number[]): number {
  let i = 0;
  for (;;) {
    const node = tree[i];
    if (node[0] < 0) return node[1];
    i = x[node[0]] <= node[1] ? node[2] : node[3];
  }
}

function growTree(
  rows: number[],
  feats: number[],
  binned: Uint8Array[],
  edges: number[][],
  g: Float64Array,
  h: Float64Array,
  o: TrainOptions,
): Tree {
  const tree: Tree = [];
  const build = (idx: number[], depth: number): number => {
    const at = tree.length;
    let G = 0;
    let H = 0;
    for (const i of idx) {
      G += g[i];
      H += h[i];
    }
    const leafValue = round6((-G / (H + o.lambda)) * o.learningRate);
    tree.push([-1, leafValue]);
    if (depth >= o.depth || idx.length < 4) return at;
    let bestGain = 1e-9;
    let bestF = -1;
    let bestB = -1;
    const parent = (G * G) / (H + o.lambda);
    for (const f of feats) {
      const nb = edges[f].length + 1;
      const hg = new Float64Array(nb);
      const hh = new Float64Array(nb);
      const col = binned[f];
      for (const i of idx) {
        hg[col[i]] += g[i];
        hh[col[i]] += h[i];
      }
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < nb - 1; b++) {
        gl += hg[b];
        hl += hh[b];
        const gr = G - gl;
        const hr = H - hl;
        if (hl < o.minChild || hr < o.minChild) continue;
        const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          bestF = f;
          bestB = b;
        }
      }
    }
    if (bestF < 0) return at;
    const col = binned[bestF];
    const left: number[] = [];
    const right: number[] = [];
    for (const i of idx) (col[i] <= bestB ? left : right).push(i);
    const threshold = edges[bestF][bestB];
    const l = build(left, depth + 1);
    const r = build(right, depth + 1);
    tree[at] = [bestF, threshold, l, r];
    return at;
  };
  build(rows, 0);
  return tree;
}

function round6(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}
