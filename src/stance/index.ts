/**
 * Stance of another article's sentences toward a claim. As in FNC-1 (headline versus body), the
 * other article's best-matching sentences decide: the FNC-1-trained model reads the claim against
 * them, and explicit evidence — conflicting numbers for the same quantity, a refutation, an
 * inability to confirm — turns a match into a dispute or an "unclear" the reader can understand.
 */

import {
  type MatchEvidence,
  matchEvidence,
  preparedOf,
  sharedAnchors,
  similarityFrom,
} from '../match/index.ts';
import { compatible, type Quantity, sameScale, sentenceQuantities, unitsAgree } from '../match/numbers.ts';
import { concept, contentStems, stem } from '../match/text.ts';
import type { SentenceAnalysis } from '../model/sentence.ts';
import type { StanceDetail } from '../model/stance.ts';
import { CANNOT_CONFIRM, STRONG_REFUTATION } from './cues.ts';
import { prepareFncBody, stanceProbabilities } from './model.ts';

export interface SentenceJudgement {
  /** Index into the other article's sentences. */
  index: number;
  detail: StanceDetail;
}

/** Similarity from which a sentence states the same fact (confirms when nothing speaks against it). */
export const CONFIRM_SIMILARITY = 0.52;
/** Similarity from which two sentences are taken to speak of the same quantity, so different numbers conflict. */
export const NUMBER_SIMILARITY = 0.4;
/** Lower bar for a number conflict when both numbers count the same kind of thing and names are shared. */
export const NUMBER_UNIT_SIMILARITY = 0.2;
/** Topical relatedness from which a refutation or a "cannot confirm" is taken to be about the claim. */
export const RELATED_SIMILARITY = 0.18;
/** How many of the other article's best-matching sentences form the "body" the stance model reads. */
const BODY_SENTENCES = 3;

const AGREE = 0;
const DISAGREE = 1;
const DISCUSS = 2;
const UNRELATED = 3;

/** A number of ours and a number of theirs that cannot both be true for one quantity. */
export function numberConflict(
  claim: SentenceAnalysis,
  other: SentenceAnalysis,
  mode: 'any' | 'same-unit' = 'any',
): { ours: string; theirs: string } | undefined {
  const ours = sentenceQuantities(claim);
  const theirs = sentenceQuantities(other);
  for (const x of ours) {
    const comparable = theirs.filter(
      (y) => unitsAgree(x, y) && sameScale(x, y) && (mode === 'any' || (!!x.unit && !!y.unit)),
    );
    if (!comparable.length) continue;
    // One compatible statement of the quantity is enough: other numbers may count something else.
    if (comparable.some((y) => compatible(x, y))) continue;
    const y = closest(x, comparable);
    return { ours: x.raw, theirs: y.raw };
  }
  return undefined;
}

function closest(x: Quantity, ys: Quantity[]): Quantity {
  return ys.reduce((best, y) => (Math.abs(y.value - x.value) < Math.abs(best.value - x.value) ? y : best));
}

/**
 * Judges one claim against candidate sentences of ONE other article and returns the sentences
 * that stand toward it: the stance of each other sentence toward our claim.
 */
export function compareWithArticle(
  claim: SentenceAnalysis,
  others: readonly SentenceAnalysis[],
): SentenceJudgement[] {
  if (!others.length) return [];
  const scored = others.map((other, index) => {
    // `judge` needs two shared names or numbers before anything else: sentences below that rank last
    // for the article-level reading, and neither the evidence nor the paraphrase model is computed.
    const anchors = sharedAnchors(claim, other);
    if (anchors.sharedNames + anchors.sharedNumbers < 2)
      return { other, index, related: false, sim: 0 } as const;
    const evidence = matchEvidence(claim, other);
    return { other, index, evidence, related: true, sim: similarityFrom(evidence) } as const;
  });
  const head = preparedOf(claim);
  // Article-level reading of the best-matching sentences, as FNC-1 reads a body; computed only
  // when a sentence needs it.
  let article: number[] | undefined;
  const articleProbabilities = () => {
    if (!article) {
      const best = [...scored].sort((a, b) => b.sim - a.sim || a.index - b.index).slice(0, BODY_SENTENCES);
      article = stanceProbabilities(claim.text, prepareFncBody(best.map((b) => b.other.text)), head);
    }
    return article;
  };
  const out: SentenceJudgement[] = [];
  for (const entry of scored) {
    if (!entry.related) continue;
    const { other, index, evidence, sim } = entry;
    const detail = judge(claim, other, evidence, sim, articleProbabilities);
    if (detail) out.push({ index, detail });
  }
  return out;
}

function judge(
  claim: SentenceAnalysis,
  other: SentenceAnalysis,
  evidence: MatchEvidence,
  sim: number,
  article: () => number[],
): StanceDetail | null {
  // Below this, the sentences share too little for any stance to be about our claim.
  if (sim < RELATED_SIMILARITY || evidence.sharedNames + evidence.sharedNumbers < 2) return null;
  const score = round(sim);
  // "Cannot confirm" and refutations count only when what they are about is what our claim says.
  const unsure = CANNOT_CONFIRM.exec(other.text);
  if (unsure) return scopeCovered(claim, other.text, unsure.index) ? { stance: 'unclear', score } : null;
  const refutation = STRONG_REFUTATION.exec(other.text);
  if (refutation && !STRONG_REFUTATION.test(claim.text)) {
    if (!scopeCovered(claim, other.text, refutation.index)) return null;
    const p = pairProbabilities(claim, other);
    return p[DISAGREE] + article()[DISAGREE] > 0.1 || p[UNRELATED] < 0.5
      ? { stance: 'disputes', score }
      : null;
  }
  const conflict = numberConflict(claim, other, sim >= NUMBER_SIMILARITY ? 'any' : 'same-unit');
  if (conflict && sim >= NUMBER_UNIT_SIMILARITY)
    return { stance: 'disputes', score, numberConflict: conflict };
  if (sim >= CONFIRM_SIMILARITY) {
    const p = pairProbabilities(claim, other);
    if (p[DISAGREE] >= 0.5) return null;
    return p[AGREE] + p[DISCUSS] >= p[UNRELATED] || evidence.paraphrase >= 0.5
      ? { stance: 'confirms', score }
      : null;
  }
  return null;
}

/** The stance model's reading of one other sentence as the body. */
function pairProbabilities(claim: SentenceAnalysis, other: SentenceAnalysis): number[] {
  return stanceProbabilities(claim.text, prepareFncBody([other.text]), preparedOf(claim));
}

/** Words that frame a denial or a report rather than say what it is about. */
const FRAME = new Set(
  'claim report statement stat add confirm verify whether evidence hoax dismiss deny denied deni refut rejected fals untru basel debunk declin unabl abl immediat independ current already presenc involv'
    .split(' ')
    .map(stem),
);

/**
 * Whether our claim covers what the cue's clause (from the cue to the next "but" or ";") is
 * about: at least three of its content concepts and at least 70 % of them.
 */
export function scopeCovered(claim: SentenceAnalysis, text: string, cueIndex: number): boolean {
  const rest = text.slice(cueIndex);
  const end = rest.search(/;|\s(?:but|while|although|however)\s/i);
  const scope = new Set(
    contentStems(end > 0 ? rest.slice(0, end) : rest)
      .filter((s) => !FRAME.has(s) && !/^\d/.test(s))
      .map(concept),
  );
  if (scope.size < 2) return false;
  const ours = new Set(contentStems(claim.text).map(concept));
  let shared = 0;
  for (const s of scope) if (ours.has(s)) shared++;
  return shared >= Math.min(3, scope.size) && shared / scope.size >= 0.7;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
