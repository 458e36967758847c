/**
 * Sentence spans for any text. Delegates to the wink-nlp based parser so the claim detector, the
 * matcher and the CLI all cut sentences the same way.
 */
import { parseText } from './parse.ts';

export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Sentence spans (offsets into `text`), trimmed of surrounding white space and bullet glyphs. News
 * text needs more than a period rule: abbreviations ("Oct.", "Rep.", "U.S.", "Gen."), headlines and
 * subheads without final periods, bullet lists and quotes that span several sentences.
 */
export function splitSentences(text: string): SentenceSpan[] {
  return parseText(text).map(({ start, end }) => ({ start, end }));
}
