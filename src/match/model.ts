/**
 * The trained paraphrase model (models/match.json, written by `npm run train:match`), loaded through
 * a JSON import so Vite bundles it into the background script; no fetch, no Node APIs.
 */
import raw from '../../models/match.json';
import { featuresSymmetric, type IdfTable, matchFeatures, type Prepared } from './features.ts';
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

/**
 * The paraphrase probabilities of one comparison of two articles. Judging two articles reads them both
 * ways (src/stance/pair.ts `judgeBoth`), and the alignment pairs the same sentences each way, so the
 * second way finds the model's answer here instead of running it again. Lives for one comparison only:
 * a new article's sentences are never judged on answers kept from earlier ones.
 */
export class ParaphraseMemo {
  private readonly known = new Map<Prepared, Map<Prepared, number>>();

  /** `paraphraseProbability(a, b)`, from the memo when either order was asked and the features agree. */
  probability(a: Prepared, b: Prepared): number {
    const same = this.known.get(a)?.get(b);
    if (same !== undefined) return same;
    const reverse = this.known.get(b)?.get(a);
    const p = reverse !== undefined && featuresSymmetric(a, b) ? reverse : paraphraseProbability(a, b);
    let row = this.known.get(a);
    if (!row) {
      row = new Map();
      this.known.set(a, row);
    }
    row.set(b, p);
    return p;
  }
}
