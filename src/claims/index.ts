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
import { parseSentences, type Token } from '../nlp/parse.ts';
import { boilerplateBlock, boilerplateSentence } from './boilerplate.ts';
import { type SentenceFacts, sentenceLogit } from './features.ts';
import { type ClaimModel, defaultModel, lexiconLogit, sigmoid } from './model.ts';

export { DEFAULT_CLAIM_THRESHOLD } from '../model/sentence.ts';

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'quote']);

/** Score given to page furniture and fragments. */
const FURNITURE_SCORE = 0.01;
/** Highest score of a sentence too short or too verbless to state a fact: never a statement. */
const HEADING_CAP = STATEMENT_FLOOR;

const PRONOUN = /^(?:he|she|they|we|i)$/i;

/** Analyses every sentence of the article's prose blocks; offsets are into the joined article text. */
export function analyzeSentences(blocks: readonly ArticleBlock[], publishedAt?: string): SentenceAnalysis[] {
  // Three passes over the article (parse every block, then read every sentence's facts, then score
  // them) rather than one per sentence: each pass keeps its own code and tables hot, where
  // alternating wink-nlp, the detectors and the model per sentence keeps evicting them.
  const spans = blockSpans(blocks);
  const parsed = blocks.map((block) => (PROSE_KINDS.has(block.kind) ? parseSentences(block.text) : null));
  const out: SentenceAnalysis[] = [];
  const tokensOf: (readonly Token[] | null)[] = [];
  let lastSource: Attribution | null = null;
  const people = new Map<string, string>();
  blocks.forEach((block, b) => {
    const sentences = parsed[b];
    if (!sentences) return;
    const furniture = boilerplateBlock(block.text);
    const offset = spans[b].start;
    let previousInBlock: SentenceAnalysis | null = null;
    for (const s of sentences) {
      const text = block.text.slice(s.start, s.end);
      const tokens = s.tokens;
      const facts = describeSentence(text, tokens, publishedAt);
      // "He said ...": the speaker is the last named source of the article.
      if (facts.attribution && PRONOUN.test(facts.attribution.source) && lastSource) {
        facts.attribution = { ...lastSource, verb: facts.attribution.verb };
      }
      // A quote continued in the next sentence keeps its speaker.
      if (!facts.attribution && /^["“‘]/.test(text) && previousInBlock?.attribution) {
        facts.attribution = { ...previousInBlock.attribution };
      }
      if (facts.attribution && !PRONOUN.test(facts.attribution.source)) {
        lastSource = facts.attribution;
        const full = people.get(facts.attribution.source.split(' ').pop() ?? '');
        if (full && !facts.attribution.role && full !== facts.attribution.source) {
          const earlier = people.get(`role:${full}`);
          if (earlier) facts.attribution = { ...facts.attribution, role: earlier };
        }
      }
      for (const e of facts.entities) {
        if (e.type === 'person' && e.text.includes(' '))
          people.set(e.text.split(' ').pop() ?? e.text, e.text);
        else if (!e.text.includes(' ') && people.has(e.text)) e.type = 'person';
      }
      if (facts.attribution?.role) people.set(`role:${facts.attribution.source}`, facts.attribution.role);
      // Scored below, once every sentence's facts are read: the facts are final by now (later
      // sentences only read them).
      const analysis: SentenceAnalysis = {
        text,
        start: offset + s.start,
        end: offset + s.end,
        score: FURNITURE_SCORE,
        ...facts,
      };
      out.push(analysis);
      tokensOf.push(furniture ? null : tokens);
      previousInBlock = analysis;
    }
  });
  out.forEach((analysis, i) => {
    const tokens = tokensOf[i];
    if (tokens) analysis.score = scoreSentence(analysis.text, tokens, analysis);
  });
  return out;
}

/** Attribution, numbers, dates, entities and hedges of one sentence (tokens relative to `text`). */
export function describeSentence(
  text: string,
  tokens: readonly Token[],
  publishedAt?: string,
): SentenceFacts {
  return {
    attribution: findAttribution(text, tokens),
    numbers: findNumbers(text, tokens),
    dates: findDates(text, publishedAt),
    entities: findEntities(text, tokens),
    hedges: findHedges(text),
  };
}

/** The text model's log-odds: its word, tag and fact features and its word vectors. */
export function textModelLogit(
  text: string,
  tokens: readonly Token[],
  facts: SentenceFacts,
  model: ClaimModel = defaultModel,
): number {
  return sentenceLogit(text, tokens, facts, model) + lexiconLogit(tokens, model);
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
