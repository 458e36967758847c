/**
 * Quantities in a sentence, normalised so that another outlet's "close to 11,000 troops" and
 * "10,000 soldiers" can be compared as numbers: value, counted noun and how the number is qualified.
 */
import type { NumberMention, NumberQualifier } from '../model/sentence.ts';
import { allMatches } from './matches.ts';
import type { Token } from './parse.ts';
import { PEOPLE_KINDS } from './people.ts';
import { FUSED_UNIT, unitBefore } from './units.ts';

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const FRACTIONS: Record<string, number> = {
  half: 0.5,
  third: 1 / 3,
  quarter: 0.25,
  fourth: 0.25,
  fifth: 0.2,
  tenth: 0.1,
  thirds: 2 / 3,
  quarters: 0.75,
};

/**
 * Qualifier phrases that may stand before a number, tried in order (negated bounds before the bounds
 * they negate). This table is the only reader of qualifiers: the matcher and the stance rules compare
 * what it reads (src/match/numbers.ts).
 */
export const QUALIFIERS: readonly [RegExp, NumberQualifier][] = [
  [/\b(?:no|not) (?:more|greater|higher) than\s+$/i, 'at-most'],
  [/\b(?:no|not) (?:fewer|less|lower) than\s+$/i, 'at-least'],
  [/\b(?:more or less|give or take)\s+$/i, 'approx'],
  // Close by, on one side: "just under 5%" is 4.9 or so, not 3.99; "a little over 300" is no 350.
  [/\b(?:just|a little|slightly|a shade|fractionally)\s+(?:over|above|more than)\s+$/i, 'just-over'],
  [
    /\b(?:just|a little|slightly|a shade|fractionally)\s+(?:under|below|shy of|short of|less than|fewer than)\s+$/i,
    'just-under',
  ],
  [
    /\b(?:more than|over|above|upwards of|in excess of|exceeding|greater than|higher than|north of|upward of)\s+$/i,
    'more-than',
  ],
  [/\b(?:at least|a minimum of|minimum of|no fewer than)\s+$/i, 'at-least'],
  [/\b(?:at most|a maximum of|maximum of)\s+$/i, 'at-most'],
  [/\b(?:less than|fewer than|under|below|lower than)\s+$/i, 'less-than'],
  [/\b(?:up to|as many as|as much as|as high as)\s+$/i, 'up-to'],
  [
    /\b(?:close to|nearly|almost|around|about|roughly|approximately|approx\.|some|an estimated|estimated|circa|an approximate)\s+$/i,
    'approx',
  ],
  [/~\s*$/, 'approx'],
];

/**
 * Words that deny the figure after them: "not 2,000", "not the 1,200 the company announced", "rather than
 * 12", "instead of the 40". "did not kill 12 people" negates a verb, not the figure, and is not read here;
 * nor is a clause that opens with "Not" ("Not 24 hours after the attack, police ..."), which means "within".
 */
const DENIED_BEFORE = /(?:\S\s*\bnot|\brather than|\binstead of)\s+(?:the\s+|an?\s+)?$/i;
/**
 * A figure a rejection names as what it rejects: "rejected the health ministry's figure of 30 dead",
 * "disputed the official toll of 30", "dismissed estimates of 40,000", "denied reports that his client
 * would earn 250,000 pounds a week".
 */
const REJECTED_BEFORE =
  /\b(?:reject(?:s|ed|ing)?|den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing))\s+(?:[\w'’-]+\s+){0,4}(?:figures?|toll|tally|estimates?|counts?|numbers?|claims?|reports?)\s+(?:of|that(?:\s+[\w'’-]+){0,5})\s+$/i;
/**
 * The figure a revision replaces: "revised its estimate of October inflation down to 3.1%, from the 3.2%
 * it published", "corrected the toll from 12 to 21". A change over time ("rose to 3.2% from 2.9%") is no
 * revision: its first figure is another period's.
 */
const REVISED_FROM =
  /\b(?:revis|correct|amend|restat|downgrad|upgrad)\w*\b(?:[^.;:]|\.(?=\d)){0,80}?\bfrom\s+(?:the\s+|an?\s+|its\s+)?(?:earlier\s+|initial\s+|previous\s+|original\s+|first\s+)?$/i;
/** Verbs and adverbs of a rise, and of a fall, as a change's figure follows them ("rose 5%", "down 2 percent"). */
const RISE =
  'rose|rises?|risen|rising|increas(?:es|ed?|ing)|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|grew|grows?|grown|growing|gain(?:s|ed|ing)?|surg(?:es|ed?|ing)|soar(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|up';
const FALL =
  'fell|falls?|fallen|falling|drop(?:s|ped|ping)?|declin(?:es|ed?|ing)|decreas(?:es|ed?|ing)|slip(?:s|ped|ping)?|slid(?:es|e|ing)?|tumbl(?:es|ed?|ing)|plung(?:es|ed?|ing)|sank|sinks?|sinking|weaken(?:s|ed|ing)?|eas(?:es|ed|ing)|down';
/** A scale's names, said before its figure: "magnitude 6.4", "Category 4", "level 3". */
const SCALE_NAMES = 'magnitude|category|level|grade|force|stage|tier';

/**
 * A change's verb or adverb right before its figure: "fell 18 percent", "rose by about 5%", "up 2
 * percent", "a fall of 3%". The level a change reaches ("to 2.1 billion euros") is no change.
 */
const CHANGE_BEFORE = new RegExp(`\\b(?:(${RISE})|(${FALL}))\\s+(?:by\\s+|of\\s+)?$`, 'i');
/**
 * A change's verb before the level it reached: "dropped to 115 mph", "fell 18 percent to 2.1 billion",
 * "weakened to a Category 3". Not a revision's ("revised down to 3.1%": `REVISED_FROM` reads its figures).
 */
const REACHED_BEFORE = new RegExp(
  `\\b(?:(${RISE})|(${FALL}))\\s+(?:[^\\s.;:]+\\s+){0,2}?to\\s+(?:an?\\s+|the\\s+)?(?:(?:${SCALE_NAMES})\\s+)?$`,
  'i',
);

/** "make up", "made up": what a part is of a whole, not a rise. */
const MAKE_UP = /\b(?:make|makes|made|making)\s+up\s+$/i;

/** A share lost or shed is a fall ("shares lost 6 percent"); a count lost is not ("lost 3 games"). */
const SHARE_LOST_BEFORE = /\b(?:lost|los(?:es|ing)|shed(?:s|ding)?)\s+(?:by\s+)?$/i;
/** A share named as a change after its figure: "an 18 percent fall in profit", "a 5% rise". */
const CHANGE_AFTER =
  /^[\s-]+(?:(rise|increase|gain|jump|growth|climb|surge)|(fall|drop|decline|decrease|slump|slide|plunge))\b/i;

/** Which way a figure changes something, when its words say ("fell 18 percent", "an 18% rise"). */
function changeAt(
  text: string,
  start: number,
  end: number,
  unit: string | undefined,
): 'up' | 'down' | undefined {
  const before = CHANGE_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  // "up to 18 percent" is a bound (its qualifier), not a rise; "make up 20 percent" is a part, not a rise.
  if (before && !(before[1] && MAKE_UP.test(text.slice(Math.max(0, start - 24), start))))
    return before[1] ? 'up' : 'down';
  if (unit !== '%') return undefined;
  if (SHARE_LOST_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return 'down';
  const after = CHANGE_AFTER.exec(text.slice(end, end + 16));
  if (after) return after[1] ? 'up' : 'down';
  return undefined;
}

/** Between a figure and the denied one that corrects it: its noun and a comma, a few words at most. */
const CORRECTION_BETWEEN = /^[^.;:]{0,30}$/;

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_DAY_AFTER = new RegExp(`${MONTH}\\s+$`);
const DAY_RANGE_BEFORE = new RegExp(`${MONTH}\\s+\\d{1,2}$`);
/** A month and day, then the word that opens the range's end ("October 8 to ", "Oct. 8 through "). */
const DAY_RANGE_TO_BEFORE = new RegExp(`${MONTH}\\s+\\d{1,2}\\s+(?:to|through|until|till)\\s+$`);
const DATE_DAY_BEFORE = new RegExp(`^\\s*(?:${MONTH}|of ${MONTH})`);

const WORD_NUM = Object.keys(SMALL).join('|');
/** Tens, which a unit may follow in one number ("twenty-five"); no other number word joins another. */
const TENS_WORDS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const SCALE_WORDS = 'hundred|thousand|million|billion|trillion';
const NUMBER_RE = new RegExp(
  [
    // fractions ("a quarter of", "half of", "two-thirds of"), and a change by one ("cut the risk by a third")
    `\\b(?<frac>(?:a|one|two|three) ?-?(?:half|third|thirds|quarter|quarters|fourth|fifth|tenth)|half) of\\b`,
    `(?<=\\bby )(?<fracBy>(?:a|one|two) ?-?(?:half|third|thirds|quarter|quarters|fifth|tenth)|half)\\b(?! of\\b)`,
    // currency, digits with thousands separators or decimals, optional scale ("1.2million", "$5bn", "8 million")
    `(?<cur>[$€£¥])?(?<num>\\d{1,3}(?:(?:,\\d{3})+|(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d,]))(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s?(?<scale>${SCALE_WORDS}|bn|mln|mn|tn|[kmb])\\b)?(?<pct>\\s?(?:%|per ?cent\\b|percent\\b)|pc\\b)?`,
    // spelled-out numbers ("eleven thousand", "two dozen", "twenty-five"): "one five-hour operation"
    // is one operation of five hours, not six of anything
    `\\b(?<words>(?:(?:${TENS_WORDS})[- ](?:${UNIT_WORDS})|(?:${WORD_NUM})(?:[- ]dozen)?)(?:\\s+point(?:\\s+(?:${UNIT_WORDS}|zero))+(?=\\s(?:${SCALE_WORDS})))?(?:\\s(?:${SCALE_WORDS}))*|(?:half an?|a|one) (?:dozen|${SCALE_WORDS})|(?:hundreds|thousands|millions|dozens|tens of thousands) of)\\b(?<andFrac>\\s+and\\s+a\\s+(?:half|quarter)(?:\\s+(?:${SCALE_WORDS}))?\\b)?(?<wpct>\\s(?:per ?cent|percent)\\b)?`,
  ].join('|'),
  'giu',
);

/**
 * What every match of NUMBER_RE contains: a digit or one of its number, scale or fraction words.
 * Sentences without any are skipped without running NUMBER_RE. The test ignores ASCII case like
 * NUMBER_RE; the two letters that NUMBER_RE's Unicode case folding also reads as ASCII ones (long s
 * as "s", the Kelvin sign as "k") are listed, because the cheaper non-Unicode test does not fold them.
 */
const NUMBER_HINT = new RegExp(
  `\\d|${[...Object.keys(SMALL), ...SCALE_WORDS.split('|'), ...Object.keys(FRACTIONS)].join('|')}|[\\u017f\\u212a]`,
  'i',
);

/** Words after a figure that make a fused "m" metres: "4m long", "a 12m-wide crater". */
const LENGTH_AFTER =
  /^[\s-]*(?:long|tall|high|wide|deep|across|in\s+(?:diameter|length|height|depth|width)|(?:up|down)stream|offshore|underground|below\s+(?:ground|the\s+surface)|above\s+sea\s+level)\b/i;

/** Words before a figure that make a fused "m" metres: "as long as 4m", "a depth of about 30m". */
const LENGTH_BEFORE =
  /\b(?:(?:long|tall|high|wide|deep)\s+as|(?:length|height|depth|width|diameter|radius|distance)\s+of)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+|up\s+to\s+)?$/i;

/** Words after a number that are never the counted noun. */
const NOT_UNIT = new Set(
  'of the a an and or to in on at by for from with as is are was were be been will would have has had that which who than more less over per said says'.split(
    ' ',
  ),
);

/**
 * Numbers of a sentence with value, unit and qualifier. Calendar numbers (days of a month, years)
 * are left to the date finder. `tokens` (offsets into `text`) lets the counted noun be found by
 * part of speech: "2,600 North Korean soldiers" counts soldiers.
 */
/** Seconds in a unit of time, for the parts of one span ("3 hours and 12 minutes"); months and years as a calendar's. */
const SPAN_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 604_800,
  month: 2_629_800,
  year: 31_557_600,
};

/** The seconds of a unit of time ("hours", "minute"), or undefined for any other unit. */
function spanSeconds(unit: string | undefined): number | undefined {
  return unit ? SPAN_SECONDS[unit.toLowerCase().replace(/s$/, '')] : undefined;
}

/** Inches in a unit of length that a height or a length is told in parts of ("8ft 9in", "6 feet 2 inches"). */
const LENGTH_INCHES: Record<string, number> = { ft: 12, foot: 12, feet: 12, in: 1, inch: 1, inches: 1 };

/**
 * A unit's measure and size in it, for the parts of one figure told in two units: seconds of a span ("3
 * hours and 12 minutes"), inches of a length ("8ft 9in").
 */
function partSize(unit: string | undefined): readonly [measure: string, size: number] | undefined {
  const seconds = spanSeconds(unit);
  if (seconds) return ['time', seconds];
  const inches = unit ? LENGTH_INCHES[unit.toLowerCase()] : undefined;
  return inches ? ['length', inches] : undefined;
}

/** A part "in" or "out of" a whole right before the whole's figure: "1 in ", "one in ", "Four out of ". */
const ODDS_BEFORE =
  /(?:^|[^\p{L}\d.,-])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(in|out\s+of)\s+$/iu;

/** Whether the whole of "1 in 50" counts things (people, cases) rather than a measure, money or a span. */
function countsThings(unit: string): boolean {
  return !/^[%°]/.test(unit) && !unitBefore(unit) && !FUSED_UNIT.test(unit);
}

/** Words after a span that make it a time from something, not a part of the span before it. */
const SPAN_AFTER = /^\s*(?:later|earlier|after|before|ago|afterwards|from|since)\b/i;

/**
 * What joins the parts of one span after the larger's figure: its unit (group 1), then a comma or "and"
 * ("3 hours and 12 minutes", "2 hours, 6 minutes", "2 hours 40 minutes").
 */
const SPAN_JOIN = /^\s*(?!and\b)([a-z]+)?\s*,?\s*(?:and\s+)?$/i;

export function findNumbers(text: string, tokens: readonly Token[] = []): NumberMention[] {
  const out: NumberMention[] = [];
  if (!NUMBER_HINT.test(text)) return withAgeDecades(text, out);
  for (const m of allMatches(NUMBER_RE, text)) {
    const g = m.groups ?? {};
    let degrees: string | undefined;
    let measure: string | undefined;
    let start = m.index;
    let end = m.index + m[0].length;
    let value: number;
    let unit: string | undefined;
    let impliedQualifier: NumberQualifier | undefined;
    let unitFrom = -1;
    if (g.num !== undefined) {
      const prev = text[start - 1] ?? '';
      const next = text[end] ?? '';
      if (/[\p{L}\d_/#@.-]/u.test(prev) && !g.cur && !(prev === '-' && /\d/.test(text[start - 2] ?? '')))
        continue;
      // The minutes of a clock time ("21:42") are no figure.
      if (prev === ':' && /\d/.test(text[start - 2] ?? '') && /^[0-5]\d$/.test(g.num)) continue;
      const fused =
        /[\p{L}]/u.test(next) && !g.scale && !g.pct && !g.cur && FUSED_UNIT.exec(text.slice(end, end + 6));
      if (fused) {
        measure = fused[1];
        end += fused[0].length;
      } else if (/[\p{L}°]/u.test(next) && !g.scale && !g.pct && !g.cur) {
        // "1.5C", "41.2°C": a temperature written with its scale's letter, where one is spoken of; "3D"
        // or "G7" are names.
        const scale = TEMPERATURE_SCALE.exec(text.slice(end, end + 3));
        if (
          !scale ||
          (!g.num.includes('.') &&
            !next.startsWith('°') &&
            !TEMPERATURE_BEFORE.test(text.slice(Math.max(0, start - 40), start)))
        )
          continue;
        degrees = temperatureUnit(scale[1]);
        end += scale[0].length;
      }
      value = Number(g.num.replace(/[,\s\u00a0\u202f]/g, ''));
      const before = text.slice(Math.max(0, start - 16), start);
      const after = text.slice(end, end + 16);
      // "as long as 4m", "a 12m-wide crater": metres, where a length is spoken of; else "£40m", "4m people".
      if (
        g.scale?.toLowerCase() === 'm' &&
        !g.cur &&
        !g.pct &&
        (LENGTH_AFTER.test(after) || LENGTH_BEFORE.test(text.slice(Math.max(0, start - 40), start)))
      )
        measure = 'm';
      else if (g.scale) value *= SCALE[g.scale.toLowerCase()] ?? 1;
      if (!g.cur && !g.scale && !g.pct) {
        if (DATE_DAY_AFTER.test(before) && Number.isInteger(value) && value <= 31) continue;
        if (/^-\d/.test(text.slice(end)) && DATE_DAY_AFTER.test(before)) continue;
        if (DATE_DAY_BEFORE.test(after) && Number.isInteger(value) && value <= 31) continue;
        if (/^\d{4}$/.test(g.num) && value >= 1800 && value <= 2100) continue;
        if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)/i.test(after) || /^:\d\d/.test(after)) continue;
        if (prev === '-' && DAY_RANGE_BEFORE.test(text.slice(0, start - 1).slice(-16))) continue;
        // The end of a range of days written out: "from October 8 to 13".
        if (value <= 31 && DAY_RANGE_TO_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
      }
      if (g.pct) unit = '%';
      else if (g.cur) unit = g.cur;
      else if (degrees) unit = degrees;
      else if (measure) unit = measure;
      else {
        // "106 °F": the degree sign after a space.
        const spaced = SPACED_DEGREES.exec(text.slice(end, end + 4));
        if (spaced) {
          unit = temperatureUnit(spaced[1]);
          end += spaced[0].length;
        }
      }
    } else if (g.words !== undefined) {
      const words = g.words.toLowerCase();
      const vague = /^(hundreds|thousands|millions|dozens|tens of thousands) of$/.exec(words);
      if (vague) {
        value = { hundreds: 200, thousands: 2000, millions: 2e6, dozens: 24, 'tens of thousands': 20000 }[
          vague[1]
        ] as number;
        impliedQualifier = 'at-least';
        end = start + m[0].length - 3;
        unitFrom = end + 3;
      } else {
        // "one" alone is mostly a pronoun ("one of the largest") unless a noun it counts follows ("one
        // person was killed"); names like "Group of Seven" are capitalised.
        if (
          (words === 'one' && !countsOne(text, start, end, tokens)) ||
          (/^[A-Z]/.test(g.words) && /\b[A-Z][a-z]+ (?:of )?$/.test(text.slice(0, start)))
        )
          continue;
        value = wordsValue(words);
        if (!Number.isFinite(value)) continue;
        // "Two dozen people were injured" is a round telling of 23 or 25, as "about 24" is.
        if (/\bdozen\b/.test(words)) impliedQualifier = 'approx';
        // "three and a half percent", "two and a half days".
        // "one and a half million": the scale after the fraction is of the whole.
        if (g.andFrac) {
          const scale = /(\w+)$/.exec(g.andFrac)?.[1].toLowerCase() ?? '';
          value = (value + (/half/i.test(g.andFrac) ? 0.5 : 0.25)) * (SCALE[scale] ?? 1);
        }
      }
      if (g.wpct) unit = '%';
    } else if (g.frac !== undefined || g.fracBy !== undefined) {
      const written = g.frac ?? g.fracBy ?? '';
      const f = written.toLowerCase().replace(/-/g, ' ').trim();
      const parts = f.split(/\s+/);
      const last = parts[parts.length - 1];
      const count = parts.length > 1 ? (SMALL[parts[0]] ?? 1) : 1;
      value =
        last === 'thirds'
          ? (count * 1) / 3
          : last === 'quarters'
            ? count / 4
            : count * (FRACTIONS[last] ?? 0);
      // "A quarter of a percentage point" is a change of a rate, no share of anything.
      const point = FRACTION_OF_POINT.exec(text.slice(start + written.length));
      unit = point ? 'percentage' : 'fraction';
      end = start + written.length + (point ? point[0].length : 0);
    } else continue;

    const q = qualifierBefore(text, start);
    const qualifier = q?.qualifier ?? impliedQualifier ?? 'exact';
    if (q) start = q.start;
    // A scale names itself before its figure: "a magnitude 6.4 earthquake" is the "6.2-magnitude" one's kind.
    if (!unit) unit = SCALE_BEFORE.exec(text.slice(Math.max(0, start - 12), start))?.[1].toLowerCase();
    if (!unit) {
      const from = unitFrom >= 0 ? unitFrom : end;
      unit = ageOrDuration(text.slice(from, from + 40), unitAfter(text, from, tokens));
      // "47.6 degrees Celsius" is the "47.6C" of another outlet.
      if (unit === 'degrees') {
        const scale = DEGREES_SCALE.exec(text.slice(end, end + 24));
        if (scale) unit = temperatureUnit(scale[1]);
      }
      // "110 km/h", "68 miles per hour": a speed, not a distance.
      const speed = unit && SPEED_AFTER.exec(text.slice(end, end + 32));
      if (speed) unit = /^mi/i.test(speed[1]) ? 'mph' : 'km/h';
    }
    // An age's words outrank the noun after it ("aged 13 and 14 fall pregnant").
    const age =
      g.cur || g.pct || g.scale || g.frac || g.fracBy
        ? undefined
        : ageBefore(text, start, out[out.length - 1]);
    if (age) unit = AGE_UNIT;
    const denied =
      DENIED_BEFORE.test(text.slice(Math.max(0, start - 24), start)) ||
      REJECTED_BEFORE.test(text.slice(Math.max(0, start - 80), start)) ||
      REVISED_FROM.test(text.slice(Math.max(0, start - 100), start));
    if (denied && !unit) {
      // "employs 1,800 people, not 2,000": the denied figure counts what the one it corrects counts.
      const corrected = out[out.length - 1];
      if (corrected?.unit && CORRECTION_BETWEEN.test(text.slice(corrected.end, start))) unit = corrected.unit;
    }
    const change = age ? undefined : changeAt(text, start, end, unit);
    const reachedBy = age ? null : REACHED_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    const reached = reachedBy ? (reachedBy[1] ? ('up' as const) : ('down' as const)) : undefined;
    out.push({
      raw: text.slice(start, end),
      value,
      ...(unit ? { unit } : {}),
      qualifier: age?.qualifier ?? qualifier,
      ...(denied ? { denied: true as const } : {}),
      ...(change ? { change } : {}),
      ...(reached ? { reached } : {}),
      start,
      end,
    });
  }
  // "13 and 14-year-old girls": a bare number joined to an age is one too.
  for (let i = out.length - 2; i >= 0; i--)
    if (!out[i].unit && out[i + 1].unit === AGE_UNIT && JOINED.test(text.slice(out[i].end, out[i + 1].start)))
      out[i] = { ...out[i], unit: AGE_UNIT };
  // "124 of the 300 seats": a part counts what its whole counts.
  for (let i = out.length - 2; i >= 0; i--)
    if (
      !out[i].unit &&
      out[i + 1].unit &&
      !isAgeUnit(out[i + 1].unit) &&
      PART_OF.test(text.slice(out[i].end, out[i + 1].start))
    )
      out[i] = { ...out[i], unit: out[i + 1].unit };
  // "a crowd of 65,000 watched": a crowd counts people, whatever word follows the figure.
  for (let i = 0; i < out.length; i++)
    if (CROWD_OF.test(text.slice(Math.max(0, out[i].start - 24), out[i].start)))
      out[i] = { ...out[i], unit: 'people' };
  // "a quarter of a million dollars": the fraction of the scale after it, counting what that counts.
  for (let i = 0; i + 1 < out.length; i++) {
    const [part, scale] = [out[i], out[i + 1]];
    if (
      part.unit !== 'fraction' ||
      !SCALE_ALONE.test(scale.raw) ||
      !/^\s+of\s+$/i.test(text.slice(part.end, scale.start))
    )
      continue;
    const { unit: _unit, ...rest } = part;
    out.splice(i, 2, {
      ...rest,
      raw: text.slice(part.start, scale.end),
      value: part.value * scale.value,
      ...(scale.unit ? { unit: scale.unit } : {}),
      end: scale.end,
    });
  }
  // "voted six to one", "won three to nil": a tally whose second count is a word no figure is read from
  // alone ("one" is mostly a pronoun), told as a tally by the vote or win before it.
  for (const [i, first] of out.entries()) {
    const to = SCORE_TO_WORD.exec(text.slice(first.end));
    if (
      !to ||
      !Number.isInteger(first.value) ||
      (first.unit && !TALLIED.test(first.unit)) ||
      !(to[1] || first.unit || SCORE_BEFORE.test(text.slice(Math.max(0, first.start - 12), first.start))) ||
      out[i + 1]?.start === first.end + to[0].length - to[2].length
    )
      continue;
    const second = SCORE_WORD_COUNT[to[2].toLowerCase()];
    if (second === undefined || first.value < second) continue;
    const end = first.end + to[0].length;
    out[i] = {
      ...first,
      raw: text.slice(first.start, end),
      value: scoreValue(first.value, second),
      unit: SCORE_UNIT,
      end,
    };
  }
  // "beat Morocco 3-2", "voted 7-4", "a 1-1 draw": a score or a tally, one figure of two counts (a range
  // runs up, "3-4 days"). Its value keeps both counts, so two scores agree only when both do.
  for (let i = 0; i + 1 < out.length; i++) {
    const [first, second] = [out[i], out[i + 1]];
    const between = text.slice(first.end, second.start);
    const joined =
      (SCORE_JOIN.test(between) && /^\d{1,3}$/.test(first.raw) && /^\d{1,3}$/.test(second.raw)) ||
      SCORE_WORDS.test(between) ||
      (SCORE_HYPHEN_TO.test(between) && /^[a-z]+$/i.test(first.raw) && /^[a-z]+$/i.test(second.raw)) ||
      (SCORE_FOR.test(between) && SCORE_AGAINST.test(text.slice(second.end, second.end + 16))) ||
      (SCORE_TO.test(between) && SCORE_BEFORE.test(text.slice(Math.max(0, first.start - 12), first.start)));
    if (
      !joined ||
      !Number.isInteger(first.value) ||
      !Number.isInteger(second.value) ||
      first.value < second.value ||
      /[\d.,-]$/.test(text.slice(0, first.start)) ||
      /^[-–]\d/.test(text.slice(second.end))
    )
      continue;
    const { change: _change, ...rest } = first;
    out.splice(i, 2, {
      ...rest,
      raw: text.slice(first.start, second.end),
      value: scoreValue(first.value, second.value),
      unit: SCORE_UNIT,
      end: second.end,
    });
  }
  // "3 hours and 12 minutes", "2 years and six months", "8ft 9in": one figure told in two units, read in
  // the larger (3.2 hours), so that it is the span "3.2 hours" tells and no rival of "3 hours".
  for (let i = 0; i + 1 < out.length; i++) {
    const [big, small] = [out[i], out[i + 1]];
    const bigPart = partSize(big.unit);
    const smallPart = partSize(small.unit);
    const bigSeconds = bigPart?.[1] ?? 0;
    const smallSeconds = smallPart?.[1] ?? 0;
    if (
      !bigPart ||
      !smallPart ||
      bigPart[0] !== smallPart[0] ||
      smallSeconds >= bigSeconds ||
      small.value * smallSeconds >= bigSeconds ||
      small.qualifier !== 'exact'
    )
      continue;
    // What lies between is the larger part's unit, a comma or "and": "3 hours and 12 minutes".
    const join = SPAN_JOIN.exec(text.slice(big.end, small.start));
    if (!join || (join[1] && join[1].toLowerCase() !== big.unit?.toLowerCase())) continue;
    const unitAfter = new RegExp(`^\\s*${small.unit}\\b`, 'i').exec(text.slice(small.end));
    const end = small.end + (unitAfter?.[0].length ?? 0);
    // "It took 3 hours, and 40 minutes later the fire was out": the second span is another time's.
    if (SPAN_AFTER.test(text.slice(end))) continue;
    out.splice(i, 2, {
      ...big,
      raw: text.slice(big.start, end),
      value: big.value + (small.value * smallSeconds) / bigSeconds,
      end,
    });
    i--;
  }
  // "1 in 50", "one in five adults": a share, read as the fraction it is (as loose as "a fifth"), so that "a
  // one in 50 chance" is no "1 in 10,000" and "one in five adults" the "20 percent of adults" of another outlet.
  for (let i = 0; i < out.length; i++) {
    const whole = out[i];
    const odds = ODDS_BEFORE.exec(text.slice(Math.max(0, whole.start - 16), whole.start));
    if (!odds || whole.qualifier !== 'exact' || (whole.unit && !countsThings(whole.unit))) continue;
    const part = /^\d/.test(odds[1]) ? Number(odds[1]) : (SMALL[odds[1].toLowerCase()] ?? Number.NaN);
    if (!(part > 0 && part < whole.value)) continue;
    // "Four out of five" is a share; "12 out of 15 jurors" a count out of a whole, as "124 of the 300 seats".
    if (odds[2].toLowerCase() !== 'in' && !(whole.value <= 10 || /^10+$/.test(String(whole.value)))) continue;
    const at = whole.start - odds[0].length + odds[0].indexOf(odds[1]);
    // "Roughly one in eleven", "almost two in five": the qualifier is of the share.
    const q = qualifierBefore(text, at);
    const start = q?.start ?? at;
    const before = out[i - 1];
    const drop = before && before.end > start ? 1 : 0;
    out.splice(i - drop, 1 + drop, {
      raw: text.slice(start, whole.end),
      value: part / whole.value,
      unit: 'fraction',
      qualifier: q?.qualifier ?? 'exact',
      start,
      end: whole.end,
    });
    i -= drop;
  }
  // "between 40 and 50 missing", "two or three inches": a range, its ends a lower and an upper bound (45
  // is within it, 74 is not), both counting what either names.
  for (let i = 0; i + 1 < out.length; i++) {
    const [low, high] = [out[i], out[i + 1]];
    const between = text.slice(low.end, high.start);
    const range =
      (RANGE_START.test(text.slice(Math.max(0, low.start - 10), low.start)) && RANGE_AND.test(between)) ||
      // "two or three inches", "10 or 12 people": two close guesses at one count.
      (RANGE_OR.test(between) && high.value <= 2 * low.value);
    if (low.qualifier !== 'exact' || high.qualifier !== 'exact' || !range || low.value >= high.value)
      continue;
    const unit = low.unit ?? high.unit;
    out[i] = { ...low, qualifier: 'at-least', ...(unit ? { unit } : {}) };
    out[i + 1] = { ...high, qualifier: 'at-most', ...(unit ? { unit } : {}) };
    i++;
  }
  // "Two workers were killed and 14 others were taken to hospital": the others are more of what the figure
  // before counts.
  for (let i = 1; i < out.length; i++)
    if (out[i].unit?.toLowerCase() === 'others' && out[i - 1].unit && out[i - 1].unit !== AGE_UNIT)
      out[i] = { ...out[i], unit: out[i - 1].unit };
  return withAgeDecades(text, out);
}

/** A person's age told by its decade: "in his 60s", "in her late thirties", "a man in his early 20s". */
const AGE_DECADE =
  /\bin\s+(?:his|her|their)\s+(?:(early|mid|late)[\s-]*)?(?:([2-9])0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi;
const DECADE_WORDS = [
  'twenties',
  'thirties',
  'forties',
  'fifties',
  'sixties',
  'seventies',
  'eighties',
  'nineties',
];
/** The years of a decade that "early", "mid" and "late" leave open: the first five, the middle five and the last four. */
const DECADE_PART: Readonly<Record<string, readonly [number, number]>> = {
  early: [0, 4],
  mid: [3, 7],
  late: [6, 9],
};

/**
 * The figures with any age told by its decade, read as a range of ages like "between 60 and 69": a lower
 * and an upper bound, both spanning the words, so that "in his 60s" holds a 64-year-old and disputes a
 * 71-year-old.
 */
function withAgeDecades(text: string, out: NumberMention[]): NumberMention[] {
  const decades: NumberMention[] = [];
  for (const m of allMatches(AGE_DECADE, text)) {
    const tens = m[2] ? Number(m[2]) * 10 : (DECADE_WORDS.indexOf(m[3].toLowerCase()) + 2) * 10;
    const [from, to] = DECADE_PART[m[1]?.toLowerCase() ?? ''] ?? [0, 9];
    const span = { raw: m[0], unit: AGE_UNIT, start: m.index, end: m.index + m[0].length };
    decades.push(
      { ...span, value: tens + from, qualifier: 'at-least' },
      { ...span, value: tens + to, qualifier: 'at-most' },
    );
  }
  if (!decades.length) return out;
  const apart = out.filter((n) => !decades.some((d) => n.start < d.end && d.start < n.end));
  return [...apart, ...decades].sort((a, b) => a.start - b.start);
}

/**
 * What "one" counts when a story counts it: a person, a casualty, a seat, a point. Other nouns after
 * "one" are as often a way of speaking ("at least one website", "one lump ... and another").
 */
const ONE_COUNTS = new Set([
  ...PEOPLE_KINDS,
  ...'seat vote goal year month week hour minute season game match'.split(' '),
]);
/** Words before "one" that make it a pronoun, an idiom or a bound: "no one", "the one", "at least one". */
const ONE_PRONOUN_BEFORE = /\b(?:no|the|this|that|any|every|each|which|at|least|another|some|in)\s+$/i;

/**
 * Whether "one" counts the noun after it ("one person was killed", "one soldier", "one point clear")
 * rather than standing for someone ("one of the largest", "no one") or making an idiom ("at one point").
 */
function countsOne(text: string, start: number, end: number, tokens: readonly Token[]): boolean {
  if (!tokens.length || ONE_PRONOUN_BEFORE.test(text.slice(Math.max(0, start - 10), start))) return false;
  const next = tokens.find((t) => t.start >= end);
  if (!next || next.start - end > 2 || next.pos !== 'NOUN') return false;
  const word = next.text.toLowerCase();
  // "one point" is a margin only with the lead in view ("one point clear"); "at one point" is a moment.
  if (word === 'point') return /^\s+point\s+(?:clear|ahead|behind|lead)/i.test(text.slice(end));
  return ONE_COUNTS.has(word);
}

/** Units of a temperature, however written ("1.5C", "41.2°C", "47.6 degrees Celsius"). */
export const CELSIUS = '°C';
export const FAHRENHEIT = '°F';
/** A distance an hour after a figure ("km/h", "kilometres per hour", "miles an hour"): its unit is a speed. */
const SPEED_AFTER = /^[\s-]*(km|kilomet(?:re|er)s?|miles?)\s*(?:\/\s*h(?:r|our)?\b|(?:per|an|a)\s+hour\b)/i;

/** The unit of a temperature scale named by its letter or word ("C", "centigrade", "Fahrenheit"). */
function temperatureUnit(scale: string): string {
  return /^f/i.test(scale) ? FAHRENHEIT : CELSIUS;
}
/** A temperature scale's letter right after a figure: "1.5C", "117F", "41.2°C", "106 °F". */
const TEMPERATURE_SCALE = /^\s?°?\s?([CF])(?![\p{L}\d])/u;
/** A degree sign and scale after a space: "106 °F". */
const SPACED_DEGREES = /^\s°\s?([CF])(?![\p{L}\d])/u;
/** Words before a figure that speak of a temperature, so that "41C" is one. */
const TEMPERATURE_BEFORE =
  /\b(?:temperatures?|degrees?|heat|hot|warm(?:er|est|ing)?|cold|high of|low of|reached|hit|hitting|soared|peaked|thermometers?|above|below)\b/i;
/** The scale after "degrees": "degrees Celsius", "degrees C", "degrees Fahrenheit". */
const DEGREES_SCALE = /^\s*degrees?\s+(Celsius|centigrade|C|Fahrenheit|F)\b/i;

/** A scale's name before its figure: "magnitude 6.4", "Category 4", "level 3". */
const SCALE_BEFORE = new RegExp(`\\b(${SCALE_NAMES})\\s+$`, 'i');

/** Between a part and the whole it is of: "124 | of the | 300 seats", "four | of its | 12 stores". */
const PART_OF = /^\s+(?:out\s+)?of\s+(?:the|its|their|his|her|our)?\s*$/i;

/** Nouns of a gathering, which count the people in it: "a sellout crowd of 65,000". */
const CROWD_OF =
  /\b(?:crowd|audience|attendance|gathering)\s+of\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?$/i;

/** A scale word alone as a figure ("a million", "a billion"), which a fraction before it takes a part of. */
const SCALE_ALONE = /^an?\s+(?:thousand|million|billion|trillion)$/i;

/** The unit of a score or a tally ("3-2", "7-4"). */
export const SCORE_UNIT = 'score';
/** The hyphen or dash of a score, with nothing around it ("3-2", "2–1"). */
const SCORE_JOIN = /^[-–]$/;
/** A tally in words joined by hyphens: "a three-to-two majority". */
const SCORE_HYPHEN_TO = /^[-–]to[-–]$/i;
/** What a tally or a score counts: "seven votes to four", "three goals to two". */
const TALLY_NOUN = '(?:votes?|goals?|points?|runs?|sets?)';
/** A tally or score in words: "seven votes to four", "three goals to two". */
const SCORE_WORDS = new RegExp(`^\\s+${TALLY_NOUN}\\s+to\\s+$`, 'i');
/** A tally told as votes for and against: "214 votes in favour and 139 against", "9 for and 5 against". */
const SCORE_FOR = /^\s+(?:votes?\s+)?(?:in\s+favou?r|for)(?:\s+and|,)\s+$/i;
const SCORE_AGAINST = /^\s+(?:votes?\s+)?against\b/i;
/** "to" between two counts, a tally when a vote or a win comes before it ("by 7 to 4", "won 21 to 17"). */
const SCORE_TO = /^\s+to\s+$/i;
const SCORE_BEFORE = /\b(?:by|voted|won|beat|lost|defeated|beating|majority of)\s+$/i;
/** A tally's second count in a word that is no figure alone: "six to one", "three goals to nil". */
const SCORE_TO_WORD = new RegExp(`^\\s+(${TALLY_NOUN}\\s+)?to\\s+(one|nil|none|zero)\\b`, 'i');
/** What a tally counts, when read as a figure's unit ("five votes"). */
const TALLIED = new RegExp(`^${TALLY_NOUN}$`, 'i');
const SCORE_WORD_COUNT: Readonly<Record<string, number>> = { one: 1, nil: 0, none: 0, zero: 0 };
/** One number for a score's two counts, equal only for the same two counts. */
function scoreValue(a: number, b: number): number {
  return a * 1_000_000 + b;
}

/** What opens a range of two figures: "between 40 and 50". */
const RANGE_START = /\bbetween\s+$/i;
const RANGE_AND = /^\s+and\s+$/i;
const RANGE_OR = /^\s+or\s+$/i;

/** The unit of a person's age, however it is written ("13-year-old", "13 years old", "aged 13"). */
export const AGE_UNIT = 'year old';

/** Whether a number is someone's age in years or months ("a 22-year-old", "a six-month-old"). */
export function isAgeUnit(unit: string | undefined): boolean {
  return !!unit && / old$/.test(unit);
}

/** Words between two numbers that make them one list ("13 and 14", "13 to 15", "13-15"). */
const JOINED = /^\s*(?:,|and|or|to|-|–)\s*$/i;

/** Words before a bare number that make it an age, with the bound they put on it. */
const AGE_BEFORE: readonly [RegExp, NumberQualifier][] = [
  [/\bas young as\s+$/i, 'at-least'],
  [/\bas old as\s+$/i, 'at-most'],
  [/\b(?:aged|ages?(?: of)?)\s+$/i, 'exact'],
];

/**
 * A bare number read as an age from what precedes it: "aged 13", "as young as 13", a name's
 * apposition ("Kim Smith, 45, said") or the second of a list of ages ("aged 13 and 14").
 */
function ageBefore(
  text: string,
  start: number,
  previous: NumberMention | undefined,
): { qualifier?: NumberQualifier } | undefined {
  const before = text.slice(Math.max(0, start - 16), start);
  for (const [re, qualifier] of AGE_BEFORE)
    if (re.test(before)) return qualifier === 'exact' ? {} : { qualifier };
  if (previous?.unit === AGE_UNIT && JOINED.test(text.slice(previous.end, start))) return {};
  // "Smith, 45, said": a capitalised word (not the sentence's first) between commas and a small number.
  if (/(?:^|\s)\S+\s+[A-Z][\p{L}'-]+,\s*$/u.test(text.slice(Math.max(0, start - 40), start))) {
    const after = text.slice(start);
    if (/^\d{1,3},\s/.test(after) && Number.parseInt(after, 10) < 120) return {};
  }
  return undefined;
}

function wordsValue(words: string): number {
  // "half a billion" is half of "a billion".
  if (words.startsWith('half ')) return wordsValue(words.replace(/^half an? /, 'a ')) / 2;
  // "four point two billion" (as broadcasters write figures out): the digits after "point" are decimals.
  const point = /^(.+?)\s+point((?:\s+\w+)+?)(\s+(?:hundred|thousand|million|billion|trillion).*)$/.exec(
    words,
  );
  if (point) {
    const decimals = point[2]
      .trim()
      .split(/\s+/)
      .map((w) => SMALL[w]);
    if (decimals.some((d) => d === undefined || d > 9)) return Number.NaN;
    return wordsValue(`one${point[3]}`) * (wordsValue(point[1]) + Number(`0.${decimals.join('')}`));
  }
  let total = 0;
  let current = 0;
  for (const w of words.replace(/^a /, 'one ').split(/[- ]+/)) {
    // "two dozen" is two twelves, like "two hundred".
    if (w === 'dozen') current = (current || 1) * 12;
    else if (w in SMALL) current += SMALL[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALE) {
      total += (current || 1) * SCALE[w];
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}

function qualifierBefore(text: string, start: number): { qualifier: NumberQualifier; start: number } | null {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [re, qualifier] of QUALIFIERS) {
    const m = re.exec(before);
    if (m)
      return { qualifier, start: start - (before.length - m.index) + (m[0].match(/^\W*/)?.[0].length ?? 0) };
  }
  return null;
}

/**
 * "13 years old" is an age, "20 years ago" or "two years later" a time elapsed: one unit, never one
 * quantity, so an age is read as its own unit ("years old").
 */
function ageOrDuration(after: string, unit: string | undefined): string | undefined {
  if (!unit || !spanSeconds(unit)) return unit;
  // One unit however written: "13 years old" and "13-year-old" are one age.
  return new RegExp(`^[\\s-]*${unit}[- ]old\\b`, 'i').test(after) ? `${unit.replace(/s$/, '')} old` : unit;
}

/**
 * Whether token `j` and the two after it are one hyphenated modifier ("middle-aged", "state-owned"),
 * written without spaces; an age ("5 year-old girls") is not one.
 */
function hyphenated(tokens: readonly Token[], j: number): boolean {
  const [a, dash, b] = [tokens[j], tokens[j + 1], tokens[j + 2]];
  return (
    !!b && dash.text === '-' && dash.start === a.end && b.start === dash.end && b.text.toLowerCase() !== 'old'
  );
}

/** The counted noun: the first noun within four words after the number, skipping adjectives and names. */

function unitAfter(text: string, end: number, tokens: readonly Token[]): string | undefined {
  if (tokens.length) {
    const i = tokens.findIndex((t) => t.start >= end);
    if (i >= 0) {
      for (let j = i; j < Math.min(tokens.length, i + 5); j++) {
        const t = tokens[j];
        // A noun that opens a hyphenated modifier ("48,000 middle-aged adults", "20 state-owned firms")
        // modifies the noun after it; one joined to the figure ("a 10-mile queue") is its unit.
        if (t.pos === 'NOUN' && hyphenated(tokens, j) && text.slice(end, t.start) !== '-') {
          j += 2;
          continue;
        }
        if (t.pos === 'NOUN') return t.text.toLowerCase();
        if (t.pos === 'PROPN' && j + 1 < tokens.length && tokens[j + 1].pos === 'PUNCT') return undefined;
        if (!['ADJ', 'PROPN', 'NUM', 'PUNCT'].includes(t.pos) || t.text === ',' || t.text === '.') break;
        if (t.pos === 'PUNCT' && t.text !== '-') break;
      }
    }
    return undefined;
  }
  const m = /^[\s-]+((?:[A-Z][\p{L}-]*\s+){0,3})([a-z][\p{L}-]*)/u.exec(text.slice(end, end + 60));
  if (m && !NOT_UNIT.has(m[2].toLowerCase())) return m[2].toLowerCase();
  return undefined;
}

/**
 * A count of no one harmed, written without a figure: "No one was injured", "nobody was killed or hurt",
 * "there were no casualties", "none of the passengers was hurt". Early reports of an accident often say so
 * where later ones count the hurt. Not "no one else was hurt" or "no serious injuries": those say some
 * were. Read apart from `findNumbers`, whose figures every model reads: only the verdict compares these.
 */
const NONE_HARMED =
  /\b(?:(?:no(?:[- ]one)|nobody|none(?: of (?:the|them|those|its|their)(?: [\w-]+){0,2})?)(?= (?:(?:was|were|is|are|has|have|had) )?(?:(?:been|reported|believed|thought|known|said) )?(?:to (?:have )?(?:be(?:en)? )?)?(?:killed|injured|hurt|harmed|wounded|died|dead)\b)|no (?:(?:reported|known|immediate) )?(?:deaths|injuries|casualties|fatalities)\b|no reports? of (?:any )?(?:deaths|injuries|casualties|fatalities)\b)/gi;

/** Cheap test before `NONE_HARMED`: the word that opens every zero count. */
const NONE_HINT = /\bno(?:ne|body)?\b/i;

/** The zero counts of harmed people a sentence states (value 0, counting people), with their offsets. */
export function findNone(text: string): NumberMention[] {
  if (!NONE_HINT.test(text)) return [];
  return allMatches(NONE_HARMED, text).map((m) => ({
    raw: m[0],
    value: 0,
    unit: 'people',
    qualifier: 'exact' as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The rest of a fraction of a percentage point ("a quarter | of a percentage point", "half | a point"). */
const FRACTION_OF_POINT = /^\s+(?:of\s+)?a\s+(?:percentage\s+)?point\b/i;

/** What harm a count of people tells of, as bits: the dead, the hurt ("casualties" is either). */
export const HARM_DEATH = 1;
export const HARM_INJURY = 2;
/** The missing, and the rescued: two more tallies of one event's people, neither the dead nor the hurt. */
export const HARM_MISSING = 4;
export const HARM_RESCUED = 8;
const HARM_WORD =
  /\b(?:(kill(?:s|ed|ing)?|dead|deaths?|die[ds]?|dying|fatal(?:ly|ity|ities)?)|(injur(?:y|ies|e[ds]?|ing)|hurt|wound(?:s|ed|ing)?|harmed|hospitali[sz]ed|(?:taken|rushed|admitted|airlifted|flown)\s+to\s+(?:a\s+|the\s+)?hospital|treated\s+(?:in|at)\s+(?:a\s+|the\s+)?hospital)|(casualt(?:y|ies))|(missing|unaccounted)|(rescued|saved|survivors?))\b/gi;

/** The harm bits of the words in a piece of text. */
function harmBits(text: string): number {
  let bits = 0;
  for (const m of allMatches(HARM_WORD, text))
    bits |= m[1]
      ? HARM_DEATH
      : m[2]
        ? HARM_INJURY
        : m[3]
          ? HARM_DEATH | HARM_INJURY
          : m[4]
            ? HARM_MISSING
            : HARM_RESCUED;
  return bits;
}

/** A figure as its sentence gives it: the sentence's text and all its figures, for what the figure counts. */
export interface FigureIn {
  text: string;
  figure: NumberMention;
  figures: readonly NumberMention[];
}

/**
 * Whether two figures count people of different tallies of one event: "Twelve people are now confirmed
 * dead" and "11 people still unaccounted for", "41 died" and "57 were rescued". Unknown when either
 * names no such tally.
 */
export function otherTally(a: FigureIn, b: FigureIn): boolean {
  const hx = harmIn(a);
  const hy = harmIn(b);
  return hx !== 0 && hy !== 0 && (hx & hy) === 0;
}

/**
 * Whether two figures count people who suffered one harm, though one names them by the harm alone ("17
 * hurt") and the other by who they are ("injures 14 workers"): one count, whatever its two units.
 */
export function harmedAlike(a: FigureIn, b: FigureIn): boolean {
  const harmUnit = (f: FigureIn) => !!f.figure.unit && harmBits(f.figure.unit) !== 0;
  if (!harmUnit(a) && !harmUnit(b)) return false;
  return (harmIn(a) & harmIn(b)) !== 0;
}

/**
 * Whether two figures count one tally of an event's people by the harm their clauses name, however they
 * name it ("Seven people remain missing" and "Five people are still unaccounted for"). False when either
 * names none.
 */
export function sameTally(a: FigureIn, b: FigureIn): boolean {
  const h = harmIn(a);
  return h !== 0 && h === harmIn(b);
}

/**
 * Whether a count of no one harmed (`findNone`) and another count tell of the same harm: every harm the
 * other counts is one the first says no one suffered ("no one was killed or injured" against "two were
 * killed"; not "no one was killed" against "two were hurt", nor against "two casualties", who may be
 * hurt). Two counts of no one harmed tell of one harm when they share one.
 */
export function sameHarm(none: FigureIn, other: FigureIn, bothNone: boolean): boolean {
  const hn = harmIn(none);
  const ho = harmIn(other);
  if (bothNone) return (hn & ho) !== 0;
  return ho !== 0 && (ho & ~hn) === 0;
}

/** `harmOf` of each figure read so far, kept with the text it was read in. */
const harmCache = new WeakMap<NumberMention, { text: string; bits: number }>();

/** `harmOf` of a figure in its sentence, read once per figure: each figure is held against many. */
function harmIn(f: FigureIn): number {
  const known = harmCache.get(f.figure);
  if (known?.text === f.text) return known.bits;
  const bits = harmOf(f.text, f.figure, f.figures);
  harmCache.set(f.figure, { text: f.text, bits });
  return bits;
}

/**
 * What harm a figure counts, read in its own clause: the harm words from the figure to the next figure or
 * the clause's end ("Two people were killed and | five injured"), else the nearest before it, back to the
 * previous figure ("killing 14 people and injuring 31": 31 were hurt). 0 when it counts no harm.
 */
export function harmOf(text: string, n: NumberMention, figures: readonly NumberMention[]): number {
  const next = figures.reduce((at, f) => (f.start >= n.end && f.start < at ? f.start : at), text.length);
  const after =
    text.slice(n.start, Math.min(next, n.end + 50)).split(/[,;:.!?]|\s(?:and|but|while|as)\s/)[0] ?? '';
  const bits = harmBits(after);
  if (bits) return bits;
  const previous = figures.reduce((at, f) => (f.end <= n.start && f.end > at ? f.end : at), 0);
  const before =
    text
      .slice(Math.max(previous, n.start - 60), n.start)
      .split(/[,;:.!?]/)
      .pop() ?? '';
  const words = allMatches(HARM_WORD, before);
  const last = words[words.length - 1];
  return last ? harmBits(last[0]) : 0;
}
