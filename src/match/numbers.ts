/**
 * Comparing quantities: whether another outlet's "more than 11,000 soldiers" and our "close to 11,000
 * troops" can both be true, and the index key of a number. Reading numbers and their qualifiers is
 * src/nlp/numbers.ts's job alone; this module only compares what it read.
 */
import type { NumberMention, SentenceAnalysis } from '../model/sentence.ts';
import { CELSIUS, FAHRENHEIT, findNumbers, SCORE_UNIT } from '../nlp/numbers.ts';
import { PEOPLE_KINDS } from '../nlp/people.ts';
import { measureOf, unitOf } from '../nlp/units.ts';

/** A number as the matcher compares it: the analyser's mention without its offsets. */
export type Quantity = Pick<NumberMention, 'raw' | 'value' | 'qualifier' | 'unit' | 'denied' | 'change'>;

/** The quantities of a raw text (pairs of sentences the analyser has not seen, e.g. MSRP or FNC-1). */
export function quantitiesOf(text: string): Quantity[] {
  return findNumbers(text);
}

/**
 * The quantities an analysed sentence states: the analyser's own mentions (its units come from parts of
 * speech), less the figures it denies ("1,800 people, not 2,000" states no 2,000).
 */
export function sentenceQuantities(s: SentenceAnalysis): Quantity[] {
  return (s.numbers ?? quantitiesOf(s.text)).filter((n) => !n.denied);
}

type Interval = [number, number];

/** A quantity in the form two outlets' figures compare in: a share as a percentage, Fahrenheit as Celsius. */
function comparable(q: Quantity): Quantity {
  return asPercent(inCelsius(q));
}

/**
 * Two quantities in the form they compare in (`comparable`), and two measures of one dimension written in
 * two units in its base unit: "three miles" against "2 kilometres" is 4,828 metres against 2,000.
 */
function comparablePair(a: Quantity, b: Quantity): [Quantity, Quantity] {
  const [x, y] = [comparable(a), comparable(b)];
  return converted(a, b) ? [inBaseUnit(x), inBaseUnit(y)] : [x, y];
}

/** A measure in its dimension's base unit ("three miles" as 4,828 metres); any other quantity as it is. */
export function inBaseUnit<Q extends Quantity>(q: Q): Q {
  const measure = measureOf(q.unit);
  return measure ? { ...q, value: q.value * measure.size, unit: measure.base } : q;
}

/**
 * How loosely a figure converted from another unit is read: outlets round a conversion ("5 km", "3 miles"
 * is 4.8 km), so two measures of one dimension in two units agree within this share.
 */
const CONVERTED_TOLERANCE = 0.06;

/** Whether two measures are of one dimension written in two units: one of them was converted. */
function converted(x: Quantity, y: Quantity): boolean {
  const a = measureOf(x.unit);
  const b = measureOf(y.unit);
  return !!a && !!b && a.base === b.base && a.size !== b.size;
}

/**
 * A temperature in Fahrenheit as the Celsius it is ("117.7F" is "47.6C"), so that two outlets' scales
 * compare; any other quantity as it is.
 */
export function inCelsius(q: Quantity): Quantity {
  return q.unit === FAHRENHEIT ? { ...q, value: ((q.value - 32) * 5) / 9, unit: CELSIUS } : q;
}

/** How loosely a share written as a fraction is meant: "a third" of a count is 30 to 37 per cent of it. */
const FRACTION_TOLERANCE = 0.1;

/**
 * A share as a percentage: "a third" and "34%" are one share, told two ways. A fraction in words is a
 * round telling ("nearly half" of 47 %), so it is read as approximate, more loosely than a written figure.
 */
function asPercent(q: Quantity): Quantity {
  return q.unit === 'fraction' ? { ...q, value: q.value * 100, unit: '%' } : q;
}

/**
 * Which way a figure's qualifier leaves it open: "at least 31", "more than", "just over" above; "up to
 * 500", "less than", "just under" below; an exact or approximate figure neither.
 */
export function boundWay(q: Quantity): 'above' | 'below' | undefined {
  switch (q.qualifier) {
    case 'more-than':
    case 'at-least':
    case 'just-over':
      return 'above';
    case 'less-than':
    case 'at-most':
    case 'up-to':
    case 'just-under':
      return 'below';
    default:
      return undefined;
  }
}

function interval(q: Quantity): Interval {
  const share = q.unit === 'fraction';
  const v = share ? q.value * 100 : q.value;
  // A fraction's value is loose in itself ("a third" is 30 to 37 %): its bounds start from its edges.
  const [lo, hi] = share ? [v * (1 - FRACTION_TOLERANCE), v * (1 + FRACTION_TOLERANCE)] : [v, v];
  switch (q.qualifier) {
    case 'more-than':
    case 'at-least':
      return [lo, Number.POSITIVE_INFINITY];
    case 'less-than':
    case 'at-most':
    case 'up-to':
      return [0, hi];
    case 'just-over':
    case 'just-under': {
      if (share) return [lo, hi];
      // Close on one side: within this share of the figure, and at least a unit of a count or half a point
      // of a whole percentage ("just over 10" is 11). A round count under a hundred is told to its rounding:
      // "just over 30 pupils" may be 34, "nearly 40" 36.
      const unit = !Number.isInteger(v) ? 0 : q.unit === '%' ? 0.5 : 1;
      const rounding =
        Number.isInteger(v) && q.unit !== '%' && v < 100
          ? Math.min(step(v) / 2, ONE_SIDED_ROUND_SHARE * v)
          : 0;
      const w = Math.max(v * ONE_SIDED_SHARE, unit, rounding);
      return q.qualifier === 'just-over' ? [v, v + w] : [v - w, v];
    }
    case 'approx':
      if (share) return [lo, hi];
      if (Number.isInteger(v) && q.unit !== '%') {
        // "Nearly a dozen" jetliners are 11: an approximate count is at least one either way; a round one
        // under a thousand is as loose as its rounding ("about 40 kilometres" is 42, "around 400 people" 420,
        // "nearly 200" 186), up to a limit.
        const rounding = v < 1000 ? Math.min(ROUNDING_SHARE * step(v), ROUNDING_LIMIT * v) : 0;
        const w = Math.max(v * 0.04, 1, rounding);
        return [v - w, v + w];
      }
      // "About 2 percent" rounds 2.3 percent, and "about 1%" 0.8%: an approximate whole share is as loose
      // as rounding it to a whole, within a quarter of it. One that is not round is told to its last digit
      // ("About 54 per cent" is no 51.8 percent); a round one as loosely as reporters round ("about 30
      // percent").
      if (Number.isInteger(v) && q.unit === '%' && v > 0) {
        const digit = v % 10 === 0 ? 2 : v % 5 === 0 ? 1.5 : 1;
        const w = Math.max(Math.min(digit, v * 0.04), Math.min(0.5, PERCENT_ROUNDING_LIMIT * v));
        return [v - w, v + w];
      }
      return [v * 0.96, v * 1.04];
    default:
      if (share) return [lo, hi];
      // A round figure ("a $2,000 tip") is how reporters write about $2,084: read it as approximate, as
      // far as rounding at its last digit reaches ("65,000" is no 61,842, which rounds to 62,000).
      if (!isRound(v)) return [v * 0.995, v * 1.005];
      return [Math.max(v * 0.95, v - step(v) / 2), Math.min(v * 1.05, v + step(v) / 2)];
  }
}

/**
 * How loose an approximate round count under a thousand is: within this share of the step of its last
 * digit ("about 40" from 36 to 44), and never more than this share of its value ("about 20" is not 22).
 * Larger counts are told more closely ("about 2,000" is no 1,800).
 */
const ROUNDING_SHARE = 0.4;
const ROUNDING_LIMIT = 0.08;
/** How far "just over" and "just under" reach from their figure, as a share of it ("just over 200" is 216 at most). */
const ONE_SIDED_SHARE = 0.08;
/** How far a one-sided round count under a hundred reaches at most, as a share of it ("just over 30" is 34). */
const ONE_SIDED_ROUND_SHARE = 0.15;
/** The share of an approximate whole percentage that its rounding may reach ("about 1%" is 0.75 to 1.25). */
const PERCENT_ROUNDING_LIMIT = 0.25;

/** Whether a figure of a thousand or more ends in two zeros (2,000; 11,000; 1.5 million). */
function isRound(v: number): boolean {
  return v >= 1000 && v % 100 === 0;
}

/** "Dozens of", "hundreds of": a magnitude, not a count, so never in conflict with a count. */
export function isVague(q: Quantity): boolean {
  return /^(?:dozens|hundreds|thousands|millions|tens of thousands)(?: of)?$/i.test(q.raw.trim());
}

/** Whether two changes go opposite ways: a rise of 18 percent is no fall of 18 percent. */
function opposite(a: Quantity, b: Quantity): boolean {
  return !!a.change && !!b.change && a.change !== b.change;
}

/**
 * A figure as a reader is shown it beside another: its words, and which way it changes when the other
 * changes the other way ("down 18 percent" against "up 18 percent").
 */
export function figureText(a: Quantity, other: Quantity): string {
  return opposite(a, other) ? `${a.change} ${a.raw}` : a.raw;
}

/** The place of a whole number's last non-zero digit: 1e7 for 80 million, 1e6 for 85 million. */
function step(v: number): number {
  let s = 1;
  while (v >= s * 10 && v % (s * 10) === 0) s *= 10;
  return s;
}

/**
 * Whether two round figures, each written as exact, can be one count told at two precisions: the finer
 * one rounds to the coarser ("2,084" is no round figure; "1.45 million" rounds to "1.5 million"), not
 * two figures of one precision ("4.2 billion" and "4.6 billion") nor "85 million" and "80 million",
 * which a reporter rounding 85 would write as 90.
 */
function roundsTo(a: Quantity, b: Quantity): boolean {
  if (a.qualifier !== 'exact' || b.qualifier !== 'exact' || !isRound(a.value) || !isRound(b.value))
    return true;
  const [fine, coarse] = step(a.value) <= step(b.value) ? [a.value, b.value] : [b.value, a.value];
  const half = step(coarse) / 2;
  return coarse - half <= fine && fine < coarse + half;
}

/** Decimal places a figure is written with ("14.2%": 1). */
function places(q: Quantity): number {
  return /\.(\d+)/.exec(q.raw.replace(/,/g, ''))?.[1].length ?? 0;
}

/**
 * Whether two exact percentages are one share told at two precisions: the finer rounds to the coarser
 * ("rose 14%" and "closed up 14.2%"), as reporters round a share to a whole.
 */
function sharePrecision(a: Quantity, b: Quantity): boolean {
  if (a.unit !== '%' || b.unit !== '%' || a.qualifier !== 'exact' || b.qualifier !== 'exact') return false;
  const [coarse, fine] = places(a) <= places(b) ? [a, b] : [b, a];
  const p = places(coarse);
  if (p === places(fine)) return false;
  return Math.round(fine.value * 10 ** p) === Math.round(coarse.value * 10 ** p);
}

/** Whether two statements of one quantity can both be true. */
export function compatible(x: Quantity, y: Quantity): boolean {
  // Two scores agree only when both their counts do ("3-2" is no "3-1", however close).
  if (x.unit === SCORE_UNIT || y.unit === SCORE_UNIT) return x.unit === y.unit && x.value === y.value;
  // Two limits ("fines of up to 1,000 pounds", "fined up to 500 pounds") are two values of one maximum, not
  // two bounds that overlap.
  if (x.qualifier === 'up-to' && y.qualifier === 'up-to')
    return compatible({ ...x, qualifier: 'exact' }, { ...y, qualifier: 'exact' });
  const conversion = converted(x, y);
  const [a, b] = conversion
    ? [inBaseUnit(inCelsius(x)), inBaseUnit(inCelsius(y))]
    : [inCelsius(x), inCelsius(y)];
  if (opposite(a, b)) return false;
  if (sharePrecision(a, b)) return true;
  const [a0, a1] = interval(a);
  const [b0, b1] = interval(b);
  if (conversion) {
    const t = CONVERTED_TOLERANCE;
    return a0 <= b1 * (1 + t) && b0 <= a1 * (1 + t);
  }
  return a0 <= b1 && b0 <= a1 && roundsTo(a, b);
}

/**
 * The other end of the range a bound belongs to ("between 40 and 50", "in his 60s"): the upper bound
 * right after a lower one, or the lower right before an upper one, of one unit.
 */
export function rangeMate<Q extends Quantity>(figures: readonly Q[], y: Q): Q | undefined {
  const i = figures.indexOf(y);
  const mate =
    y.qualifier === 'at-least'
      ? figures[i + 1]
      : y.qualifier === 'at-most' && i > 0
        ? figures[i - 1]
        : undefined;
  const way = y.qualifier === 'at-least' ? 'at-most' : 'at-least';
  return mate?.qualifier === way && mate.unit === y.unit ? mate : undefined;
}

/**
 * Whether x can be the figure y gives, read with the rest of y's sentence (`figures`): within both ends
 * of a range y bounds, so that a 71-year-old is no man "in his 60s", though he is one of 60 or more.
 */
export function compatibleWithin<Q extends Quantity>(x: Quantity, y: Q, figures: readonly Q[]): boolean {
  if (!compatible(x, y)) return false;
  const mate = rangeMate(figures, y);
  return !mate || compatible(x, mate);
}

/**
 * Whether two numbers are of the same order of magnitude (a premise for being one quantity). `within`
 * is the largest ratio allowed: two outlets' figures for one count rarely differ by half, while a part
 * ("an initial group of 2,600") is often a quarter of the whole.
 */
export function sameScale(a: Quantity, b: Quantity, within = 4): boolean {
  // Shares compare only with shares: "half of them" is not 0.5 soldiers, but it is 50 %.
  const [x, y] = comparablePair(a, b);
  if (x.unit === '%' || y.unit === '%') return x.unit === y.unit;
  const r = Math.max(x.value, y.value) / Math.max(1e-9, Math.min(x.value, y.value));
  return r < within;
}

/**
 * Whether two figures' values are within a ratio of four, whatever they count ("7.5 percent" and "7.5"),
 * a share read as a percentage ("nearly half" and "47 percent").
 */
export function nearValues(a: Quantity, b: Quantity): boolean {
  const [x, y] = comparablePair(a, b);
  return Math.max(x.value, y.value) < 4 * Math.max(1e-9, Math.min(x.value, y.value));
}

const UNIT_CLASSES: Record<string, string> = {};
// Words that count the same thing. Only true synonyms: "13 years old" and "20 years ago" share a unit but
// not a quantity. Units of measure and money are grouped by their table (src/nlp/units.ts).
for (const [cls, words] of Object.entries({
  people: 'people person men man women woman',
  military:
    'troop soldier infantrymen infantryman personnel fighter militant combatant recruit force servicemen serviceman',
  civilian: 'civilian resident',
  worker: 'worker employee miner labourer laborer',
})) {
  for (const w of words.split(' ')) UNIT_CLASSES[w] = cls;
}

/**
 * Kinds of people a count may name, each a part of "people" but not of one another: "23 civilians" and
 * "40 fighters" are two counts, "seven patients" and "six people" one.
 */
const PERSON_KINDS: ReadonlySet<string> = new Set(
  PEOPLE_KINDS.map((w) => UNIT_CLASSES[w] ?? w).filter((c) => c !== 'people'),
);

/** The kind of thing a unit counts: singular, and grouped with its synonyms ("troops" and "soldiers" are soldiers). */
const unitClasses = new Map<string, string>();

function unitClass(unit: string): string {
  let known = unitClasses.get(unit);
  if (known === undefined) {
    const u = unit.toLowerCase();
    const singular =
      u === 'children' ? 'child' : u.length > 3 ? u.replace(/ies$/, 'y').replace(/(?<!s)s$/, '') : u;
    // A measure's class is its dimension: miles and kilometres are one quantity, converted; any other
    // unit of the table is its row ("$" and "dollars").
    known = measureOf(u)?.base ?? unitOf(u)?.name ?? UNIT_CLASSES[singular] ?? UNIT_CLASSES[u] ?? singular;
    // Units are the nouns figures count: few, but a long run of feeds brings new ones.
    if (unitClasses.size >= 5_000) unitClasses.clear();
    unitClasses.set(unit, known);
  }
  return known;
}

/**
 * Units agree when one side does not name one, both name the same kind of thing, or one counts people
 * and the other a kind of people ("six people" and "seven patients"; not "civilians" and "fighters").
 */
export function unitsAgree(a: Quantity, b: Quantity): boolean {
  if (!a.unit || !b.unit) return true;
  const x = unitClass(comparable(a).unit as string);
  const y = unitClass(comparable(b).unit as string);
  return x === y || (x === 'people' && PERSON_KINDS.has(y)) || (y === 'people' && PERSON_KINDS.has(x));
}

/** Whether a figure counts people, of any kind ("six people", "seven patients", "40 fighters"). */
export function countsPeople(q: Quantity): boolean {
  if (!q.unit) return false;
  const c = unitClass(q.unit);
  return c === 'people' || PERSON_KINDS.has(c);
}

/** Canonical key of a number for indexing: value rounded to two significant figures. */
export function numberKey(value: number): string {
  if (value === 0) return '#0';
  const mag = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return `#${Math.round(value / mag) * mag}`;
}
