/**
 * Article-level stance: is this article framed as "the story is false"? Real coverage disputes a
 * story as a whole ("Batmobile wasn't stolen: cops", "the video is a hoax"), rarely by repeating a
 * claim's names and numbers, so the pipeline asks this of every article and lets a debunking article
 * dispute the claims of the articles of its story that assert what it denies.
 *
 * A logistic regression over positional bags of words (the headline apart from the body) and
 * refutation cues, trained by `npm run train:debunk` on Emergent headlines (for vs against) and FNC-1
 * training bodies whose side is known (models/debunk.json).
 */
import raw from '../../models/debunk.json';
import { NEGATIONS, stem, tokens } from '../match/text.ts';
import type { ArticleSide } from '../model/story.ts';
import { CANNOT_CONFIRM, DEBUNK_FRAME, refutingWords, STRONG_REFUTATION } from './cues.ts';

export interface DebunkModel {
  version: number;
  bias: number;
  weights: Record<string, number>;
  /**
   * Probability from which an article reads as a debunk, for a headline alone and for an article with a
   * body (chosen on the training data's dev carve so that few reports pass).
   */
  threshold: { headline: number; article: number };
  /** Probability below which an article confidently reports its story (most debunks score above it). */
  reportBelow: { headline: number; article: number };
}

const model = raw as unknown as DebunkModel;

/** Words that never carry the framing, kept out so the model stays small. */
const IGNORED = new Set(
  'a an the of to in on at by for and or is are was were be been it its this that with as from'.split(' '),
);

function words(text: string, idioms: ReadonlySet<string> = NO_IDIOMS): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) {
    if (IGNORED.has(t)) continue;
    out.push((NEGATIONS.has(t) && !idioms.has(t)) || t.endsWith("n't") ? 'NOT' : stem(t));
  }
  return out;
}

const NO_IDIOMS: ReadonlySet<string> = new Set();
/**
 * Negative words a headline uses as idiom ("how Valdoria brokered a deal nobody expected", "nobody
 * knows", "Blackout leaves 412,000 without power"), not to deny its story: a debunk's headline negates
 * with "not", "no", "never" or "-n't"; none the model learned from says "nobody", and "without" tells
 * what befell people as often in its reports as in its debunks.
 */
const HEADLINE_IDIOMS: ReadonlySet<string> = new Set(['nobody', 'without']);

/** Refuting words that name a crime a story reports (`debunkFeatures`' headline). */
const CRIME_WORDS = /\b(?:fraud(?:s|ulent|sters?)?|scam(?:s|mers?)?)\b/gi;

/** Body sentences, from the first, in which a debunk usually states itself. */
const LEAD_SENTENCES = 3;

/**
 * Features of an article: the headline's words and word pairs (`h:`, `h2:`), the body's words with
 * the share of its sentences that hold them (`b:`), and cue counts. Debunk framing (`DEBUNK_FRAME`) is
 * read four ways: its share of sentences, whether any sentence holds it, how many (log), and whether
 * the lead does, since one such sentence in a long body is as telling as several in a short one.
 * Names are what the model reads.
 */
export function debunkFeatures(headline: string, body: readonly string[]): Map<string, number> {
  const f = new Map<string, number>();
  const hw = words(headline, HEADLINE_IDIOMS);
  for (const w of hw) f.set(`h:${w}`, 1);
  for (let i = 0; i + 1 < hw.length; i++) f.set(`h2:${hw[i]} ${hw[i + 1]}`, 1);
  if (STRONG_REFUTATION.test(headline)) f.set('h#refutes', 1);
  // One feature for the whole refuting vocabulary: each word alone is too rare to learn a weight for. A
  // crime's name ("jailed over investor fraud", "warned to watch for scam emails") tells what the story
  // is about, not that it is false: no headline the model learned from holds one.
  if (refutingWords(headline.replace(CRIME_WORDS, ' '))) f.set('h#refuting-word', 1);
  if (CANNOT_CONFIRM.test(headline)) f.set('h#unsure', 1);
  if (/\?\s*$/.test(headline.trim())) f.set('h#question', 1);
  if (!body.length) {
    f.set('#headline-only', 1);
    return f;
  }
  const perSentence = new Map<string, number>();
  let refuting = 0;
  let unsure = 0;
  let refutingWordSentences = 0;
  let framing = 0;
  let framedLead = false;
  body.forEach((s, i) => {
    if (!DEBUNK_FRAME.test(s)) return;
    framing++;
    if (i < LEAD_SENTENCES) framedLead = true;
  });
  for (const s of body) {
    for (const w of new Set(words(s))) perSentence.set(w, (perSentence.get(w) ?? 0) + 1);
    if (STRONG_REFUTATION.test(s)) refuting++;
    if (refutingWords(s)) refutingWordSentences++;
    if (CANNOT_CONFIRM.test(s)) unsure++;
  }
  const n = body.length;
  for (const [w, c] of perSentence) f.set(`b:${w}`, Math.min(1, (2 * c) / n));
  f.set('b#refutes', Math.min(1, (3 * refuting) / n));
  f.set('b#refutes-any', refuting ? 1 : 0);
  f.set('b#refuting-word', Math.min(1, (3 * refutingWordSentences) / n));
  f.set('b#unsure', Math.min(1, (3 * unsure) / n));
  if (STRONG_REFUTATION.test(body[0] ?? '')) f.set('b#refutes-lead', 1);
  f.set('b#frame', Math.min(1, (3 * framing) / n));
  if (framing) f.set('b#frame-any', 1);
  f.set('b#frame-log', Math.log1p(framing) / 2);
  if (framedLead) f.set('b#frame-lead', 1);
  return f;
}

/** The logistic model's probability for a feature map. */
export function debunkProbabilityOf(features: Map<string, number>, m: DebunkModel = model): number {
  let z = m.bias;
  for (const [name, value] of features) {
    const w = m.weights[name];
    if (w !== undefined) z += w * value;
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * How strongly an article (headline and body sentences) is framed as a debunk of its story, and the side
 * that makes it take: a debunk, a report, or neither when the model is unsure (then it disputes nothing
 * as a whole and is disputed by nothing as a whole).
 */
export function debunkReading(
  headline: string,
  body: readonly string[],
): { probability: number; side: ArticleSide } {
  const probability = debunkProbabilityOf(debunkFeatures(headline, body));
  const kind = body.length ? 'article' : 'headline';
  const side: ArticleSide =
    probability >= model.threshold[kind]
      ? 'debunk'
      : probability < model.reportBelow[kind]
        ? 'report'
        : 'unsure';
  return { probability, side };
}
