/**
 * A researcher's annotation as stored in Dexie (table `annotations`, schema version 2). One shape
 * for user highlights, tags on automatic claims, "not a claim" marks, pins, and automatic claims
 * exported from the corpus, so the library, the export and the import all speak the same record.
 */
import type { AnchorSelectors } from '../anchor/types.ts';
import type { Attribution, NumberQualifier } from './sentence.ts';
import type { Stance } from './stance.ts';

/** The researcher's own judgement, shown beside the automatic status and never replacing it. */
export type Verdict = 'confirmed' | 'disputed' | 'false' | 'misleading' | 'unverified';
export const VERDICTS: readonly Verdict[] = ['confirmed', 'disputed', 'false', 'misleading', 'unverified'];

/**
 * What the annotation is for:
 * - `highlight`: the user selected text themselves (may carry tags, note, verdict);
 * - `claim-tag`: the user tagged/judged an automatic claim (`sentenceId` set);
 * - `not-a-claim`: the user dismissed an automatic claim — hide it from now on;
 * - `pin`: the user pinned an automatic claim or a selection to keep it at hand;
 * - `auto-claim`: an automatic claim written by the corpus export (`claimlens analyze --export`).
 */
export type AnnotationKind = 'highlight' | 'claim-tag' | 'not-a-claim' | 'pin' | 'auto-claim';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = [
  'highlight',
  'claim-tag',
  'not-a-claim',
  'pin',
  'auto-claim',
];

/** A number in the claim, without offsets (those are relative to a sentence the importer may not have). */
export interface AnnotationNumber {
  raw: string;
  value: number;
  unit?: string;
  qualifier: NumberQualifier;
}

/** What the claim detector said about the annotated words, when they are (or contain) an automatic claim. */
export interface ClaimInfo {
  /** Check-worthiness in 0..1. */
  score: number;
  attribution?: Attribution;
  numbers?: AnnotationNumber[];
}

/** Another outlet's sentence that stands toward this claim. */
export interface AnnotationLink {
  stance: Stance;
  /** The other sentence's words. */
  otherQuote: string;
  otherUrl: string;
  otherOutlet: string;
  otherTitle?: string;
  otherSentenceId?: string;
  /** Stance confidence in 0..1. */
  score?: number;
  numberConflict?: { ours: string; theirs: string };
}

export interface AnnotationRecord {
  /**
   * A stable IRI: `urn:uuid:…` for the user's own annotations, `urn:claimlens:…` for ones derived
   * from sentences. It is also the exported annotation's `id`, so re-importing never duplicates.
   */
  id: string;
  /** Canonical URL of the page (see `canonicalUrl`). */
  url: string;
  articleId?: string;
  /** Set when the annotation is about an automatic claim. */
  sentenceId?: string;
  kind: AnnotationKind;
  selectors: AnchorSelectors;
  /** The annotated words (same as `selectors.quote.exact`), kept at top level for lists and search. */
  quote: string;
  tags: string[];
  note?: string;
  verdict?: Verdict;
  outlet: string;
  title: string;
  /** ISO 8601 times; `modified` decides which copy wins on import. */
  created: string;
  modified: string;
  claim?: ClaimInfo;
  links?: AnnotationLink[];
  /** Who annotated: the researcher name set in the options when the annotation was made. */
  creator?: string;
  /** The article's author(s) as the page's metadata names them. */
  author?: string;
  /** The article's publication date as the page states it (ISO 8601). */
  published?: string;
  /**
   * Set while the annotation did not anchor the last time its page was open: when that was first seen
   * (ISO 8601). It travels with the record (export, import) so an imported orphan stays an orphan.
   */
  orphanedAt?: string;
  /** Set while the tagged words read differently on the page than when they were tagged (a silent edit). */
  textChange?: TextChange;
}

/**
 * A silent edit: the page now says something else where the researcher tagged. `selectors` (of the
 * record) keep the words as tagged; these are the words found there now.
 */
export interface TextChange {
  selectors: AnchorSelectors;
  /** When ClaimLens first saw these words (ISO 8601). */
  detectedAt: string;
}

/** Whether the annotation's words could not be found on its page the last time it was open. */
export function isOrphan(record: AnnotationRecord): boolean {
  return record.orphanedAt !== undefined;
}

/** Whether the page's words changed since they were tagged (and the annotation still anchors). */
export function isChanged(record: AnnotationRecord): boolean {
  return record.textChange !== undefined && record.orphanedAt === undefined;
}

/** The words the page shows now: the changed words if they changed, else the quote as tagged. */
export function currentQuote(record: AnnotationRecord): string {
  return record.textChange?.selectors.quote.exact ?? record.quote;
}

/** Same words for a reader: differences of white space alone (a re-flowed paragraph) are no edit. */
export function sameWords(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/**
 * The automatic status of an annotation from its cross-outlet links: how many distinct other outlets
 * confirm, dispute or cannot confirm it (the counting the popup and the tooltip use for live claims).
 */
export function linkCounts(record: AnnotationRecord): Record<Stance, number> {
  const seen = { confirms: new Set<string>(), disputes: new Set<string>(), unclear: new Set<string>() };
  for (const link of record.links ?? []) seen[link.stance]?.add(link.otherOutlet || link.otherUrl);
  return { confirms: seen.confirms.size, disputes: seen.disputes.size, unclear: seen.unclear.size };
}

/** A new random annotation id (an IRI, as the W3C model wants). */
export function newAnnotationId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/** The id of the user's annotation on an automatic claim: one per sentence and kind, so re-tagging updates it. */
export function claimAnnotationId(sentenceId: string, kind: Exclude<AnnotationKind, 'highlight'>): string {
  return `urn:claimlens:${kind}:${sentenceId}`;
}

/**
 * The text search of the library, the popup and the background's queries: case-insensitive, over the
 * quote, note, tags, outlet and title. `needle` is the search as typed; an empty one matches everything.
 */
export function annotationMatchesText(record: AnnotationRecord, needle: string | undefined): boolean {
  const n = needle?.trim().toLowerCase();
  if (!n) return true;
  return (
    record.quote.toLowerCase().includes(n) ||
    (record.note ?? '').toLowerCase().includes(n) ||
    record.outlet.toLowerCase().includes(n) ||
    record.title.toLowerCase().includes(n) ||
    record.tags.some((t) => t.toLowerCase().includes(n))
  );
}

/** What an import did (or would do): annotations in the file, and how many are new, updated, unchanged. */
export interface ImportCounts {
  total: number;
  new: number;
  updated: number;
  unchanged: number;
}

/** The import's merge rule: an unknown id is added; a strictly newer `modified` replaces; older or equal is kept. */
export function importReplaces(local: AnnotationRecord | undefined, incoming: AnnotationRecord): boolean {
  return !local || Date.parse(incoming.modified) > Date.parse(local.modified);
}
