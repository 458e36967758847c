/**
 * Numbers as the matcher sees them: value, qualifier ("more than", "close to") and the words
 * around them, so that "close to 11,000 troops" and "more than 11,000 soldiers" are recognised as
 * compatible statements of one quantity while "about 10,000" and "more than 11,000" conflict.
 */
import type { NumberMention, NumberQualifier, SentenceAnalysis } from '../claims/types.ts';

export interface Quantity {
  /** The words as written, qualifier included ("more than 11,000"). */
  raw: string;
  value: number;
  qualifier: NumberQualifier;
  unit?: string;
  /** Years and days of month are dates, not quantities. */
  isDate: boolean;
}

const MONTHS =
  /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|(?:january|february|march|april|june|july|august|september|october|november|december)\s*$/i;

const QUALIFIERS: [RegExp, NumberQualifier][] = [
  [/(?:more than|over|above|in excess of|upwards of|exceeding)\s*$/i, 'more-than'],
  [/(?:at least|no fewer than|no less than|a minimum of)\s*$/i, 'at-least'],
  [/(?:fewer than|less than|under|below)\s*$/i, 'less-than'],
  [/(?:at most|no more than|a maximum of)\s*$/i, 'at-most'],
  [/(?:up to|as many as|as much as)\s*$/i, 'up-to'],
  [
    /(?:about|around|roughly|approximately|nearly|almost|close to|some|an estimated|estimated|circa|approx\.?|~|just under|just over|more or less)\s*$/i,
    'approx',
  ],
];

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
};

const WORD_NUMBERS: Record<string, number> = {
  dozen: 12,
  dozens: 24,
  hundred: 100,
  hundreds: 200,
  thousands: 2000,
  ten: 10,
  twelve: 12,
  twenty: 20,
  fifty: 50,
};

/** Finds the quantities in a sentence text, with qualifiers read from the words before each number. */
export function quantitiesOf(text: string): Quantity[] {
  const out: Quantity[] = [];
  const re =
    /(\$|€|£)?(\d+(?:[,.]\d+)*)(?:\s*-?\s*(thousand|million|billion|trillion|bn|mn|k|m|b)\b)?(\s*%|\s*per\s?cent)?/gi;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const numText = m[2].replace(/,(?=\d{3}\b)/g, '');
    let value = Number(numText.replace(/,/g, '.'));
    if (!Number.isFinite(value)) continue;
    if (m[3]) value *= SCALE[m[3].toLowerCase()] ?? 1;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(start + m[0].length, start + m[0].length + 40);
    const isDate =
      (!m[3] && !m[4] && !m[1] && /^(1[89]\d\d|20\d\d)$/.test(numText)) ||
      (value <= 31 && MONTHS.test(before)) ||
      (value <= 31 &&
        /^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(
          after,
        )) ||
      /^[-–]\d/.test(after) ||
      /\d[-–]$/.test(before);
    let qualifier: NumberQualifier = 'exact';
    let qualText = '';
    for (const [q, name] of QUALIFIERS) {
      const qm = q.exec(before);
      if (qm) {
        qualifier = name;
        qualText = before.slice(qm.index);
        break;
      }
    }
    const unitMatch =
      /^\s*(?:(?:north|south|east|west|new|more|additional|extra|[a-z]+-[a-z]+|[a-z]+an|[a-z]+ese|[a-z]+ish)\s+){0,3}([a-z]+)/i.exec(
        after,
      );
    const unit = m[4] ? '%' : m[1] ? m[1] : unitMatch ? unitWord(unitMatch[1]) : undefined;
    out.push({ raw: `${qualText}${m[0]}`.trim(), value, qualifier, unit, isDate });
  }
  for (const m of text.matchAll(/\b(dozens|hundreds|thousands)\s+of\b/gi)) {
    out.push({
      raw: m[0],
      value: WORD_NUMBERS[m[1].toLowerCase()],
      qualifier: 'approx',
      unit: undefined,
      isDate: false,
    });
  }
  return out;
}

function unitWord(w: string): string | undefined {
  const s = w.toLowerCase();
  if (/^(of|and|or|the|in|to|on|at|by|for|from|with|a|an|were|was|are|is|will|would|have|has|had)$/.test(s))
    return undefined;
  return s.replace(/ies$/, 'y').replace(/s$/, '');
}

/**
 * Quantities of an analysed sentence. The analyser's own mentions are used for their offsets and
 * units when it has them; qualifiers are read again from the text so a weak analyser cannot turn
 * "close to 11,000" into a bare 11,000.
 */
export function sentenceQuantities(s: SentenceAnalysis): Quantity[] {
  const own = quantitiesOf(s.text);
  if (!s.numbers?.length) return own;
  return own.map((q) => {
    const theirs = s.numbers.find((n: NumberMention) => Math.abs(n.value - q.value) < 1e-9 && n.unit);
    return theirs && !q.unit ? { ...q, unit: theirs.unit?.toLowerCase() } : q;
  });
}

type Interval = [number, number];

function interval(q: Quantity): Interval {
  const v = q.value;
  switch (q.qualifier) {
    case 'approx':
      return [v * 0.96, v * 1.04];
    case 'more-than':
    case 'at-least':
      return [v, Number.POSITIVE_INFINITY];
    case 'less-than':
    case 'at-most':
    case 'up-to':
      return [0, v];
    default:
      return [v * 0.995, v * 1.005];
  }
}

/** Whether two statements of one quantity can both be true. */
export function compatible(a: Quantity, b: Quantity): boolean {
  const [a0, a1] = interval(a);
  const [b0, b1] = interval(b);
  return a0 <= b1 && b0 <= a1;
}

/** Whether two numbers are of the same order of magnitude (a premise for being one quantity). */
export function sameScale(a: Quantity, b: Quantity): boolean {
  if (a.unit === '%' || b.unit === '%') return a.unit === b.unit;
  const r = Math.max(a.value, b.value) / Math.max(1e-9, Math.min(a.value, b.value));
  return r < 4;
}

const UNIT_CLASSES: Record<string, string> = {};
for (const [cls, words] of Object.entries({
  people:
    'troop soldier infantrymen infantryman personnel fighter people person men man women recruit force servicemen serviceman worker resident civilian member',
  money: '$ € £ dollar euro pound',
  distance: 'mile kilometre kilometer km meter metre',
  time: 'day week month year hour minute',
})) {
  for (const w of words.split(' ')) UNIT_CLASSES[w] = cls;
}

/** Units agree when one side does not name one, or both name the same kind of thing. */
export function unitsAgree(a: Quantity, b: Quantity): boolean {
  if (!a.unit || !b.unit) return true;
  const ca = UNIT_CLASSES[a.unit] ?? a.unit;
  const cb = UNIT_CLASSES[b.unit] ?? b.unit;
  return ca === cb || ca.startsWith(cb) || cb.startsWith(ca);
}

/** Canonical key of a number for indexing: value rounded to two significant figures. */
export function numberKey(value: number): string {
  if (value === 0) return '#0';
  const mag = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return `#${Math.round(value / mag) * mag}`;
}
