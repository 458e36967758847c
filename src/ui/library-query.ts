/**
 * The library's filtering, sorting and facet counts over annotation records. Plain functions so the
 * library worker (which holds every record, off the main thread) and the unit tests share them, and so
 * "export the current filter" and "tag all shown" act on exactly the records the page lists.
 */
import {
  type AnnotationKind,
  type AnnotationRecord,
  annotationMatchesText,
  isChanged,
  isOrphan,
  linkCounts,
  type Verdict,
} from '../model/annotation.ts';

export { isOrphan, linkCounts };

export type SortKey = 'date' | 'outlet' | 'status' | 'tag';
export const SORT_KEYS: readonly SortKey[] = ['date', 'outlet', 'status', 'tag'];

/** What the researcher narrowed the list to; every given condition must hold. */
export interface LibraryFilter {
  tag?: string;
  outlet?: string;
  verdict?: Verdict;
  kind?: AnnotationKind;
  /** Only annotations whose words changed on the page since they were tagged (silent edits). */
  changed?: boolean;
  /** Case-insensitive search over quote, note, tags, outlet and title. */
  text?: string;
}

export interface LibraryQuery {
  filter: LibraryFilter;
  sort: SortKey;
  /** `desc` puts the newest / the most disputed / Z first. */
  direction: 'asc' | 'desc';
  /** How many rows to return (the page renders a window and asks for more). */
  limit: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface LibraryResult {
  /** The first `limit` anchored annotations matching the filter, sorted. */
  rows: AnnotationRecord[];
  /** Anchored annotations matching the filter (rows may be fewer). */
  total: number;
  /** Annotations matching the filter that their page reported as unanchorable (`isOrphan`). */
  orphans: AnnotationRecord[];
  /** Annotations in the store, whatever the filter. */
  storeCount: number;
  /** Per tag: annotations matching every condition except the tag one (so other tags stay meaningful). */
  tags: FacetCount[];
  /** Per outlet: annotations matching every condition except the outlet one. */
  outlets: FacetCount[];
}

type Condition = keyof LibraryFilter;

function matches(record: AnnotationRecord, filter: LibraryFilter, skip?: Condition): boolean {
  if (skip !== 'tag' && filter.tag !== undefined && !record.tags.includes(filter.tag)) return false;
  if (skip !== 'outlet' && filter.outlet !== undefined && record.outlet !== filter.outlet) return false;
  if (filter.verdict !== undefined && record.verdict !== filter.verdict) return false;
  if (filter.kind !== undefined && record.kind !== filter.kind) return false;
  if (filter.changed && !isChanged(record)) return false;
  return annotationMatchesText(record, filter.text);
}

/** True when the record passes every condition of the filter. */
export function matchesFilter(record: AnnotationRecord, filter: LibraryFilter): boolean {
  return matches(record, filter);
}

/** Drops empty conditions so "" in a text box or select means "any". */
export function cleanFilter(filter: LibraryFilter): LibraryFilter {
  const out: LibraryFilter = {};
  if (filter.tag) out.tag = filter.tag;
  if (filter.outlet) out.outlet = filter.outlet;
  if (filter.verdict) out.verdict = filter.verdict;
  if (filter.kind) out.kind = filter.kind;
  if (filter.changed) out.changed = true;
  if (filter.text?.trim()) out.text = filter.text.trim();
  return out;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

function byDate(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Disputes weigh most (what a researcher most needs to see), then confirmations, then unclear. */
function statusWeight(record: AnnotationRecord): number {
  const c = linkCounts(record);
  return c.disputes * 1_000_000 + c.confirms * 1_000 + c.unclear;
}

function firstTag(record: AnnotationRecord): string | null {
  if (!record.tags.length) return null;
  return [...record.tags].sort(compareText)[0];
}

/**
 * A comparator for ascending order; `desc` reverses it. Ties always fall back to date (newest first in
 * `desc`), so the order is stable and predictable.
 */
function comparator(sort: SortKey): (a: AnnotationRecord, b: AnnotationRecord) => number {
  switch (sort) {
    case 'date':
      return byDate;
    case 'outlet':
      return (a, b) => compareText(a.outlet, b.outlet) || byDate(a, b);
    case 'status': {
      const weights = new Map<AnnotationRecord, number>();
      const w = (r: AnnotationRecord) => {
        const known = weights.get(r);
        if (known !== undefined) return known;
        const v = statusWeight(r);
        weights.set(r, v);
        return v;
      };
      return (a, b) => w(a) - w(b) || byDate(a, b);
    }
    case 'tag':
      return (a, b) => {
        const ta = firstTag(a);
        const tb = firstTag(b);
        if (ta === null || tb === null) return ta === tb ? byDate(a, b) : ta === null ? 1 : -1;
        return compareText(ta, tb) || byDate(a, b);
      };
  }
}

/** Records matching a filter, in the order the library shows them. */
export function sortRecords(
  records: AnnotationRecord[],
  sort: SortKey,
  direction: 'asc' | 'desc',
): AnnotationRecord[] {
  const compare = comparator(sort);
  const untaggedLast = sort === 'tag';
  return records.sort((a, b) => {
    // Untagged rows stay at the end in both directions: they are not "before A" or "after Z".
    if (untaggedLast && !a.tags.length !== !b.tags.length) return a.tags.length ? -1 : 1;
    const c = compare(a, b);
    return direction === 'asc' ? c : -c;
  });
}

function countFacet(
  records: readonly AnnotationRecord[],
  filter: LibraryFilter,
  skip: 'tag' | 'outlet',
): FacetCount[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    if (!matches(r, filter, skip)) continue;
    const values = skip === 'tag' ? new Set(r.tags) : [r.outlet];
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareText(a.value, b.value));
}

/** One library view: the visible rows, the orphans, and facet counts, from every stored record. */
export function runLibraryQuery(records: readonly AnnotationRecord[], query: LibraryQuery): LibraryResult {
  const filter = cleanFilter(query.filter);
  const anchored: AnnotationRecord[] = [];
  const orphans: AnnotationRecord[] = [];
  for (const r of records) {
    if (!matches(r, filter)) continue;
    (isOrphan(r) ? orphans : anchored).push(r);
  }
  sortRecords(anchored, query.sort, query.direction);
  sortRecords(orphans, 'date', 'desc');
  return {
    rows: anchored.slice(0, Math.max(0, query.limit)),
    total: anchored.length,
    orphans,
    storeCount: records.length,
    tags: countFacet(records, filter, 'tag'),
    outlets: countFacet(records, filter, 'outlet'),
  };
}

/**
 * The link that opens an annotation's page scrolled to it: the content script looks for
 * `#claimlens=<id>`. Null for anything but http(s), so a `javascript:` URL from an imported file can
 * never become a clickable link.
 */
export function sourceLink(record: AnnotationRecord): string | null {
  if (!/^https?:\/\//i.test(record.url)) return null;
  let url: URL;
  try {
    url = new URL(record.url);
  } catch {
    return null;
  }
  url.hash = `claimlens=${encodeURIComponent(record.id)}`;
  return url.href;
}
