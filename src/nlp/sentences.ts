/**
 * First-cut sentence splitter (issue 3 replaces it): splits on ., ! or ? followed by space and
 * an upper-case letter or a quote, and keeps common abbreviations together.
 */
export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Rep|Sen|Gov|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|e\.g|i\.e)\.$/;

/** Sentence spans (offsets into `text`), trimmed of surrounding white space. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /[.!?]["”’')\]]*(?=\s+["“‘(]?[\p{Lu}\d])|\n+/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    push(text, start, end, spans);
    start = end;
  }
  push(text, start, text.length, spans);
  return spans;
}

function push(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}
