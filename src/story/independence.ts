/**
 * Is a claim independently confirmed, or is it one source repeated? Four outlets that all quote the same
 * official, or that republish one agency's copy, are one source. Confirmations are collapsed twice: an
 * article that copies or rewrites another counts as its original (`copyOf`), and outlets that attribute
 * the fact to the same person or body count as that one origin.
 */
import type { Attribution } from '../model/sentence.ts';
import { originKey } from '../nlp/attribution.ts';

/** One outlet's confirmation of a claim, as far as independence is concerned. */
export interface Confirmation {
  outlet: string;
  articleId: string;
  /** The article this one copies or rewrites, when it does. */
  copyOf?: string;
  /** Whom the outlet attributes the fact to, as written ("Kyrylo Budanov"), when it does. */
  origin?: string;
  /** The origin's role as written ("Ukraine's military intelligence chief"). */
  role?: string;
}

/** One independent source behind a claim's confirmations, with the outlets that carry it. */
export interface IndependentSource {
  /** The origin as first written ("Kyrylo Budanov"), or the outlet when it cites no one. */
  name: string;
  role?: string;
  /** Outlets carrying this source, originals first, copies apart. */
  outlets: string[];
  copies: string[];
}

/** The origin an outlet gives a sentence, from the claim analysis. */
export function originOf(attribution: Attribution | null | undefined): { origin?: string; role?: string } {
  if (!attribution?.source) return {};
  return { origin: attribution.source, ...(attribution.role ? { role: attribution.role } : {}) };
}

/**
 * Groups a claim's confirmations into independent sources: copies under their original, then
 * originals by the origin they cite (an outlet citing no one is a source of its own). `own` is the
 * claim's article: a copy of it, or the original it copies, repeats the claim's own words and is no
 * source at all.
 */
export function independentSources(
  confirmations: readonly Confirmation[],
  own?: { articleId: string; copyOf?: string },
): IndependentSource[] {
  const byArticle = new Map(confirmations.map((c) => [c.articleId, c]));
  const ours = new Set(own ? [own.articleId, ...(own.copyOf ? [own.copyOf] : [])] : []);
  /** A confirmation and the confirmations it copies, up to its original (a cycle stops the walk). */
  const chainOf = (c: Confirmation): Confirmation[] => {
    const chain = [c];
    for (let cur = c; cur.copyOf && byArticle.has(cur.copyOf); ) {
      cur = byArticle.get(cur.copyOf) as Confirmation;
      if (chain.includes(cur)) break;
      chain.push(cur);
    }
    return chain;
  };
  const groups = new Map<string, IndependentSource>();
  // An outlet that confirms by several sentences, one citing a source and another citing no one, carries
  // that source: it is not also a source of its own.
  const cited = new Set(confirmations.filter((c) => c.origin).map((c) => c.articleId));
  // Originals first, so a group is named after the source as an original outlet wrote it.
  const ordered = confirmations
    .filter((c) => c.origin || !cited.has(c.articleId))
    .sort((a, b) => Number(!!a.copyOf) - Number(!!b.copyOf));
  for (const c of ordered) {
    const chain = chainOf(c);
    // Our own article again: its original, or a copy of it or of its original.
    if (chain.some((x) => ours.has(x.articleId) || (x.copyOf && ours.has(x.copyOf)))) continue;
    const root = chain[chain.length - 1];
    const origin = root.origin ?? c.origin;
    const key = origin ? `origin:${originKey(origin)}` : `outlet:${root.articleId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        name: origin ?? root.outlet,
        ...(origin && (root.role ?? c.role) ? { role: root.role ?? c.role } : {}),
        outlets: [],
        copies: [],
      };
      groups.set(key, group);
    }
    const list = root === c ? group.outlets : group.copies;
    if (!list.includes(c.outlet)) list.push(c.outlet);
  }
  return mergeRolesIntoNames(groups);
}

/**
 * An outlet that cites a source by its role only ("Ukraine's military intelligence chief", "the
 * Pentagon") cites the person another outlet names in that role ("Kyrylo Budanov, Ukraine's military
 * intelligence chief"): its group joins that person's. Only when the role names one person: two people
 * given the same role leave the role-only group apart.
 */
function mergeRolesIntoNames(groups: Map<string, IndependentSource>): IndependentSource[] {
  const byRole = new Map<string, string[]>();
  for (const [key, g] of groups)
    if (g.role && key.startsWith('origin:')) {
      const roleKey = `origin:${originKey(g.role)}`;
      if (roleKey !== key) byRole.set(roleKey, [...(byRole.get(roleKey) ?? []), key]);
    }
  for (const [roleKey, named] of byRole) {
    const roleOnly = groups.get(roleKey);
    if (!roleOnly || named.length !== 1) continue;
    const into = groups.get(named[0]) as IndependentSource;
    for (const o of roleOnly.outlets) if (!into.outlets.includes(o)) into.outlets.push(o);
    for (const o of roleOnly.copies) if (!into.copies.includes(o)) into.copies.push(o);
    groups.delete(roleKey);
  }
  return [...groups.values()];
}
