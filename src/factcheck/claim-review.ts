/**
 * schema.org ClaimReview, as fact-checkers publish it in their pages' JSON-LD: which claim they
 * reviewed, their rating, who they are and where the claim appeared. Read from the JSON-LD texts of a
 * page (the reader's own page, or a page fetched from a fact-checker's feed); anything malformed is
 * left out, never guessed at.
 */
import type { Rating } from '../model/fact-check.ts';
import { normaliseRating } from './rating.ts';

/** One review read from a page. */
export interface ClaimReview {
  claimReviewed: string;
  factChecker: string;
  rating: Rating;
  ratingText?: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  /** The review's own URL (the page's URL when the markup gives none or a foreign one). */
  url: string;
  datePublished?: string;
  appearance?: string[];
}

/** What is read from one page, at most. */
export const CLAIM_REVIEW_LIMITS = { reviews: 20, claimChars: 2_000, jsonLdChars: 500_000 } as const;

type Node = Record<string, unknown>;

/**
 * The ClaimReviews in a page's JSON-LD texts (the contents of its `application/ld+json` scripts).
 * `pageUrl` is the page they come from: a review's `url` is kept only when it is an http(s) URL on the
 * same host (a page cannot speak for another site's reviews), else the page's URL stands for it.
 */
export function readClaimReviews(jsonLdTexts: readonly string[], pageUrl: string): ClaimReview[] {
  const out: ClaimReview[] = [];
  for (const text of jsonLdTexts) {
    if (text.length > CLAIM_REVIEW_LIMITS.jsonLdChars || !text.includes('ClaimReview')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const node of nodes(data)) {
      if (out.length >= CLAIM_REVIEW_LIMITS.reviews) return out;
      if (!hasType(node, 'ClaimReview')) continue;
      const review = readReview(node, pageUrl);
      if (review) out.push(review);
    }
  }
  return out;
}

/** Every object of a JSON-LD value: top-level arrays and `@graph` lists, not nested properties. */
function nodes(data: unknown, depth = 0): Node[] {
  if (depth > 3 || !data || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((d) => nodes(d, depth + 1));
  const node = data as Node;
  const graph = node['@graph'];
  return [node, ...(Array.isArray(graph) ? graph.flatMap((d) => nodes(d, depth + 1)) : [])];
}

function hasType(node: Node, type: string): boolean {
  const t = node['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && (x === type || x.endsWith(`/${type}`)));
}

function readReview(node: Node, pageUrl: string): ClaimReview | null {
  const item = first(node.itemReviewed);
  const claim = text(node.claimReviewed) ?? text(item?.name) ?? text(item?.text);
  if (!claim) return null;
  const rating = first(node.reviewRating);
  const ratingText = text(rating?.alternateName) ?? text(rating?.name);
  const ratingValue = num(rating?.ratingValue);
  const bestRating = num(rating?.bestRating);
  const worstRating = num(rating?.worstRating);
  if (!ratingText && ratingValue === undefined) return null;
  const author = first(node.author);
  const factChecker = text(author?.name) ?? text(node.author) ?? hostOf(pageUrl);
  const own = httpUrl(text(node.url));
  const url = own && sameHost(own, pageUrl) ? own : pageUrl;
  const appearance = [
    ...list(item?.appearance),
    ...list(item?.firstAppearance),
    ...(item && typeof item.url === 'string' ? [item.url] : []),
  ]
    .map((a) => httpUrl(typeof a === 'string' ? a : text((a as Node).url)))
    .filter((a): a is string => !!a);
  const published = text(node.datePublished);
  const date =
    published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : undefined;
  return {
    claimReviewed: claim.slice(0, CLAIM_REVIEW_LIMITS.claimChars),
    factChecker: factChecker.slice(0, 200),
    rating: normaliseRating({ alternateName: ratingText, ratingValue, bestRating, worstRating }),
    ...(ratingText ? { ratingText: ratingText.slice(0, 200) } : {}),
    ...(ratingValue !== undefined ? { ratingValue } : {}),
    ...(bestRating !== undefined ? { bestRating } : {}),
    ...(worstRating !== undefined ? { worstRating } : {}),
    url,
    ...(date ? { datePublished: date } : {}),
    ...(appearance.length ? { appearance: [...new Set(appearance)].slice(0, 10) } : {}),
  };
}

function first(value: unknown): Node | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && typeof v === 'object' ? (v as Node) : undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (v) => typeof v === 'string' || (v && typeof v === 'object'),
  );
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

function num(value: unknown): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).hostname === new URL(b).hostname;
  } catch {
    return false;
  }
}
