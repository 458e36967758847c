/**
 * The learned part of check-worthiness: a logistic regression over word, part-of-speech and
 * linguistic features, trained by `npm run train:claims` and committed as models/claims.json.
 */
import weights from '../../models/claims.json';

export interface ClaimModel {
  version: number;
  /** Logit offset; training shifts it so that 0.5 is the best operating point on a calibration split. */
  bias: number;
  /** Feature key -> weight. */
  weights: Record<string, number>;
  meta?: Record<string, unknown>;
}

/** The committed model. */
export const defaultModel = weights as ClaimModel;

/** Weights as a Map, built once per model: a Map lookup is several times cheaper than a big object's. */
const weightMaps = new WeakMap<ClaimModel, Map<string, number>>();

function weightMap(model: ClaimModel): Map<string, number> {
  let map = weightMaps.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    weightMaps.set(model, map);
  }
  return map;
}

/** Raw log-odds of check-worthiness for a sentence's feature keys. */
export function textLogit(features: readonly string[], model: ClaimModel = defaultModel): number {
  const weights = weightMap(model);
  let z = model.bias;
  for (const f of features) z += weights.get(f) ?? 0;
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
