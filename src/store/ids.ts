/**
 * Stable ids: the same URL or sentence always gets the same id, so re-reading a page, exporting
 * and importing never duplicates records.
 */

/** 53-bit string hash (cyrb53), as 11 base-36 characters. Not cryptographic; collisions are negligible here. */
export function hashString(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/** The URL without its fragment and tracking parameters: the same article read twice is one record. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(key)) u.searchParams.delete(key);
    }
    return u.toString();
  } catch {
    return url;
  }
}

/** Article id for a URL. */
export function articleIdFor(url: string): string {
  return `a${hashString(canonicalUrl(url))}`;
}

/** Sentence id: the article id plus a hash of the sentence text (and its occurrence number when repeated). */
export function sentenceIdFor(articleId: string, text: string, occurrence: number): string {
  return `${articleId}:${hashString(text)}${occurrence ? `.${occurrence}` : ''}`;
}
