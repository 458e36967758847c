/**
 * Words and ordering for cross-outlet status, shared by the tooltip, the popup and the demo summary so
 * every place says the same thing about a claim.
 */
import type { Attribution } from '../model/sentence.ts';
import { type Stance, type StatusClass, statusOf } from '../model/stance.ts';
import type { ClaimStatus, ClaimView, Evidence } from '../protocol/views.ts';
import { STATUS_KIND_LABEL, statusKind } from './status-glyphs.ts';

/** Disputes first (what a reader most needs to know), then confirmations, then unclear. */
export const STANCE_ORDER: readonly Stance[] = ['disputes', 'confirms', 'unclear'];

export const STANCE_LABEL: Record<Stance, string> = {
  disputes: 'Disputes',
  confirms: 'Confirms',
  unclear: 'Cannot confirm',
};

export type StatusCounts = Record<Stance, number>;

/** Number of distinct other outlets per stance. */
export function statusCounts(status: ClaimStatus): StatusCounts {
  return {
    disputes: status.disputes.length,
    confirms: status.confirms.length,
    unclear: status.unclear.length,
  };
}

/**
 * How each other article of the story stands toward this article's statements: per article id, how
 * many of the given claims (highlighted and covered alike) it confirms, disputes or cannot confirm.
 * The popup's story list shows it, so a reader sees at a glance which outlets tell the same story and
 * which contradict it.
 */
export function verdictsByArticle(claims: readonly ClaimView[]): Map<string, StatusCounts> {
  const out = new Map<string, StatusCounts>();
  for (const claim of claims)
    for (const stance of STANCE_ORDER) {
      const seen = new Set<string>();
      for (const e of claim.status[stance]) {
        if (seen.has(e.articleId)) continue;
        seen.add(e.articleId);
        const counts = out.get(e.articleId) ?? { disputes: 0, confirms: 0, unclear: 0 };
        counts[stance]++;
        out.set(e.articleId, counts);
      }
    }
  return out;
}

/** "confirms 5 · disputes 1 · cannot confirm 2 of its statements"-style line for the story list, or null. */
export function articleVerdictLine(counts: StatusCounts | undefined): string | null {
  if (!counts) return null;
  const parts: string[] = [];
  if (counts.confirms) parts.push(`confirms ${counts.confirms}`);
  if (counts.disputes) parts.push(`disputes ${counts.disputes}`);
  if (counts.unclear) parts.push(`cannot confirm ${counts.unclear}`);
  return parts.length ? `${parts.join(' · ')} of this article's statements` : null;
}

/** The highlight class a claim's status paints with. */
export function statusClass(status: ClaimStatus): StatusClass {
  return statusOf(statusCounts(status));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line for a claim's status, e.g. "3 outlets confirm · 1 disputes · 1 cannot confirm". */
export function summaryLine(status: ClaimStatus): string {
  const c = statusCounts(status);
  const parts: string[] = [];
  if (c.confirms) parts.push(`${plural(c.confirms, 'outlet confirms', 'outlets confirm')}`);
  if (c.disputes) parts.push(`${plural(c.disputes, 'outlet disputes', 'outlets dispute')}`);
  if (c.unclear) parts.push(`${plural(c.unclear, 'outlet cannot confirm', 'outlets cannot confirm')}`);
  return parts.length ? parts.join(' · ') : 'No other outlet you have read mentions this yet';
}

/**
 * "According to Kyrylo Budanov (Ukraine's military intelligence chief)", or null without attribution.
 * "According to" reads right for one speaker and for many ("local residents", "officials"), which a
 * verb would have to agree with.
 */
export function attributionLine(attribution: Attribution | null): string | null {
  if (!attribution) return null;
  return `According to ${attribution.source}${attribution.role ? ` (${attribution.role})` : ''}`;
}

/**
 * A note on why a piece of evidence disputes, when numbers or days differ. A denial of our figure that
 * states none instead ("denied reports that 300 jobs would go") records theirs as "not 300"
 * (src/stance/pair.ts).
 */
export function conflictLine(evidence: Evidence): string | null {
  const c = evidence.numberConflict;
  if (!c) return null;
  if (c.theirs === `not ${c.ours}`) return `denies the figure ${c.ours}`;
  const what =
    WRITTEN_DAY.test(c.ours) && WRITTEN_DAY.test(c.theirs)
      ? 'dates'
      : CLOCK_TIME.test(c.ours) && CLOCK_TIME.test(c.theirs)
        ? 'times'
        : NAMED.test(c.ours) && NAMED.test(c.theirs)
          ? 'speakers'
          : FIGURE.test(c.ours) || FIGURE.test(c.theirs)
            ? 'numbers'
            : 'accounts';
  return `${what} differ: ${c.theirs} vs ${c.ours}`;
}

/**
 * A figure in a conflict's words, in digits or in words; without one, the conflict is of two states of one
 * thing ("remains closed", "reopened": src/stance/states.ts).
 */
const FIGURE =
  /\d|\b(?:no|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|third)\b/i;

/** A person's name as a speaker conflict gives it ("Dana Ortiz"): capitalised words, no digit. */
const NAMED = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)+$/u;

/** A clock time as a time conflict gives it ("11:40 p.m.", "21:42", "noon"). */
const CLOCK_TIME = /^(?:\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d{2}|noon|midnight)$/i;

/** A day as a date conflict gives it: written out ("March 1, 2027", "8 October"), a weekday or a month. */
const WRITTEN_DAY =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * Why the other outlet stands so (`stance`), when it is worth saying: conflicting numbers, a denial, or
 * an article-level verdict (the quote is then its sentence most about the claim). An article-level
 * verdict reads from where the reader stands: on a report, the other article calls the story false; on
 * a debunk, the other article is the report it disputes, or another debunk that agrees with it.
 */
export function reasonLine(evidence: Evidence, stance: Stance): string | null {
  const numbers = conflictLine(evidence);
  if (numbers) return numbers;
  if (evidence.basis === 'debunk') {
    if (stance === 'confirms') return 'its article as a whole also reports this story as false';
    return evidence.side === 'report'
      ? 'its article reports the story this article calls false'
      : 'its article as a whole reports this story as false';
  }
  if (evidence.basis === 'denial') return 'denies it';
  return null;
}

/** "citing Kyrylo Budanov": whom the other outlet attributes the fact to, when it says. */
export function originLine(evidence: Evidence): string | null {
  return evidence.origin ? `citing ${evidence.origin}` : null;
}

/**
 * Whether a claim's confirmations are independent: "4 outlets, 1 independent source: Kyrylo Budanov
 * (Ukraine's military intelligence chief)", or null when no outlet confirms it. Outlets that only
 * republish this very article (its original, or copies of it) are no source at all.
 */
export function independenceLine(claim: ClaimView): string | null {
  const outlets = claim.status.confirms.length;
  const sources = claim.sources;
  if (!outlets || !sources) return null;
  if (!sources.length)
    return `${plural(outlets, 'outlet', 'outlets')}, no independent source: the same article republished`;
  const named = sources.map((s) => `${s.name}${s.role ? ` (${s.role})` : ''}`).join('; ');
  return `${plural(outlets, 'outlet', 'outlets')}, ${plural(sources.length, 'independent source', 'independent sources')}: ${named}`;
}

/** "copy of The Kyiv Independent": an outlet whose article republishes or rewrites another's. */
export function copyLine(evidence: Evidence, all: readonly Evidence[]): string | null {
  if (!evidence.copyOf) return null;
  const original = all.find((e) => e.articleId === evidence.copyOf);
  return original ? `copy of ${original.outlet}` : 'copy of another article';
}

/** True for links that may be opened: only http(s) URLs, never script or data URLs from a page or a file. */
export function isSafeLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * A claim's accessible name, for its focus proxy in the page: its status first (what the marks show at
 * a glance, heard before the sentence), then the claim, then the outlet counts.
 */
export function claimLabel(claim: ClaimView): string {
  return `${STATUS_KIND_LABEL[statusKind(claim.status)]}: ${claim.text} ${summaryLine(claim.status)}.`;
}

/**
 * The class of a quoted sentence: one that opens with its own quote mark ('"We are throwing everything at it,"
 * said the chief') keeps its own marks, so the reader sees one opening mark, not two.
 */
export function quoteClass(text: string): string {
  return /^\s*["“‘'«„]/.test(text) ? 'cl-quote cl-quote-own' : 'cl-quote';
}
