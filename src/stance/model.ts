/**
 * The trained FNC-1 stance model (models/stance.json, written by `npm run train:stance`), loaded
 * through a JSON import so Vite bundles it.
 */
import raw from '../../models/stance.json';
import type { Prepared } from '../match/features.ts';
import { type Forest, forestSoftmax } from '../match/gbdt.ts';
import { IDF } from '../match/model.ts';
import { type BodyRep, prepareBody, stanceFeatures } from './features.ts';
import { FNC_LABELS, type FncLabel } from './fnc.ts';

const model = raw as unknown as { version: number; labels: FncLabel[]; forest: Forest };

/** Probabilities in FNC_LABELS order (agree, disagree, discuss, unrelated). */
export function stanceProbabilities(headline: string, body: BodyRep, head?: Prepared): number[] {
  return forestSoftmax(model.forest, stanceFeatures(headline, body, IDF, head));
}

/** Prepares a body for many headlines (the FNC-1 files reuse each body for many headlines). */
export function prepareFncBody(body: string | readonly string[]): BodyRep {
  return prepareBody(body, IDF);
}

/** The most probable FNC-1 label of a headline against a body. */
export function predictFncLabel(headline: string, body: BodyRep): FncLabel {
  const p = stanceProbabilities(headline, body);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return FNC_LABELS[best];
}
