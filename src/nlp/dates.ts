/**
 * Dates in a sentence, resolved against the article's publication date so that "on Saturday" in one
 * outlet and "Oct. 19" in another can be recognised as the same day.
 */
import type { DateMention } from '../model/sentence.ts';
import { allMatches } from './matches.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** The weekdays and the months written out, as alternatives of an expression: the calendar's names, once. */
export const WEEKDAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
export const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December';
const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 2],
};

/** Oct. 8-13, October 8 to 13, Oct. 18, 2024, by Nov. 1 */
const MONTH_DAY = `(?<lead>\\b(?:by|on|since|until|from|before|after) )?(?<m1>${MONTH}) (?<d1>\\d{1,2})(?:st|nd|rd|th)?(?:\\s?(?:-|–|to|and) ?(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?(?:,? (?<y1>\\d{4}))?\\b`;
/** 18 October (2024) */
const DAY_MONTH = `\\b(?<d3>\\d{1,2}) (?<m2>${MONTH})(?:,? (?<y2>\\d{4}))?\\b`;

const DATE_RE = new RegExp(
  [
    MONTH_DAY,
    DAY_MONTH,
    // August 2023, in June
    `\\b(?<m3>${MONTH}) (?<y3>\\d{4})\\b`,
    `\\b(?:in|since|until|by|last|next|this|early|late|mid-?) (?<m4>${MONTH_NAMES})\\b(?!,? \\d{4}\\b)(?! \\d)`,
    // weekdays: "on Saturday", "Sunday", and the day of every week ("closed on Sundays")
    `\\b(?<wlead>(?:on|last|next|this) )?(?<wd>${WEEKDAY_NAMES})s?\\b`,
    // relative: "last summer", "next month", "last week", "yesterday"
    `\\b(?<rel>(?:last|next|this|earlier this|later this) (?<unit>week|month|year|spring|summer|autumn|fall|winter)|yesterday|today|tomorrow)\\b`,
    // a bare year
    `\\b(?:in |since |until |by )?(?<y4>(?:18|19|20)\\d{2})\\b(?!,\\d)`,
  ].join('|'),
  'gi',
);

/**
 * What every match of DATE_RE contains (same flags, so the same case folding): a month's first three
 * letters, "day" (weekdays, yesterday, today), one of the relative words, or four digits. Most
 * sentences have none of these, and this test is much cheaper than running DATE_RE over them.
 */
const DATE_HINT =
  /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|tomorrow|week|month|year|spring|summer|autumn|fall|winter|\d{4}/i;

/**
 * Date mentions with ISO dates when they can be resolved. Relative dates need `publishedAt`
 * (an ISO date); without it they are kept with their words only.
 */
export function findDates(text: string, publishedAt?: string): DateMention[] {
  const out: DateMention[] = [];
  if (!DATE_HINT.test(text)) return out;
  const pub = publishedAt ? parseIso(publishedAt) : null;
  for (const m of allMatches(DATE_RE, text)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = m.index + m[0].length;
    let iso: string | undefined;
    let isoEnd: string | undefined;
    if (g.m1) {
      const month = monthOf(g.m1);
      const year = g.y1 ? Number(g.y1) : yearFor(month, pub);
      if (year) {
        iso = fmt(year, month, Number(g.d1));
        if (g.d2) isoEnd = fmt(year, month, Number(g.d2));
      }
    } else if (g.d3) {
      const month = monthOf(g.m2);
      const year = g.y2 ? Number(g.y2) : yearFor(month, pub);
      if (year) iso = fmt(year, month, Number(g.d3));
    } else if (g.m3) {
      const month = monthOf(g.m3);
      iso = fmt(Number(g.y3), month, 1);
      isoEnd = fmt(Number(g.y3), month, daysIn(Number(g.y3), month));
    } else if (g.m4) {
      const month = monthOf(g.m4);
      const year = yearFor(month, pub);
      if (year) {
        iso = fmt(year, month, 1);
        isoEnd = fmt(year, month, daysIn(year, month));
      }
    } else if (g.wd) {
      if (pub) {
        const target = WEEKDAYS.indexOf(g.wd.toLowerCase());
        const lead = (g.wlead ?? '').trim().toLowerCase();
        const d = new Date(pub);
        const diff = (d.getUTCDay() - target + 7) % 7;
        if (lead === 'next') d.setUTCDate(d.getUTCDate() + ((target - d.getUTCDay() + 7) % 7 || 7));
        else d.setUTCDate(d.getUTCDate() - (lead === 'last' && diff === 0 ? 7 : diff));
        iso = d.toISOString().slice(0, 10);
      }
    } else if (g.rel) {
      if (pub) [iso, isoEnd] = relative(g.rel.toLowerCase(), (g.unit ?? '').toLowerCase(), pub);
    } else if (g.y4) {
      iso = `${g.y4}-01-01`;
      isoEnd = `${g.y4}-12-31`;
    }
    out.push({ raw: m[0], ...(iso ? { iso } : {}), ...(isoEnd ? { isoEnd } : {}), start, end });
  }
  return out;
}

/**
 * The day (or range of days) a date mention names, as month and day ("10-08", "10-08/10-13"), or
 * undefined for a month, a season, a year or a weekday that could not be placed. The year is left
 * out: outlets of one story write of the same weeks, and a mention without a publication date to
 * place it ("from October 8 to 13" in pasted text) still meets its "Oct. 8-13" elsewhere.
 */
export function dayKey(d: DateMention): string | undefined {
  const g = DAY_RE.exec(d.raw)?.groups;
  if (g?.m1 && g.d1) {
    const m = monthOf(g.m1);
    return g.d2 ? `${monthDay(m, Number(g.d1))}/${monthDay(m, Number(g.d2))}` : monthDay(m, Number(g.d1));
  }
  if (g?.d3 && g.m2) return monthDay(monthOf(g.m2), Number(g.d3));
  // A weekday, "yesterday" or "today" placed by the publication date.
  if (d.iso && !d.isoEnd && DAY_WORD.test(d.raw)) return d.iso.slice(5);
  return undefined;
}
/** The day-naming alternatives of DATE_RE: month and day, or day and month. */
const DAY_RE = new RegExp(`${MONTH_DAY}|${DAY_MONTH}`, 'i');
const DAY_WORD = /day\b|yesterday|today|tomorrow/i;

function monthDay(m: number, d: number): string {
  return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function relative(rel: string, unit: string, pub: Date): [string | undefined, string | undefined] {
  const y = pub.getUTCFullYear();
  const mo = pub.getUTCMonth() + 1;
  const shift = (days: number) => {
    const d = new Date(pub);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  if (rel === 'yesterday') return [shift(-1), undefined];
  if (rel === 'today') return [shift(0), undefined];
  if (rel === 'tomorrow') return [shift(1), undefined];
  const dir = rel.startsWith('last') ? -1 : rel.startsWith('next') ? 1 : 0;
  if (unit === 'week') {
    const monday = -((pub.getUTCDay() + 6) % 7) + 7 * dir;
    return [shift(monday), shift(monday + 6)];
  }
  if (unit === 'month') {
    const d = new Date(Date.UTC(y, mo - 1 + dir, 1));
    const yy = d.getUTCFullYear();
    const mm = d.getUTCMonth() + 1;
    return [fmt(yy, mm, 1), fmt(yy, mm, daysIn(yy, mm))];
  }
  if (unit === 'year') return [`${y + dir}-01-01`, `${y + dir}-12-31`];
  const season = SEASONS[unit];
  if (season) {
    const [from, to] = season;
    // The season that most recently ended (last), is running or next to come (next).
    let year = y;
    const endMonth = to;
    if (dir < 0 && (from > to ? mo <= 2 || mo === 12 : mo <= endMonth)) year -= 1;
    if (dir > 0 && mo >= from) year += 1;
    const endYear = from > to ? year + 1 : year;
    return [fmt(year, from, 1), fmt(endYear, to, daysIn(endYear, to))];
  }
  return [undefined, undefined];
}

/** A month's number (1 to 12) by its name or abbreviation ("Sept."): the one reading of month names. */
export function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 1;
}

/** A month without a year is the most recent such month at the publication date (news looks back). */
function yearFor(month: number, pub: Date | null): number | undefined {
  if (!pub) return undefined;
  const y = pub.getUTCFullYear();
  return month > pub.getUTCMonth() + 2 ? y - 1 : y;
}

/** The last date parsed: an article's sentences all ask for the same publication date. */
let lastIso: { s: string; date: Date | null } | null = null;

/** The date of an ISO string, or null. The same Date may be returned again: callers never change it. */
function parseIso(s: string): Date | null {
  if (lastIso?.s !== s) {
    const d = new Date(s);
    lastIso = { s, date: Number.isNaN(d.getTime()) ? null : d };
  }
  return lastIso.date;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fmt(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A clock time a sentence names: "at about 11:40 p.m.", "21:42", "shortly before 7 p.m.", "midnight". */
export interface TimeMention {
  raw: string;
  /** Minutes after midnight. */
  minutes: number;
  /** Said loosely: "about", "around", "shortly before", "just after", "nearly". */
  approximate: boolean;
  start: number;
  end: number;
}

const CLOCK_RE =
  /(?<![\d.:,])\b(?:(\d{1,2})(?:[:.](\d{2}))?\s?(a\.m\.|p\.m\.|am\b|pm\b)|([01]?\d|2[0-3]):([0-5]\d)(?![\d:])|(noon|midnight)\b)/gi;
/** Words before a time that make it loose. */
const LOOSE_TIME_BEFORE =
  /\b(?:about|around|roughly|approximately|nearly|almost|shortly (?:before|after)|just (?:before|after)|some time (?:before|after))\s+$/i;

/**
 * Clock times of a sentence, in minutes after midnight ("2.30 p.m." is half past two). Not a figure's
 * digits ("3.5 pm" holds no "5 pm"), nor a score ("2:1" has no two-digit minutes and no a.m. or p.m.).
 */
export function findTimes(text: string): TimeMention[] {
  if (!/\d[:.]\d\d|[ap]\.?m\b|noon|midnight|o['’]clock|half past|quarter (?:past|to)/i.test(text)) return [];
  const out: TimeMention[] = [];
  for (const m of allMatches(CLOCK_RE, text)) {
    let minutes: number;
    if (m[3]) {
      const hour = Number(m[1]);
      if (hour < 1 || hour > 12) continue;
      minutes = onClock(hour, m[3].toLowerCase().startsWith('p')) + Number(m[2] ?? 0);
    } else if (m[4]) minutes = Number(m[4]) * 60 + Number(m[5]);
    else minutes = m[6].toLowerCase() === 'noon' ? 720 : 0;
    out.push(toldAt(text, m, minutes));
  }
  // A time told in words ("half past four on Sunday morning", "ten o'clock at night"), read only when the
  // part of the day after it says which half of the day it is.
  for (const m of allMatches(SPOKEN_TIME_RE, text)) {
    const hour = HOUR_WORDS.indexOf((m[3] ?? m[4]).toLowerCase()) + 1 || Number(m[3] ?? m[4]);
    if (!(hour >= 1 && hour <= 12)) continue;
    const part = DAY_PART.exec(
      text.slice(m.index + m[0].length, m.index + m[0].length + 32),
    )?.[1]?.toLowerCase();
    if (!part) continue;
    const pm = part === 'afternoon' || part === 'evening' || (part === 'night' && hour >= 6 && hour < 12);
    const past = m[1] ? (/half/i.test(m[1]) ? 30 : 15) : 0;
    const to = m[2]?.toLowerCase() === 'to';
    out.push(toldAt(text, m, (onClock(hour, pm) + (to ? -past : past) + 1440) % 1440));
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Minutes after midnight of an hour on a twelve-hour clock, in the morning or after noon. */
function onClock(hour: number, pm: boolean): number {
  return ((hour % 12) + (pm ? 12 : 0)) * 60;
}

/** A time found by `findTimes`: its words, its minutes after midnight, and whether it is told loosely. */
function toldAt(text: string, m: RegExpExecArray, minutes: number): TimeMention {
  return {
    raw: m[0].trim(),
    minutes,
    approximate: LOOSE_TIME_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)),
    start: m.index,
    end: m.index + m[0].length,
  };
}

/** The hours in words, "one" to "twelve". */
const HOUR_WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');

/** A time in words: "half past four", "a quarter to ten" (groups 1-3), "ten o'clock" (group 4). */
const SPOKEN_TIME_RE =
  /\b(?:(half|(?:a\s+)?quarter)\s+(past|to)\s+([a-z]+|\d{1,2})|([a-z]+|\d{1,2})\s+o['’]clock)\b/gi;

/** The part of the day right after a time in words: "on Sunday morning", "in the afternoon", "at night". */
const DAY_PART =
  /^\s+(?:(?:on|early on|late on)\s+\w+\s+|in\s+the\s+|at\s+|this\s+|that\s+|yesterday\s+|last\s+)?(morning|afternoon|evening|night)\b/i;
