/**
 * The sentence-level rules of stance: when two numbers cannot both be true of one quantity, and
 * whether a denial's or a "cannot confirm"'s own words are about what a claim says. The verdict of
 * one article on another's claims is src/stance/pair.ts.
 */

import {
  boundWay,
  compatible,
  compatibleWithin,
  countsPeople,
  figureText,
  isVague,
  nearValues,
  type Quantity,
  sameScale,
  sentenceQuantities,
  unitsAgree,
} from '../match/numbers.ts';
import { concept, contentStems, stem } from '../match/text.ts';
import type { DateMention, NumberMention, SentenceAnalysis } from '../model/sentence.ts';
import { DATELINE, insideQuote } from '../nlp/attribution.ts';
import { dayKey, findTimes, MONTH_NAMES, monthOf, type TimeMention, WEEKDAY_NAMES } from '../nlp/dates.ts';
import { isAgeUnit, otherTally, SCORE_UNIT } from '../nlp/numbers.ts';
import { unitBefore } from '../nlp/units.ts';

/** Similarity from which two sentences are taken to speak of the same quantity, so different numbers conflict. */
export const NUMBER_SIMILARITY = 0.4;
/** Lower bar for a number conflict when both numbers count the same kind of thing and names are shared. */
export const NUMBER_UNIT_SIMILARITY = 0.2;

/** A number of ours and a number of theirs that cannot both be true for one quantity. */
export function numberConflict(
  claim: SentenceAnalysis,
  other: SentenceAnalysis,
  mode: 'any' | 'same-unit' = 'any',
): { ours: string; theirs: string } | undefined {
  const ours = sentenceQuantities(claim);
  const theirs = sentenceQuantities(other);
  // A figure that names no unit and states another figure of the other sentence is that quantity
  // ("Seven Bosnian girls … after a five-day trip" against "Seven girls … after a five day school trip":
  // their bare "Seven" is our seven girls, not a count of days).
  const accounted = (y: Quantity, by: readonly Quantity[], x: Quantity) =>
    !y.unit && by.some((z) => z !== x && !!z.unit && compatible(z, y));
  // A figure of theirs that states another figure of ours is that quantity, not a rival value of this
  // one ("won 52.3 percent" against "won 52 percent of the vote against 48 percent for Ruel").
  // A figure that names nothing it counts states one of ours that names nothing either ("injuring 31"
  // and "31 were injured"), and the very same figure states it whatever word follows ("300 seats", "the
  // 300-member parliament").
  // A value a change started from ("fell to 4.1 percent from 4.3 percent") states no count now.
  const now = statingNow(claim, ours);
  // Not when that other figure is ours told again in another unit ("158 km/h (98 mph)"): theirs states it too.
  const statesAnother = (y: Quantity, x: Quantity) =>
    now.some(
      (z) =>
        z !== x &&
        !(unitsAgree(z, x) && compatible(z, x)) &&
        (((z.unit ? unitsAgree(z, y) : !y.unit) && compatible(z, y)) || sameFigure(z, y)),
    );
  // Two tallies of one event's people are two quantities: "Twelve people are now confirmed dead" and
  // "11 people still unaccounted for".
  const tallies = (x: Quantity, y: Quantity) =>
    'start' in x &&
    'start' in y &&
    otherTally(
      { text: claim.text, figure: x as NumberMention, figures: ours as NumberMention[] },
      { text: other.text, figure: y as NumberMention, figures: theirs as NumberMention[] },
    );
  // Nor is where their change started a rival of ours ("rose to 4.3% in October from 4.1%" against "the
  // national rate of 4.3%").
  const theirsNow = statingNow(other, theirs);
  for (const x of now) {
    const comparable = theirsNow.filter(
      (y) =>
        !offByOne(x, y) &&
        !tallies(x, y) &&
        unitsAgree(x, y) &&
        sameScale(x, y) &&
        (mode === 'any' || (!!x.unit && !!y.unit)) &&
        !accounted(y, ours, x) &&
        !accounted(x, theirs, y) &&
        !statesAnother(y, x),
    );
    if (!comparable.length) continue;
    // One compatible statement of the quantity is enough: other numbers may count something else.
    if (comparable.some((y) => compatibleWithin(x, y, comparable))) continue;
    const y = closest(x, comparable);
    return { ours: figureText(x, y), theirs: figureText(y, x) };
  }
  return undefined;
}

/** A sentence's figures that state a count now: not where a change started, nor another's figure it is held against. */
function statingNow(s: SentenceAnalysis, figures: readonly Quantity[]): Quantity[] {
  return figures.filter(
    (z) => !('start' in z) || !(isPrevious(s, z as NumberMention) || isHeldAgainst(s, z as NumberMention)),
  );
}

/** Words before a figure another gave, that the sentence's own is held against ("below the", "higher than the"). */
const HELD_AGAINST =
  /\b(?:(?:higher|lower|greater|bigger|smaller|larger|faster|slower|stronger|weaker) than|below|above|short of) the\s+$/i;

/** Words before a date that make it a deadline rather than the day something happens or starts. */
const DEADLINE = /^(?:by|until|till|before|after|since)\b/i;

/**
 * A figure another gave that the sentence holds its own against ("at 120 mph, below the 130 mph figure
 * given in the advisories", "higher than the 6.8 reported by"): the sentence states its own figure, and
 * disputes this one rather than stating it.
 */
export function isHeldAgainst(s: SentenceAnalysis, n: NumberMention): boolean {
  return HELD_AGAINST.test(s.text.slice(Math.max(0, n.start - 24), n.start));
}

/**
 * The value a change started from: "raise the retirement age from 65 to 67", "fell to 41,000 from 55,000",
 * "down from 55,000 a year earlier". It is no statement of the count now, so it conflicts with none.
 */
export function isPrevious(s: SentenceAnalysis, n: NumberMention): boolean {
  const before = s.text.slice(Math.max(0, n.start - 32), n.start);
  if (/\b(?:(?:down|up) from(?: (?:a|an|the|its|their) [a-z-]+ of)?|compared (?:with|to))\s+$/i.test(before))
    return true;
  if (!/\bfrom\s+$/i.test(before)) return false;
  // "from X" is a change's start when the sentence gives where it went: "to Y" beside it.
  return s.numbers.some(
    (m) =>
      m !== n &&
      Math.abs(m.start - n.start) <= 40 &&
      /\bto\s+$/i.test(s.text.slice(Math.max(0, m.start - 4), m.start)),
  );
}

/** A day as a statement of when something happened: its span, and what kind of day it names. */
interface StatedDay {
  mention: DateMention;
  shown: string;
  /** "day" (written out, or a weekday placed by the publication date), "weekday", "month" or "year". */
  kind: 'day' | 'weekday' | 'month' | 'year';
  /** A day's "MM-DD", a weekday's name, a month's "MM", a year. */
  from: string;
  to: string;
  /** A month's year, when written with it ("September 2027"). */
  year?: string;
  deadline: boolean;
}

const WEEKDAY = new RegExp(`^(?:on\\s+)?(${WEEKDAY_NAMES})s?$`, 'i');
/** A month, alone after a preposition ("in May") or with its year ("September 2027", "in January 2027"). */
const MONTH_ALONE = new RegExp(
  `^(?:(?:in|by|since|until)\\s+(${MONTH_NAMES})|(?:(?:in|by|since|until)\\s+)?(${MONTH_NAMES})\\s+(\\d{4}))$`,
  'i',
);
/** A year alone, as the time something happened in ("signed in 2019"). */
const YEAR_ALONE = /^in\s+(\d{4})$/i;
/**
 * A saying right before a weekday or a month: the day of telling ("the ministry said on Tuesday",
 * "told reporters Monday", "announced in May"), not of what is told.
 */
const SAID_BEFORE =
  /\b(?:said|says|told(?:\s+[\w-]+){0,2}|confirmed|reported|added|statement|briefing|interview)\s+$/i;

/**
 * A saying right after a weekday or a month that goes on to what is said: "The Pentagon on Friday
 * confirmed that ...", "Sunday night, KCTV reported that ...". Not a sentence's closing attribution ("the
 * fire started on Monday, officials said."), whose day is the event's.
 */
const SAID_AFTER =
  /^(?:\s+(?:night|morning|evening|afternoon))?,?\s+(?:[\w'.-]+\s+){0,4}?(?:said|says|reported|confirmed|told|denied|stated)\s+\w/i;

/** What follows a day after "since" when the sentence goes on to tell what happened on it. */
const SINCE_WHEN = /^,?\s+when\b/i;

/**
 * The day a sentence says something happens on: a day written out ("March 1, 2027", "Oct. 8-13"), a
 * weekday ("on Sunday"; placed by the publication date when known, else by its name), a month alone
 * ("in May") or a year alone ("signed in 2019"). Not "last"/"next Monday", "yesterday", nor the day something was said.
 */
function statedDay(s: SentenceAnalysis, d: DateMention): StatedDay | undefined {
  const words = d.raw.trim();
  const lead = /^(?:by|on|in|since|until|till|from|before|after|starting|beginning)\s+/i.exec(words);
  const day = {
    mention: d,
    shown: lead ? words.slice(lead[0].length) : words,
    // "since March, when a strike killed 19 people" dates the strike, not a span.
    deadline:
      DEADLINE.test(words) && !(/^since\b/i.test(words) && SINCE_WHEN.test(s.text.slice(d.end, d.end + 8))),
  };
  const key = dayKey(d);
  if (/\d/.test(d.raw) && key) {
    const [from, to = from] = key.split('/');
    return { ...day, kind: 'day', from, to };
  }
  const weekday = WEEKDAY.exec(words);
  const month = MONTH_ALONE.exec(words);
  const year = YEAR_ALONE.exec(words);
  if (!weekday && !month && !year) return undefined;
  const before = s.text.slice(Math.max(0, d.start - 30), d.start);
  if (SAID_BEFORE.test(before) || SAID_AFTER.test(s.text.slice(d.end, d.end + 60))) return undefined;
  // The day of what came before or after the event ("peaked at 4.6 metres before slowly falling on
  // Wednesday"), not of the event.
  if (/\b(?:before|after|until|then)\s+(?:[\p{L}-]+\s+){1,3}$/iu.test(before)) return undefined;
  const deadline = day.deadline || /\b(?:by|until|till|before|after|since)\s+$/i.test(before);
  if (weekday) {
    if (key) return { ...day, deadline, kind: 'day', from: key, to: key };
    const name = weekday[1].toLowerCase();
    return { ...day, deadline, kind: 'weekday', from: name, to: name };
  }
  if (year) return { ...day, deadline, kind: 'year', from: year[1], to: year[1] };
  const m = month as RegExpExecArray;
  const mm = String(monthOf(m[1] ?? m[2])).padStart(2, '0');
  return { ...day, deadline, kind: 'month', from: mm, to: mm, ...(m[3] ? { year: m[3] } : {}) };
}

/** Verbs of a rise and of a fall, as a pattern's alternatives ("rose to 17", "fell from 4.3"). */
export const RISE_VERBS = 'rose|risen|climbed|increased|jumped';
const FALL_VERBS = 'fell|fallen|dropped|decreased';

/** Words of a change from one state to another: "upgraded", "rose to", "from critical to serious". */
const CHANGE = new RegExp(
  `\\b(?:upgraded|downgraded|(?:${RISE_VERBS}|${FALL_VERBS}) (?:to|from)|from \\w+ to \\w+)\\b`,
  'i',
);

/**
 * Two statements of one fact that each name one day it happens on, days that do not meet ("will ban
 * plastic bags from January 1, 2027" against "will take effect on March 1, 2027"; "the fire started on
 * Monday" against "broke out on Sunday"; "will meet in Bern in May" against "in June"). A sentence that names
 * several days may tell of several events, and a deadline ("by", "until") is not the day itself, so only a
 * lone written day of the same kind on each side is compared; the caller still asks whether the two days'
 * own clauses tell of one event ("kidnapped on November 22, 2012" is not "a video released on August 19").
 */
export function dateConflict(
  claim: SentenceAnalysis,
  other: SentenceAnalysis,
): { ours: string; theirs: string; at: [DateMention, DateMention]; years: boolean } | undefined {
  // A day inside a quote is what its speaker said: two quotes of two reports may name two days. A day
  // written out speaks for its sentence before a weekday or a month ("On Tuesday the ministry said the
  // ban starts on January 1").
  // Nor is a wire dateline's day ("CASTELLMAR, June 7 (Meridian Wire) - ") the event's: it is when the
  // story was filed, often the day after.
  const stated = (s: SentenceAnalysis) =>
    eventDates(s)
      .map((d) => statedDay(s, d))
      .filter((d) => d !== undefined);
  const written = (days: StatedDay[]) => {
    // A year tells when only in a sentence that names no day or month ("a record set in 2007").
    const dated = days.filter((d) => d.kind !== 'year');
    if (!dated.length) return days;
    const digits = dated.filter((d) => /\d/.test(d.mention.raw));
    return digits.length ? digits : dated;
  };
  // A change is told on the day it happened ("Her condition was upgraded on Monday from critical to
  // serious"), another day than the state it changed from ("in critical condition on Sunday night").
  if (CHANGE.test(claim.text) || CHANGE.test(other.text)) return undefined;
  const allOurs = stated(claim);
  const allTheirs = stated(other);
  const ours = written(allOurs);
  const theirs = written(allTheirs);
  if (ours.length === 1 && theirs.length === 1) {
    const conflict = daysConflict(claim, ours[0], other, theirs[0]);
    if (conflict) return conflict;
  }
  // Sentences that name several days: the one day of a kind each names ("told at a meeting on Monday
  // ... by June 2026" against "on Tuesday ... by the end of March 2026"; "close on Sundays starting in
  // July" against "on Mondays beginning in July").
  for (const kind of ['weekday', 'day'] as const) {
    const xs = allOurs.filter((d) => d.kind === kind);
    const ys = allTheirs.filter((d) => d.kind === kind);
    if (xs.length !== 1 || ys.length !== 1) continue;
    const conflict = daysConflict(claim, xs[0], other, ys[0]);
    if (conflict) return conflict;
  }
  return undefined;
}

/** Whether one stated day of each of two sentences do not meet (`dateConflict`). */
function daysConflict(
  claim: SentenceAnalysis,
  x: StatedDay,
  other: SentenceAnalysis,
  y: StatedDay,
): { ours: string; theirs: string; at: [DateMention, DateMention]; years: boolean } | undefined {
  if (x.deadline !== y.deadline) return undefined;
  // "due on December 18" against "meets next in January": a day written out is in its month.
  const months = (d: StatedDay) =>
    d.kind === 'day' ? [d.from.slice(0, 2), d.to.slice(0, 2)] : [d.from, d.to];
  if ((x.kind === 'day' && y.kind === 'month') || (x.kind === 'month' && y.kind === 'day')) {
    const [x0, x1] = months(x);
    const [y0, y1] = months(y);
    if (x0 <= y1 && y0 <= x1) return undefined;
    return { ours: x.shown, theirs: y.shown, at: [x.mention, y.mention], years: false };
  }
  if (x.kind !== y.kind) {
    // "reopens on Saturday" against "will reopen on Sunday June 15": a day written out with its weekday is
    // that weekday against a weekday alone.
    const wx = x.kind === 'weekday' ? x.from : soleWeekday(claim);
    const wy = y.kind === 'weekday' ? y.from : soleWeekday(other);
    if (!wx || !wy || wx === wy) return undefined;
    // Shown with its weekday ("Sunday June 15"), the part of it in conflict.
    const shown = (d: StatedDay, weekday: string) =>
      WEEKDAY_IN.test(d.shown) ? d.shown : `${weekday[0].toUpperCase()}${weekday.slice(1)} ${d.shown}`;
    return { ours: shown(x, wx), theirs: shown(y, wy), at: [x.mention, y.mention], years: false };
  }
  // Two months of two years differ, whatever their names ("January 2027", "January 2028").
  const yearsDiffer = !!x.year && !!y.year && x.year !== y.year;
  if (x.from <= y.to && y.from <= x.to && !yearsDiffer) return undefined;
  return { ours: x.shown, theirs: y.shown, at: [x.mention, y.mention], years: x.kind === 'year' };
}

/**
 * The one weekday a sentence names beside its date ("will reopen on Sunday June 15"), past its dateline and
 * outside quotes; none when it names none or two.
 */
function soleWeekday(s: SentenceAnalysis): string | undefined {
  const names = new Set<string>();
  for (const d of eventDates(s)) {
    const name = WEEKDAY_IN.exec(d.raw)?.[1].toLowerCase();
    if (name) names.add(name);
  }
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * The days a sentence tells of its event: not a wire dateline's day ("CASTELLMAR, June 7 (Meridian Wire) -
 * "), when the story was filed, nor a day inside a quote, which is what its speaker said.
 */
function eventDates(s: SentenceAnalysis): DateMention[] {
  const filed = DATELINE.exec(s.text)?.[0].length ?? 0;
  return (s.dates ?? []).filter((d) => d.start >= filed && !insideQuote(s.text, d.start));
}

/** A weekday anywhere in a day's words ("Sunday June 15"). */
const WEEKDAY_IN = new RegExp(`\\b(${WEEKDAY_NAMES})\\b`, 'i');

/** A saying shortly before a clock time: the time it was told ("said at a news conference at 3 p.m."). */
const SAID_AT = /\b(?:said|says|told|announced|statement|briefing|(?:news|press) conference)\b[^.;]{0,25}$/i;

/** Minutes two clock times of one event may lie apart, told exactly and told loosely on the hour ("about 11 p.m."). */
const TIME_SLACK = 30;
const LOOSE_TIME_SLACK = 60;

/**
 * Two statements of one event that each name one clock time it happened at, times too far apart to be
 * one told two ways ("at about 10:15 p.m. near the main stage" against "at about 11:40 p.m. at the north
 * gate"; not "shortly before 7 p.m." against "at 6:40 p.m."). Times inside quotes, or of a saying ("said at
 * a news conference at 3 p.m."), are left alone; the caller asks whether the two times' clauses are alike.
 */
export function timeConflict(
  claim: SentenceAnalysis,
  other: SentenceAnalysis,
): { ours: string; theirs: string; at: [TimeMention, TimeMention] } | undefined {
  const pair = toldTimes(claim, other);
  if (!pair || pair.agree) return undefined;
  const [x, y] = pair.at;
  return { ours: x.raw, theirs: y.raw, at: [x, y] };
}

/**
 * Whether two statements each name one clock time an event happened at, and the two are one time told two
 * ways ("shortly before 7 p.m." and "at 6:40 p.m."): the same moment, so most likely the same event, which
 * a day that differs then contradicts.
 */
export function sameTimeOfDay(claim: SentenceAnalysis, other: SentenceAnalysis): boolean {
  return toldTimes(claim, other)?.agree === true;
}

/** Clock times by sentence: a claim is judged against many sentences, its times read once. */
const timesBySentence = new WeakMap<SentenceAnalysis, readonly TimeMention[]>();

/** The clock times a sentence names (`findTimes`), read once per sentence. */
function timesOf(s: SentenceAnalysis): readonly TimeMention[] {
  let times = timesBySentence.get(s);
  if (!times) {
    times = findTimes(s.text);
    timesBySentence.set(s, times);
  }
  return times;
}

/** The one clock time each of two statements tells an event at, and whether they agree. */
/** A time zone right after a clock time: "09:10 UTC", "4 p.m. GMT", "10:15 a.m. EDT". */
const ZONE_AFTER = /^\s*\(?\s*(UTC|GMT|Z|[ECMP][SD]?T|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT)\b/;

/** The zone a clock time is told in, or '' for local time. */
function zoneOf(text: string, t: TimeMention): string {
  const zone = ZONE_AFTER.exec(text.slice(t.end, t.end + 8))?.[1] ?? '';
  return zone === 'Z' ? 'UTC' : zone.replace(/^([ECMP])[SD]T$/, '$1T');
}

function toldTimes(
  claim: SentenceAnalysis,
  other: SentenceAnalysis,
): { at: [TimeMention, TimeMention]; agree: boolean } | undefined {
  const told = (s: SentenceAnalysis) =>
    timesOf(s).filter(
      (x) => !insideQuote(s.text, x.start) && !SAID_AT.test(s.text.slice(Math.max(0, x.start - 40), x.start)),
    );
  const ours = told(claim);
  if (ours.length !== 1) return undefined;
  const theirs = told(other);
  if (theirs.length !== 1) return undefined;
  const [x, y] = [ours[0], theirs[0]];
  // A time of a named zone ("09:10 UTC", "4:10 a.m. ET") is another clock than a local time or another
  // zone's: no offset here says which moment of the other it is.
  if (zoneOf(claim.text, x) !== zoneOf(other.text, y)) return undefined;
  const apart = Math.min(Math.abs(x.minutes - y.minutes), 1440 - Math.abs(x.minutes - y.minutes));
  // Only a loose round time is as loose as the hour ("about 11 p.m."): "about 2:40 a.m." is no 3:40.
  const loose = (t: TimeMention) => t.approximate && t.minutes % 30 === 0;
  return { at: [x, y], agree: apart <= (loose(x) || loose(y) ? LOOSE_TIME_SLACK : TIME_SLACK) };
}

/**
 * Whether two sentences give one figure of one thing ("12 years behind bars" and "to 12 years in prison";
 * "about 60 meters long" and "roughly 60 metres"): a fact they share, which ties them to one event.
 * "Two U.S. officials" and "nearly two years ago" share a number, not a figure.
 */
export function shareFigure(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const theirs = sentenceQuantities(b).filter((y) => y.unit);
  return sentenceQuantities(a).some(
    (x) => x.unit && theirs.some((y) => unitsAgree(x, y) && compatible(x, y)),
  );
}

/**
 * The analyser's mention a quantity of `sentenceQuantities` is, with its place in the sentence (undefined
 * for a sentence read without the analyser).
 */
function mentionOf(s: SentenceAnalysis, q: Quantity): NumberMention | undefined {
  return s.numbers?.find((m) => m === q);
}

/** Whether a figure of a sentence is the value a change started from (`isPrevious`). */
function previousIn(s: SentenceAnalysis, q: Quantity): boolean {
  const n = mentionOf(s, q);
  return !!n && isPrevious(s, n);
}

/**
 * Whether two figures of two sentences count different tallies of one event (`otherTally`: "At least 12
 * people were injured" and "The number of people killed ... rose to 17, up from 12").
 */
function tallyApart(a: SentenceAnalysis, x: Quantity, b: SentenceAnalysis, y: Quantity): boolean {
  const fx = mentionOf(a, x);
  const fy = mentionOf(b, y);
  return (
    !!fx &&
    !!fy &&
    otherTally(
      { text: a.text, figure: fx, figures: a.numbers },
      { text: b.text, figure: fy, figures: b.numbers },
    )
  );
}

/**
 * Whether one sentence gives figures and no clock time and the other a clock time and no figure: "11
 * occupants were injured" and "The plane landed at 11:15" tell two things, however alike their other
 * words, as two sentences whose figures all differ do (`figuresDiffer`).
 */
export function countAgainstTime(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const kinds = (s: SentenceAnalysis) => ({
    figures: sentenceQuantities(s).length > 0,
    time: timesOf(s).length > 0,
  });
  const x = kinds(a);
  const y = kinds(b);
  return (x.figures && !x.time && y.time && !y.figures) || (y.figures && !y.time && x.time && !x.figures);
}

/**
 * The very same figure, written exactly, whatever word follows it: "the 300 seats" and "the 300-member
 * parliament".
 */
export function sameFigure(a: Quantity, b: Quantity): boolean {
  return (
    a.value === b.value &&
    a.qualifier === 'exact' &&
    b.qualifier === 'exact' &&
    a.unit !== '%' &&
    b.unit !== '%'
  );
}

/**
 * Whether two sentences give figures of the same kind of thing (units that agree, or one unnamed) and
 * none of them agree: "an initial group of 2,600 soldiers" and "more than 11,000 soldiers" are two
 * quantities (a part and the whole, too far apart to dispute each other), so two facts, not one. Two
 * figures that both name nothing they count say nothing of being one kind: in "UPDATED 11 Men and 0 Women
 * on Tonight's ESPN Domestic Violence Panel" and "ESPN's Domestic Abuse Tonight Panel Will Be 100 Dudes"
 * the tagger, misled by the capitals, reads no unit at all.
 */
export function figuresDiffer(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const ours = sentenceQuantities(a);
  const theirs = sentenceQuantities(b);
  let comparable = false;
  for (const x of ours)
    for (const y of theirs) {
      if ((!x.unit && !y.unit) || !unitsAgree(x, y)) continue;
      // A value a change started from ("up from 12") is no count now, for or against.
      if (previousIn(a, x) || previousIn(b, y)) continue;
      // The injured and the dead of one event are two facts, whatever their figures.
      if (tallyApart(a, x, b, y)) {
        comparable = true;
        continue;
      }
      // An open bound agrees with any figure beyond it: "at least 23 people" is no statement of "200
      // soldiers", a figure of another order.
      // So does a magnitude ("Thousands of people" and "Tens of thousands of people" may tell one crowd).
      const magnitude = (isVague(x) || isVague(y)) && !!x.unit && !!y.unit;
      // Two bounds the same way apart are two counts, though neither excludes the other: "at least 31
      // people have been killed" and "killing at least 43 people" tell the toll at two moments or by two
      // counts, not one figure.
      if (!isVague(x) && !isVague(y) && boundsApart(x, y)) {
        comparable = true;
        continue;
      }
      if ((compatible(x, y) && (nearValues(x, y) || magnitude)) || offByOne(x, y)) return false;
      comparable = true;
    }
  return comparable;
}

/** How far apart two bounds the same way are two values rather than one told twice. */
const BOUNDS_APART = 1.1;

/** Whether two figures are bounds the same way ("at least 31", "at least 43") of values well apart. */
function boundsApart(x: Quantity, y: Quantity): boolean {
  const way = boundWay(x);
  const [lo, hi] = x.value < y.value ? [x.value, y.value] : [y.value, x.value];
  return !!way && way === boundWay(y) && hi > BOUNDS_APART * lo;
}

/**
 * Units of things counted one by one, whose counts are exact: points, goals, votes, seats. (People are
 * counted so too: `countsPeople`.)
 */
const DISCRETE_UNIT =
  /^(?:points?|goals?|runs?|votes?|seats?|wickets?|rebounds?|assists?|medals?|games?|matches)$/i;

/**
 * Whether a figure counts things one by one: people of any kind, `DISCRETE_UNIT`, or any thing named
 * that is no measure, a price or an age ("12 stations", "23 schools").
 */
function discrete(q: Quantity): boolean {
  if (!q.unit) return false;
  if (DISCRETE_UNIT.test(q.unit) || countsPeople(q)) return true;
  // A measure, a price or a span ("a 39-foot-wide crater", "24 years", "$25 million") counts nothing.
  return !unitBefore(q.unit) && !isAgeUnit(q.unit);
}

/**
 * Two whole figures of ten or more one apart ("absent for 24 years" and "for 25 years", "a 39-foot-wide
 * crater" and "40-foot-wide"): outlets count a span from different days or round a measure differently,
 * so neither disputes the other. Counts of things counted one by one differ ("scored 41 points" and "40
 * points").
 */
export function offByOne(x: Quantity, y: Quantity): boolean {
  return (
    Number.isInteger(x.value) &&
    Number.isInteger(y.value) &&
    Math.min(x.value, y.value) >= 10 &&
    Math.abs(x.value - y.value) === 1 &&
    x.unit !== '%' &&
    y.unit !== '%' &&
    x.unit !== SCORE_UNIT &&
    y.unit !== SCORE_UNIT &&
    !(discrete(x) && discrete(y))
  );
}

function closest(x: Quantity, ys: Quantity[]): Quantity {
  return ys.reduce((best, y) => (Math.abs(y.value - x.value) < Math.abs(best.value - x.value) ? y : best));
}

/** Words that frame a denial or a report rather than say what it is about. */
export const FRAME_STEMS: ReadonlySet<string> = new Set(
  'claim report newspaper statement stat add confirm verify whether evidence hoax dismiss deny denied deni refut rejected fals untru basel debunk declin unabl abl immediat independ current already presenc involv'
    .split(' ')
    .map(stem),
);

/** A describing aside between commas: ", a rare neurological disorder,". */
const APPOSITIVE = /,\s+an?\s+[^,;]{1,40},/gi;

/**
 * Where a clause ends: a semicolon, a conjunction that turns to another statement, or the speaker going
 * on in their own words (", saying no agreement had been reached").
 */
const CLAUSE_END =
  /;|\s(?:but|while|although|however|whereas)\s|,\s+(?:saying|adding|insisting|arguing|calling)\s|\sand\s+(?:says|said|insists|insisted|adds|added)\s/i;

/** The content concepts of a text beyond the words that frame a denial or report (`FRAME_STEMS`). */
export function concepts(text: string): Set<string> {
  return new Set(
    contentStems(text)
      .filter((s) => !FRAME_STEMS.has(s) && !/^\d/.test(s))
      .map(concept),
  );
}

/** Who said it, closing a sentence: ", the city council said on Saturday", ", police say". */
const CLOSING_SPEAKER =
  /,\s+(?:[^,;]{1,60}\s)?(?:said|says|told \S+|added|according to [^,;]{1,60})(?:\s+(?:on|in|at|late|earlier|this|last)\b[^,;]{0,30})?[.!]?\s*$/i;

/**
 * What a denial or a "cannot confirm" is about: the words from the cue to the end of its clause ("can't
 * confirm | whether there are North Korean forces in Russia"), or, when the cue closes its clause ("the
 * reports are false"), the clause before it.
 */
export function cueScope(text: string, cueIndex: number, cueLength: number): string {
  const rest = text.slice(cueIndex);
  const end = rest.search(CLAUSE_END);
  // An aside that describes a thing named (", a rare neurological disorder,") is not what is denied.
  // Nor is who says so (", the city council said on Saturday"), when the cue ends what is said.
  const after = (end > 0 ? rest.slice(0, end) : rest).replace(APPOSITIVE, ' ').replace(CLOSING_SPEAKER, '');
  // What a "that" clause says is what is denied or doubted, however little it names ("denied that the
  // festival had been oversold").
  const that = /^\S+(?:\s+\S+)?\s+that\s/i.test(after);
  if (concepts(after).size >= (that ? 2 : 3)) return after;
  const before = text.slice(0, cueIndex + cueLength);
  const starts = [...before.matchAll(new RegExp(CLAUSE_END.source, 'gi'))];
  const last = starts[starts.length - 1];
  return last ? before.slice((last.index ?? 0) + last[0].length) : before;
}

/**
 * The words a negation denies: from a few words before it (the subject: "the North Korean soldiers had
 * not been moved") to the end of its clause.
 */
export function negationScope(text: string, negationIndex: number): string {
  const before = text.slice(0, negationIndex).split(/\s+/).slice(-6).join(' ');
  const rest = text.slice(negationIndex);
  const end = rest.search(CLAUSE_END);
  return `${before} ${end > 0 ? rest.slice(0, end) : rest}`;
}

/**
 * Whether our claim covers what a scope (`cueScope`, `negationScope`) is about: at least three of its
 * content concepts and at least 70 % of them.
 */
export function scopeCovered(claim: SentenceAnalysis, scope: string): boolean {
  const wanted = concepts(scope);
  if (wanted.size < 2) return false;
  const shared = sharedConcepts(scope, claim);
  return shared >= Math.min(3, wanted.size) && shared / wanted.size >= 0.7;
}

/** How many of a scope's concepts (`concepts`) a sentence names. */
export function sharedConcepts(scope: string, s: SentenceAnalysis): number {
  const ours = new Set(contentStems(s.text).map(concept));
  let shared = 0;
  for (const c of concepts(scope)) if (ours.has(c)) shared++;
  return shared;
}
