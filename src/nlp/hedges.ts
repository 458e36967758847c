/**
 * Hedging words: a claim that is "purportedly" or "allegedly" true, or that "may" happen, is worth
 * checking but must not be shown as a firm statement.
 */
import { allMatches } from './matches.ts';

const HEDGE_RE =
  /\b(?:purportedly|allegedly|reportedly|apparently|supposedly|possibly|probably|likely|unlikely|presumably|seemingly|unconfirmed|unverified|may|might|could|perhaps|suspected|rumou?red|is said to|are said to|believed to|thought to|appears? to|seems? to|is claimed to|are claimed to|expected to|estimated)\b/gi;

/** Hedges in the order they appear, lower-cased, without repeats. */
export function findHedges(text: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(HEDGE_RE, text)) {
    const h = m[0].toLowerCase();
    if (!out.includes(h)) out.push(h);
  }
  return out;
}
