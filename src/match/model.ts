/**
 * The trained paraphrase model (models/match.json, written by `npm run train:match`), loaded through
 * a JSON import so Vite bundles it into the background script; no fetch, no Node APIs.
 */
import raw from '../../models/match.json';
import { type IdfTable, matchFeatures, type Prepared } from './features.ts';
import { type Forest, forestProbability } from './gbdt.ts';

interface MatchModel {
  version: number;
  threshold: number;
  idf: IdfTable;
  forest: Forest;
}

const model = raw as unknown as MatchModel;

/** Word rarity table shared by the matcher, the index and the stance model. */
export const IDF: IdfTable = model.idf;

/** Decision threshold of the paraphrase model (MSRP: paraphrase when the probability reaches it). */
export const PARAPHRASE_THRESHOLD = model.threshold;

/** Probability that two sentences are paraphrases, from the MSRP-trained forest. */
export function paraphraseProbability(a: Prepared, b: Prepared): number {
  return forestProbability(model.forest, matchFeatures(a, b, IDF));
}
