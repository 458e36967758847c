/**
 * What a page says about itself beyond its article: the feeds it advertises (`<link rel="alternate">`,
 * for "Follow this outlet") and its schema.org ClaimReview markup (a fact-check page). Read by the
 * content script on article pages and by the background on pages fetched from a feed. Two native
 * selector queries; the JSON-LD is only handed on (as text) when it names a ClaimReview, and is parsed
 * in the background, never on the page.
 */

/** A feed a page advertises. */
export interface FeedLink {
  url: string;
  title?: string;
}

export interface PageExtras {
  feeds?: FeedLink[];
  /** Texts of the page's JSON-LD scripts that hold a ClaimReview. */
  claimReviews?: string[];
}

/** At most this much is handed on from one page. */
export const PAGE_EXTRAS_LIMITS = { feeds: 10, jsonLd: 5, jsonLdChars: 500_000 } as const;

const FEED_TYPES =
  /^application\/(rss|atom|feed|rdf)\+(xml|json)$|^application\/(x-)?rss\+xml$|^application\/json$/i;

/** The page's advertised feeds and ClaimReview JSON-LD; empty object when it has neither. */
export function readPageExtras(doc: Document, pageUrl: string): PageExtras {
  const extras: PageExtras = {};
  const links = doc.querySelectorAll('link[rel~="alternate" i][type][href]');
  const feeds: FeedLink[] = [];
  for (let i = 0; i < links.length && feeds.length < PAGE_EXTRAS_LIMITS.feeds; i++) {
    const link = links[i];
    if (!FEED_TYPES.test(link.getAttribute('type') ?? '')) continue;
    let url: string;
    try {
      url = new URL(link.getAttribute('href') ?? '', pageUrl).href;
    } catch {
      continue;
    }
    if (!/^https?:/i.test(url) || feeds.some((f) => f.url === url)) continue;
    const title = link.getAttribute('title')?.replace(/\s+/g, ' ').trim().slice(0, 200);
    feeds.push(title ? { url, title } : { url });
  }
  if (feeds.length) extras.feeds = feeds;
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  const reviews: string[] = [];
  for (let i = 0; i < scripts.length && reviews.length < PAGE_EXTRAS_LIMITS.jsonLd; i++) {
    const text = scripts[i].textContent ?? '';
    if (text.length <= PAGE_EXTRAS_LIMITS.jsonLdChars && text.includes('ClaimReview')) reviews.push(text);
  }
  if (reviews.length) extras.claimReviews = reviews;
  return extras;
}
