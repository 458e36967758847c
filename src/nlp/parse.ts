/**
 * One pass of wink-nlp over a block of prose: sentence boundaries and part-of-speech tags with
 * UTF-16 offsets. wink-nlp's English lite web model is used because it runs unchanged in the
 * extension's service worker and in Node, knows news abbreviations ("Oct.", "Rep.", "U.S.") and
 * tags a long article well within the pipeline's budget (bench/claims-bench.ts); everything else (numbers, dates, attribution) is built
 * on its tokens.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export interface Token {
  text: string;
  /** Offsets into the parsed text. */
  start: number;
  end: number;
  /** Universal POS tag from wink ("PROPN", "NOUN", "VERB", "NUM", "PUNCT", ...). */
  pos: string;
}

export interface ParsedSentence {
  start: number;
  end: number;
  /** Tokens of this sentence (offsets into the parsed text). */
  tokens: Token[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

/** The wink instance is built on first use, so importing this module stays cheap. */
function engine(): Nlp {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Loads the language model now (building it is the slow part of the first parse), e.g. when the service worker starts. */
export function warmUp(): void {
  engine();
}

const BULLET = /^[\s•·▪◦‣●○■□\-–—*>]+/u;
const DOUBLE_OPEN = /[“«„]/gu;
const DOUBLE_CLOSE = /[”»]/gu;

/**
 * Sentences of a text with their tokens. Lines are parsed separately (a headline, a bullet or a
 * subhead never runs into the next line), bullet glyphs are left out of the sentence, and a quote
 * that wink split in the middle ("We will fight. We will win," he said.) is joined back so that the
 * whole quote keeps its speaker.
 */
export function parseText(text: string): ParsedSentence[] {
  return parseTexts([text], false)[0];
}

/**
 * The same sentences as `parseText`, but each token's offsets are relative to its sentence's start,
 * which is what the detectors take. Built directly, so the article path does not copy every token.
 */
export function parseSentences(text: string): ParsedSentence[] {
  return parseTexts([text], true)[0];
}

/**
 * `parseSentences` of each text, read by wink in one pass: an article's paragraphs are many short
 * texts, and a pass of wink has a fixed cost (setting up the document, listing its tokens and tags)
 * that one pass over them all pays once. Each line still gets the sentences it gets alone: the lines
 * are read as paragraphs of one document (a blank line between two, where wink's tokens and tags
 * are those of the line read alone) and no sentence crosses from one line to the next.
 */
export function parseBlocks(texts: readonly string[]): ParsedSentence[][] {
  return parseTexts(texts, true);
}

/** A line of one of the texts: what wink reads, where it starts in its text, and whose text it is. */
interface Line {
  text: string;
  base: number;
  owner: number;
}

/** What goes between two lines in the one document wink reads: a paragraph break. */
const LINE_BREAK = '\n\n';

function parseTexts(texts: readonly string[], relative: boolean): ParsedSentence[][] {
  const lines: Line[] = [];
  const lineRe = /[^\n\r]+/g;
  texts.forEach((text, owner) => {
    lineRe.lastIndex = 0;
    for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
      const bullet = BULLET.exec(m[0]);
      const skip = bullet ? bullet[0].length : 0;
      if (skip >= m[0].length) continue;
      lines.push({ text: m[0].slice(skip), base: m.index + skip, owner });
    }
  });
  const out = texts.map((): ParsedSentence[] => []);
  if (!lines.length) return out;
  const joined = lines.map((l) => l.text).join(LINE_BREAK);
  const doc = engine().readDoc(joined);
  const its = engine().its;
  const { values, tags, first } = splitPossessives(
    doc.tokens().out() as string[],
    doc.tokens().out(its.pos) as string[],
  );
  // Where each line starts in the joined text; the offsets of the tokens in it, and each token's line.
  const lineStarts: number[] = [];
  let lineStart = 0;
  for (const l of lines) {
    lineStarts.push(lineStart);
    lineStart += l.text.length + LINE_BREAK.length;
  }
  const starts = new Array<number>(values.length);
  const ends = new Array<number>(values.length);
  const lineOf = new Array<number>(values.length);
  let cursor = 0;
  let line = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Mostly the token starts at the cursor or one space after it; else search for it.
    let at = joined.startsWith(value, cursor)
      ? cursor
      : joined.charCodeAt(cursor) === 32 && joined.startsWith(value, cursor + 1)
        ? cursor + 1
        : joined.indexOf(value, cursor);
    if (at < 0) at = cursor;
    // wink normalises nothing in token values, but be safe when a token is not found verbatim.
    const end = Math.min(joined.length, at + value.length);
    starts[i] = at;
    ends[i] = end;
    cursor = end;
    while (line + 1 < lines.length && at >= lineStarts[line + 1]) line++;
    lineOf[i] = line;
  }
  // wink's sentences, cut at the lines' ends, per line (offsets into the line).
  const sentencesOf = lines.map((): LineSentence[] => []);
  const spans = doc.sentences().out(its.span) as unknown as number[][];
  for (const [a, b] of spans) {
    // wink's spans count its own tokens; a split possessive is two of ours.
    const from = first ? (first[a] ?? values.length) : a;
    const last = first ? (first[b + 1] ?? values.length) - 1 : b;
    let current: LineSentence | null = null;
    for (let k = from; k <= last && k < values.length; k++) {
      if (tags[k] === 'SPACE') continue;
      const at = lineStarts[lineOf[k]];
      if (!current || lineOf[k] !== lineOf[current.tokens[0]]) {
        current = { start: starts[k] - at, end: ends[k] - at, tokens: [] };
        sentencesOf[lineOf[k]].push(current);
      }
      current.tokens.push(k);
      current.end = ends[k] - at;
    }
  }
  lines.forEach((l, i) => {
    if (sentencesOf[i].length)
      finishLine(
        l.text,
        l.base,
        relative,
        sentencesOf[i],
        { values, tags, starts, ends, offset: lineStarts[i] },
        out[l.owner],
      );
  });
  return out;
}

/** A sentence while a line is parsed: offsets into the line and the indexes of its tokens. */
interface LineSentence {
  start: number;
  end: number;
  tokens: number[];
}

/** The tokens of the document wink read: values, tags and offsets in it; `offset` is where the line starts. */
interface LineTokens {
  values: readonly string[];
  tags: readonly string[];
  starts: readonly number[];
  ends: readonly number[];
  offset: number;
}

/** Mends wink's sentences of one line (see below) and appends them to `out`. */
function finishLine(
  line: string,
  base: number,
  relative: boolean,
  sentences: LineSentence[],
  { values, tags, starts, ends, offset }: LineTokens,
  out: ParsedSentence[],
): void {
  // A full stop that a lower-case letter or a digit follows with no space between ends no sentence:
  // wink splits "website Snopes.com which" and "Amazon.com last week" after the dot.
  for (let i = sentences.length - 1; i > 0; i--) {
    const a = sentences[i - 1];
    const b = sentences[i];
    if (b.start === a.end && line.charCodeAt(a.end - 1) === 46 && INNER_DOT_NEXT.test(line[b.start] ?? ''))
      sentences.splice(i - 1, 2, { start: a.start, end: b.end, tokens: a.tokens.concat(b.tokens) });
  }
  // Join sentences while a double quote opened in them is still open.
  for (let i = 0; i < sentences.length; i++) {
    let s = sentences[i];
    let balance = quoteBalance(line.slice(s.start, s.end));
    let joined = 0;
    while (balance > 0 && i + 1 < sentences.length && joined < 4) {
      const next = sentences[i + 1];
      const nextText = line.slice(next.start, next.end);
      const nextBalance = quoteBalance(nextText);
      if (nextBalance >= 0 && !/[”»"]/.test(nextText)) break;
      s = { start: s.start, end: next.end, tokens: s.tokens.concat(next.tokens) };
      sentences.splice(i + 1, 1);
      balance += nextBalance;
      joined++;
    }
    const shift = offset + (relative ? s.start : -base);
    out.push({
      start: base + s.start,
      end: base + s.end,
      tokens: s.tokens.map((k) => ({
        text: values[k],
        start: starts[k] - shift,
        end: ends[k] - shift,
        pos: tags[k],
      })),
    });
  }
}

/** What follows a full stop inside a word ("Snopes.com", "co.uk", "2.5"): a lower-case letter or a digit. */
const INNER_DOT_NEXT = /^[\p{Ll}\p{N}]$/u;

/** A word and its possessive ending, as one token ("Bartleby's", "Baghdadi’s"). */
const POSSESSIVE = /^(\p{L}[\p{L}\p{N}.-]*)(['’][sS])$/u;

/** A cheap test before the expression: a token longer than its possessive ending that ends in one. */
function isPossessive(word: string): boolean {
  const n = word.length;
  return (
    n > 2 && (word.charCodeAt(n - 1) === 115 || word.charCodeAt(n - 1) === 83) && /['’]/.test(word[n - 2])
  );
}

/**
 * wink splits a possessive ("Trump's" into "Trump" and "'s") unless its lexicon already holds the whole
 * word, and it adds words to its lexicon as it reads: a possessive before a comma or a full stop ("none of
 * Bartleby's.") is kept whole and learnt, and from then on kept whole everywhere. So the same sentence
 * would be read differently depending on what the process read before. Splitting every possessive here
 * reads it the same way every time, the way wink reads one it has not learnt.
 */
function splitPossessives(
  words: string[],
  wordTags: string[],
): { values: string[]; tags: string[]; first: number[] | null } {
  // Most lines hold no possessive: wink's tokens are ours, one for one.
  if (!words.some(isPossessive)) return { values: words, tags: wordTags, first: null };
  const values: string[] = [];
  const tags: string[] = [];
  /** Per token of wink's, the index of its first token here (null: the same tokens). */
  const first: number[] = [];
  for (let i = 0; i < words.length; i++) {
    first.push(values.length);
    const m = isPossessive(words[i]) ? POSSESSIVE.exec(words[i]) : null;
    if (m) {
      values.push(m[1], m[2]);
      tags.push(wordTags[i], 'PART');
    } else {
      values.push(words[i]);
      tags.push(wordTags[i]);
    }
  }
  return { values, tags, first };
}

/** Opened minus closed double quotes; straight quotes count as opening when their number is odd. */
function quoteBalance(s: string): number {
  const open = s.match(DOUBLE_OPEN)?.length ?? 0;
  const close = s.match(DOUBLE_CLOSE)?.length ?? 0;
  const straight = s.match(/"/g)?.length ?? 0;
  return open - close + (straight % 2 === 1 ? (/^\s*"/.test(s) ? 1 : -1) : 0);
}
