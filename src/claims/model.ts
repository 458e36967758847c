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

/** Raw log-odds of check-worthiness for a sentence's feature keys. */
export function textLogit(features: readonly string[], model: ClaimModel = defaultModel): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
