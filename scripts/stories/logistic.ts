/**
 * A small L2-regularised logistic regression over sparse named features, for training only (the
 * product reads the weights, src/stance/debunk.ts). Full-batch gradient descent with AdaGrad steps:
 * deterministic, so `npm run train` reproduces the weights byte for byte.
 */

export interface SparseExample {
  features: Map<string, number>;
  label: 0 | 1;
  /** Weight of the example in the loss (to balance sources of different sizes). */
  weight?: number;
}

export interface LogisticOptions {
  l2: number;
  epochs: number;
  rate: number;
  /** Features seen in fewer examples are dropped. */
  minCount: number;
}

export interface LogisticModel {
  bias: number;
  weights: Record<string, number>;
}

export function trainLogistic(data: readonly SparseExample[], opts: LogisticOptions): LogisticModel {
  const counts = new Map<string, number>();
  for (const e of data) for (const name of e.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts]
    .filter(([, c]) => c >= opts.minCount)
    .map(([n]) => n)
    .sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = data.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [n, v] of e.features) {
      const i = index.get(n);
      if (i !== undefined && v !== 0) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx, val, y: e.label, w: e.weight ?? 1 };
  });
  const total = rows.reduce((s, r) => s + r.w, 0);
  const w = new Float64Array(names.length);
  const g2 = new Float64Array(names.length).fill(1e-8);
  let b = 0;
  let gb2 = 1e-8;
  const grad = new Float64Array(names.length);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    grad.fill(0);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]] * r.val[k];
      const p = 1 / (1 + Math.exp(-z));
      const e = (p - r.y) * r.w;
      gb += e;
      for (let k = 0; k < r.idx.length; k++) grad[r.idx[k]] += e * r.val[k];
    }
    gb /= total;
    gb2 += gb * gb;
    b -= (opts.rate * gb) / Math.sqrt(gb2);
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] / total + opts.l2 * w[i];
      g2[i] += g * g;
      w[i] -= (opts.rate * g) / Math.sqrt(g2[i]);
    }
  }
  const weights: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) {
    const v = Math.round(w[i] * 1e4) / 1e4;
    if (Math.abs(v) >= 0.005) weights[names[i]] = v;
  }
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}

export function predict(model: LogisticModel, features: Map<string, number>): number {
  let z = model.bias;
  for (const [n, v] of features) z += (model.weights[n] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

/** Area under the ROC curve (ties count half). */
export function auc(scores: readonly number[], labels: readonly number[]): number {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  if (!pos.length || !neg.length) return Number.NaN;
  let sum = 0;
  for (const p of pos) for (const n of neg) sum += p > n ? 1 : p === n ? 0.5 : 0;
  return sum / (pos.length * neg.length);
}
