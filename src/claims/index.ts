/**
 * Check-worthiness of every prose sentence of an article, with what makes it checkable: who says it,
 * its numbers, dates, entities and hedges. The score is the learned text model's (trained on
 * ClaimBuster debate sentences, its features include attribution and numbers), capped for furniture
 * and fragments. News reports put many claims in a named source's mouth; that evidence is weighed
 * where claims are picked (`claimMask` in src/model/sentence.ts), not folded into the score, so the
 * score stays the calibrated probability that fact-checkers would check the sentence.
 */
import { type ArticleBlock, blockSpans } from '../article/types.ts';
import { type Attribution, type SentenceAnalysis, STATEMENT_FLOOR } from '../model/sentence.ts';
import { findAttribution } from '../nlp/attribution.ts';
import { findDates } from '../nlp/dates.ts';
import { findEntities } from '../nlp/entities.ts';
import { findHedges } from '../nlp/hedges.ts';
import { findNumbers } from '../nlp/numbers.ts';
import { parseBlocks, type Token } from '../nlp/parse.ts';
import { boilerplateBlock, boilerplateSentence } from './boilerplate.ts';
import { charScorer } from './chars.ts';
import { type SentenceFacts, sentenceLogit } from './features.ts';
import { type ClaimModel, defaultModel, lexiconLogit, sigmoid } from './model.ts';

export { DEFAULT_CLAIM_THRESHOLD } from '../model/sentence.ts';

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'quote']);

/** Score given to page furniture and fragments. */
const FURNITURE_SCORE = 0.01;
/** Highest score of a sentence too short or too verbless to state a fact: never a statement. */
const HEADING_CAP = STATEMENT_FLOOR;

const PRONOUN = /^(?:he|she|they|we|i)$/i;

/** A sentence of a prose block, as parsed: its text and tokens (offsets relative to the text). */
interface ParsedProse {
  text: string;
  tokens: readonly Token[];
  /** Offsets into the joined article text. */
  start: number;
  end: number;
  /** Index of the block. */
  block: number;
}

/** Analyses every sentence of the article's prose blocks; offsets are into the joined article text. */
export function analyzeSentences(blocks: readonly ArticleBlock[], publishedAt?: string): SentenceAnalysis[] {
  // The article is taken in passes (parse every block, run each detector over every sentence, link
  // sources across sentences, score every sentence) rather than all steps per sentence: each pass
  // keeps its own code and tables in the processor's caches, where alternating wink-nlp, the
  // detectors and the model sentence by sentence keeps evicting them.
  const spans = blockSpans(blocks);
  const prose: ParsedProse[] = [];
  const proseBlocks = blocks.flatMap((block, b) => (PROSE_KINDS.has(block.kind) ? [b] : []));
  parseBlocks(proseBlocks.map((b) => blocks[b].text)).forEach((parsed, k) => {
    const b = proseBlocks[k];
    const offset = spans[b].start;
    for (const s of parsed)
      prose.push({
        text: blocks[b].text.slice(s.start, s.end),
        tokens: s.tokens,
        start: offset + s.start,
        end: offset + s.end,
        block: b,
      });
  });
  // Blocks that are page furniture as a whole: their sentences are never claims.
  const furniture = new Set<number>();
  for (const b of new Set(prose.map((p) => p.block)))
    if (boilerplateBlock(blocks[b].text) !== null) furniture.add(b);
  const facts = describeSentences(prose, publishedAt);

  const out: SentenceAnalysis[] = [];
  let lastSource: Attribution | null = null;
  const people = new Map<string, string>();
  let previousInBlock: SentenceAnalysis | null = null;
  prose.forEach(({ text, start, end, block }, i) => {
    const f = facts[i];
    if (i === 0 || prose[i - 1].block !== block) previousInBlock = null;
    // "He said ...": the speaker is the last named source of the article.
    if (f.attribution && PRONOUN.test(f.attribution.source) && lastSource) {
      f.attribution = { ...lastSource, verb: f.attribution.verb };
    }
    // A quote continued in the next sentence keeps its speaker.
    if (!f.attribution && /^["“‘]/.test(text) && previousInBlock?.attribution) {
      f.attribution = { ...previousInBlock.attribution };
    }
    if (f.attribution && !PRONOUN.test(f.attribution.source)) {
      const full = people.get(f.attribution.source.split(' ').pop() ?? '');
      if (full && full !== f.attribution.source) {
        // "Ellery said" after "chief executive Martin Ellery": the person named in full before, whose
        // name tells this speaker from another of the same story ("spokeswoman Dana Whitfield").
        const earlier = f.attribution.role ? undefined : people.get(`role:${full}`);
        f.attribution = {
          ...f.attribution,
          ...(f.attribution.source.includes(' ') ? {} : { source: full }),
          ...(earlier ? { role: earlier } : {}),
        };
      }
      lastSource = f.attribution;
    }
    for (const e of f.entities) {
      if (e.type === 'person' && e.text.includes(' ')) people.set(e.text.split(' ').pop() ?? e.text, e.text);
      else if (!e.text.includes(' ') && people.has(e.text)) e.type = 'person';
    }
    // A speaker's name as the attribution reads it, without the title the entity reader may keep
    // ("Chief Executive Marta Lindqvist" is Marta Lindqvist).
    const named = f.attribution?.source;
    if (
      named &&
      /^\p{Lu}\S*(?:\s+\p{Lu}\S*)+$/u.test(named) &&
      people.get(named.split(' ').pop() ?? '') !== undefined
    )
      people.set(named.split(' ').pop() ?? named, named);
    if (f.attribution?.role) people.set(`role:${f.attribution.source}`, f.attribution.role);
    // Scored below, once every sentence is linked: later sentences only read these facts.
    const analysis: SentenceAnalysis = { text, start, end, score: FURNITURE_SCORE, ...f };
    out.push(analysis);
    previousInBlock = analysis;
  });
  out.forEach((analysis, i) => {
    const p = prose[i];
    if (!furniture.has(p.block)) analysis.score = scoreSentence(analysis.text, p.tokens, analysis);
  });
  return out;
}

/** Attribution, numbers, dates, entities and hedges of one sentence (tokens relative to `text`). */
export function describeSentence(
  text: string,
  tokens: readonly Token[],
  publishedAt?: string,
): SentenceFacts {
  return describeSentences([{ text, tokens }], publishedAt)[0];
}

/** `describeSentence` of each sentence, each detector run over all of them in turn (see `analyzeSentences`). */
function describeSentences(
  sentences: readonly { text: string; tokens: readonly Token[] }[],
  publishedAt?: string,
): SentenceFacts[] {
  const attributions = sentences.map((s) => findAttribution(s.text, s.tokens));
  const numbers = sentences.map((s) => findNumbers(s.text, s.tokens));
  const dates = sentences.map((s) => findDates(s.text, publishedAt));
  const entities = sentences.map((s) => findEntities(s.text, s.tokens));
  const hedges = sentences.map((s) => findHedges(s.text));
  return sentences.map((_, i) => ({
    attribution: attributions[i],
    numbers: numbers[i],
    dates: dates[i],
    entities: entities[i],
    hedges: hedges[i],
  }));
}

/** The text model's log-odds: its word, tag and fact features, its word vectors and its character n-grams. */
export function textModelLogit(
  text: string,
  tokens: readonly Token[],
  facts: SentenceFacts,
  model: ClaimModel = defaultModel,
): number {
  if (!model.chars) return sentenceLogit(text, tokens, facts, model) + lexiconLogit(tokens, model);
  // The character n-grams are counted from the words the word features' walk reads.
  const chars = charScorer(model.chars);
  const z = sentenceLogit(text, tokens, facts, model, chars.words) + lexiconLogit(tokens, model);
  return z + chars.logit();
}

/**
 * Check-worthiness in 0..1: the text model's probability, capped for fragments and headings. Exported
 * for the training and evaluation scripts so they score exactly like the product.
 */
export function scoreSentence(
  text: string,
  tokens: readonly Token[],
  facts: SentenceFacts,
  model: ClaimModel = defaultModel,
): number {
  const tags = tokens.map((t) => t.pos);
  const why = boilerplateSentence(text, tags);
  if (why) {
    if (why === 'fragment' || why === 'image' || why === 'credit' || why === 'date') return FURNITURE_SCORE;
    return Math.min(HEADING_CAP, sigmoid(textModelLogit(text, tokens, facts, model)));
  }
  return sigmoid(textModelLogit(text, tokens, facts, model));
}
