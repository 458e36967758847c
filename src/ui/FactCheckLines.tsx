import type { FactCheckEvidence } from '../model/fact-check.ts';
import { isSafeLink, quoteClass } from './status-format.ts';

/** "PolitiFact rated a matching claim false", the words a fact-check is announced with everywhere. */
export function factCheckLine(fc: FactCheckEvidence): string {
  return `${fc.factChecker} rated a matching claim ${fc.rating}`;
}

/** The fact-checker's own words, when they say more than the normalised rating. */
function ownWords(fc: FactCheckEvidence): string | null {
  const words = fc.ratingText?.trim();
  return words && words.toLowerCase() !== fc.rating ? words : null;
}

/**
 * Fact-checkers' ratings of claims matching this one, shown first (before other outlets): a published
 * review is the strongest signal a reader can get. Text is rendered as text; links only when http(s).
 */
export function FactCheckLines({ checks }: { checks?: FactCheckEvidence[] }) {
  if (!checks?.length) return null;
  return (
    <ul class="cl-factchecks" aria-label="Fact-checks">
      {checks.map((fc) => {
        const words = ownWords(fc);
        return (
          <li
            key={fc.url + fc.claimReviewed}
            class={`cl-factcheck cl-rating-${fc.rating.replace(/\s+/g, '-')}`}
          >
            <span class="cl-factcheck-line">{factCheckLine(fc)}</span>
            {words && <span class="cl-factcheck-words"> (“{words}”)</span>}
            {isSafeLink(fc.url) && (
              <>
                {' '}
                <a class="cl-link" href={fc.url} target="_blank" rel="noopener noreferrer">
                  Read the fact-check<span class="cl-sr"> by {fc.factChecker}</span>
                </a>
              </>
            )}
            <q class={`${quoteClass(fc.claimReviewed)} cl-factcheck-claim`}>{fc.claimReviewed}</q>
          </li>
        );
      })}
    </ul>
  );
}
