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

/** The import's merge rule: an unknown id is added; a strictly newer `modified` replaces; older or equal is kept. */
export function importReplaces(local: AnnotationRecord | undefined, incoming: AnnotationRecord): boolean {
  return !local || Date.parse(incoming.modified) > Date.parse(local.modified);
}
