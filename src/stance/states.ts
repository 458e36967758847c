/**
 * Two states of one thing that cannot both hold: a bridge that "remains closed" and one that "reopened on
 * Tuesday", a signal "functioning normally" and "a signal failure", a record broken and one that "still
 * stands". Two outlets that tell one fact in nearly the same words but give it opposite states contradict
 * each other, and no figure says so.
 */

import { concept, isStopword, stem, tokens } from '../match/text.ts';

/** One kind of state, its two opposite sides, and whether telling it needs a lasting state on one side. */
interface StatePair {
  readonly sides: readonly [RegExp, RegExp];
  /**
   * Whether one side must tell a lasting state (`LASTING`): "was closed" and "reopened on Tuesday" tell
   * one road's day in order, "remains closed" and "reopened" cannot both be so.
   */
  readonly lasting: boolean;
}

const STATE_PAIRS: readonly StatePair[] = [
  {
    sides: [
      /\b(?:re-?open(?:ed|s)?|(?:remains?|remained|stays?|stayed|is|was|are|were|kept|still|been)\s+(?:fully\s+)?open)\b/gi,
      /\b(?:(?:remains?|remained|stays?|stayed|is|was|are|were|kept|still|been)\s+(?:fully\s+|partly\s+)?(?:closed|shut)|closed|shut(?:\s+down)?)\b/gi,
    ],
    lasting: true,
  },
  {
    sides: [
      /\b(?:(?:functioning|operating|running|working|continued|continues|continuing|went\s+on|flowing)\s+(?:normally|as\s+(?:normal|usual))|(?:continues|continued)(?=\s*[,.;]|\s+(?:as|despite|unaffected)\b)|(?:at\s+)?full\s+(?:output|capacity)|back\s+online|(?:remains?|remained|is|was|were|still)\s+(?:operational|running|working|in\s+service))\b/gi,
      /\b(?:halted|suspended|offline|off-line|out\s+of\s+(?:service|action|operation)|(?:was|were|is|been)\s+shut\s+down|failure|failed|broke\s+down|malfunction(?:ed|ing)?)\b/gi,
    ],
    lasting: true,
  },
  {
    // How one person voted on one measure: "voted against the package", "who backed the cuts".
    sides: [
      /\b(?:voted\s+(?:for|in\s+favou?r\s+of)|backed|supported|endorsed)\b/gi,
      /\b(?:voted\s+against|opposed|rejected)\b/gi,
    ],
    lasting: false,
  },
  {
    // What an inspection found of a structure: "found it undamaged", "found cracks in the dam".
    sides: [/\b(?:undamaged|intact)\b/gi, /\b(?:damaged|cracks?|cracked)\b/gi],
    lasting: false,
  },
  {
    sides: [
      /\b(?:found\s+alive|(?:is|was|were|are)\s+(?:still\s+)?alive)\b/gi,
      /\b(?:found\s+dead|(?:is|was|were|are)\s+dead|died)\b/gi,
    ],
    lasting: false,
  },
  {
    sides: [
      /\b(?:(?:broke|breaking|broken|smashed|smashing|beat|beating|surpassed|surpassing|eclipsed|eclipsing)\s+(?:\S+\s+){0,4}?record|record\s+(?:\S+\s+){0,3}?(?:was|has\s+been|had\s+been)\s+(?:broken|beaten|smashed))\b/gi,
      /\brecord\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:still\s+stands|stands|remains\s+intact|remains\s+unbroken)\b/gi,
    ],
    lasting: false,
  },
];

/** Words that tell a state as lasting: "remains closed", "still shut", "continued normally". */
const LASTING =
  /\b(?:remains?|remained|stays?|stayed|still|continues?|continued|continuing|kept|normally|as\s+(?:normal|usual)|full\s+(?:output|capacity))\b/i;

/** A negation right before a state turns it ("was not closed", "never reopened"): such a state is left to the negation rules. */
const NEGATED = /\b(?:not|never|no|n't)\s+(?:\S+\s+)?$/i;

/** Words of the clause before a state that name what is in that state (`subjectOf`). */
const SUBJECT_WORDS = 5;

/** A state told in a sentence: its words, and the content words of what it is told of. */
interface StateTold {
  readonly text: string;
  readonly subject: ReadonlySet<string>;
}

/**
 * The content words of the clause before a state, up to `SUBJECT_WORDS` words back (what "remains closed"
 * is said of), and the state's own words when it names its thing ("a signal failure": signal; "the
 * national record ... still stands": record).
 */
function subjectOf(text: string, start: number, phrase: string): Set<string> {
  const clause = text
    .slice(Math.max(0, start - 80), start)
    .split(/[,;:()]|\s(?:and|but|while|as|after|before|when)\s/i);
  // "Mayor Linda Okafor, who backed the cuts": the relative clause's subject is before its comma.
  const last = /^\s*(?:who|which|that)\s*$/i.test(clause.at(-1) ?? '') ? clause.at(-2) : clause.at(-1);
  const words = tokens(`${last ?? ''} ${phrase}`)
    .filter((w) => !isStopword(w) && /^\p{L}+$/u.test(w))
    .slice(-SUBJECT_WORDS - 2)
    .map((w) => concept(stem(w)));
  return new Set(words);
}

function statesTold(text: string, side: RegExp): StateTold[] {
  const out: StateTold[] = [];
  for (const m of text.matchAll(side)) {
    if (NEGATED.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    out.push({ text: m[0], subject: subjectOf(text, m.index, m[0]) });
  }
  return out;
}

/** Whether two states are told of one thing: a content word of what each is said of is shared, beside the states' own words. */
function ofOneThing(a: StateTold, b: StateTold): boolean {
  const own = new Set(tokens(`${a.text} ${b.text}`).map((w) => concept(stem(w))));
  for (const w of a.subject) if (!own.has(w) && b.subject.has(w)) return true;
  // A record is the thing both states are of ("breaking the national record", "the record ... still stands").
  return /\brecord\b/i.test(a.text) && /\brecord\b/i.test(b.text);
}

/**
 * The opposite states two sentences give one thing, ours then theirs ("remains closed", "reopened"), or
 * null. Neither sentence may also tell the state the other gives of that thing: "withdrawals were
 * suspended but trading continued normally" holds both sides.
 */
export function stateConflict(ours: string, theirs: string): { ours: string; theirs: string } | null {
  for (const pair of STATE_PAIRS) {
    for (const [x, y] of [pair.sides, [pair.sides[1], pair.sides[0]]] as const) {
      const a = statesTold(ours, x);
      if (!a.length) continue;
      const b = statesTold(theirs, y);
      if (!b.length) continue;
      const aOther = statesTold(ours, y);
      const bOther = statesTold(theirs, x);
      for (const sa of a)
        for (const sb of b) {
          if (!ofOneThing(sa, sb)) continue;
          if (pair.lasting && !LASTING.test(sa.text) && !LASTING.test(sb.text)) continue;
          if (aOther.some((o) => ofOneThing(o, sb)) || bOther.some((o) => ofOneThing(o, sa))) continue;
          return { ours: sa.text, theirs: sb.text };
        }
    }
  }
  return null;
}
