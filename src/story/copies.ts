/**
 * Syndicated copies and rewrites: one outlet's article republished, or retold sentence by sentence in
 * other words, by another. Word-level near-duplicate detection (shingles, MinHash) finds the first kind
 * only; a rewrite shares facts, not phrases. Both show in the claim alignment the pipeline computes
 * anyway: most of the later article's claims state, in the same order, the facts of the earlier one.
 */

/** One aligned pair of the later article's claim and the earlier article's sentence, with their similarity. */
export interface AlignedClaim {
  /** Positions in each article (page order). */
  ours: number;
  theirs: number;
  similarity: number;
}

/** Similarity from which an aligned pair retells one sentence of the original. */
export const RETOLD = 0.45;
/** Share of the article's claims that must retell the other's for it to be a copy or rewrite. */
export const COPIED_SHARE = 0.6;
/** Share of the retold pairs that must keep the original's order. */
const SAME_ORDER = 0.7;
/** A copy needs at least this many retold claims (a three-line brief is not a rewrite of a long story). */
const MIN_RETOLD = 3;

/**
 * Whether an article with `claims` claims retells another: enough of its claims aligned with the
 * other's sentences at RETOLD similarity or more, mostly in the same order.
 */
export function retells(claims: number, aligned: readonly AlignedClaim[]): boolean {
  return retoldShare(claims, aligned) > 0;
}

/**
 * The share of an article's `claims` that retell another's sentences when it retells it (`retells`),
 * else 0. Of two articles that retell each other, the one with more claims of its own (the lower share)
 * tells more: a wire story beside its shortened rewrite.
 */
export function retoldShare(claims: number, aligned: readonly AlignedClaim[]): number {
  const retold = aligned.filter((a) => a.similarity >= RETOLD);
  const covered = new Set(retold.map((a) => a.ours)).size;
  if (covered < MIN_RETOLD || covered < COPIED_SHARE * claims) return 0;
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < retold.length; i++)
    for (let j = i + 1; j < retold.length; j++) {
      const d = (retold[i].ours - retold[j].ours) * (retold[i].theirs - retold[j].theirs);
      if (d === 0) continue;
      pairs++;
      if (d > 0) concordant++;
    }
  return !pairs || concordant / pairs >= SAME_ORDER ? covered / Math.max(1, claims) : 0;
}

/**
 * Of two articles that retell each other, which is the copy: the one published later, or when either
 * date is unknown, the one read later.
 */
export function laterOf<T extends { publishedAt?: string; firstReadAt: number }>(a: T, b: T): T {
  const pa = a.publishedAt ? Date.parse(a.publishedAt) : Number.NaN;
  const pb = b.publishedAt ? Date.parse(b.publishedAt) : Number.NaN;
  if (Number.isFinite(pa) && Number.isFinite(pb) && pa !== pb) return pa > pb ? a : b;
  return a.firstReadAt >= b.firstReadAt ? a : b;
}
