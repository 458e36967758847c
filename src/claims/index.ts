/**
 * Check-worthiness of every prose sentence of an article. First cut (issue 3 replaces the scorer):
 * numbers and attributions make a sentence check-worthy; short fragments never are.
 */
import { type ArticleBlock, joinBlocks } from '../article/types.ts';
import { splitSentences } from '../nlp/sentences.ts';
import type { Attribution, NumberMention, SentenceAnalysis } from './types.ts';

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'quote']);

/** Analyses every sentence of the article's prose blocks; offsets are into the joined article text. */
export function analyzeSentences(blocks: readonly ArticleBlock[], _publishedAt?: string): SentenceAnalysis[] {
  const { spans } = joinBlocks(blocks);
  const out: SentenceAnalysis[] = [];
  blocks.forEach((block, b) => {
    if (!PROSE_KINDS.has(block.kind)) return;
    for (const s of splitSentences(block.text)) {
      const text = block.text.slice(s.start, s.end);
      const offset = spans[b].start;
      out.push(analyzeSentence(text, offset + s.start, offset + s.end));
    }
  });
  return out;
}

function analyzeSentence(text: string, start: number, end: number): SentenceAnalysis {
  const numbers = findNumbers(text);
  const attribution = findAttribution(text);
  const words = text.split(/\s+/).length;
  let score = 0.1;
  if (numbers.length) score += 0.45;
  if (attribution) score += 0.4;
  if (words < 6) score = 0.02;
  return { text, start, end, score: Math.min(1, score), attribution, numbers, dates: [], entities: [], hedges: [] };
}

function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(/\d[\d,.]*/g)) {
    const value = Number(m[0].replace(/,/g, '').replace(/\.$/, ''));
    if (Number.isFinite(value))
      out.push({ raw: m[0], value, qualifier: 'exact', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function findAttribution(text: string): Attribution | null {
  const m = /\b((?:[A-Z][\w'’-]+\s){0,3}[A-Z][\w'’-]+)\s+(said|says|told|claimed|warned|stated)\b/.exec(text);
  if (m) return { source: m[1], verb: m[2] };
  const a = /\baccording to ((?:[A-Z][\w'’-]+\s?){1,4})/.exec(text);
  return a ? { source: a[1].trim(), verb: 'according to' } : null;
}
