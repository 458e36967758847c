/**
 * The exchange format: a W3C Web Annotation Data Model document (JSON-LD). An AnnotationCollection
 * embeds one AnnotationPage with every annotation; ClaimLens' own terms (kind, outlet, claim
 * score, cross-outlet links, UTF-16 offsets) live under the `cl:` prefix, defined inline so no
 * network is ever needed to read a file. `recordToW3C` and `w3cToRecord` are exact inverses for
 * every valid record, which is what makes export -> import lossless.
 */

import type { AnchorSelectors } from '../anchor/types.ts';
import type {
  AnnotationKind,
  AnnotationLink,
  AnnotationRecord,
  ClaimInfo,
  Verdict,
} from '../model/annotation.ts';
import type { NumberQualifier } from '../model/sentence.ts';
import type { Stance } from '../model/stance.ts';

export const FORMAT_VERSION = 1;
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CLAIMLENS_NS = 'https://claimlens.app/ns#';

/** The inline JSON-LD context for `cl:` terms: typed literals, ids and ordered lists. */
export const CLAIMLENS_CONTEXT = {
  cl: CLAIMLENS_NS,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'cl:formatVersion': { '@type': 'xsd:integer' },
  'cl:utf16Start': { '@type': 'xsd:nonNegativeInteger' },
  'cl:utf16End': { '@type': 'xsd:nonNegativeInteger' },
  'cl:score': { '@type': 'xsd:decimal' },
  'cl:value': { '@type': 'xsd:decimal' },
  'cl:otherUrl': { '@type': '@id' },
  'cl:numbers': { '@container': '@list' },
  'cl:links': { '@container': '@list' },
  'cl:published': { '@type': 'xsd:dateTime' },
  'cl:orphanedAt': { '@type': 'xsd:dateTime' },
  'cl:detectedAt': { '@type': 'xsd:dateTime' },
  'cl:selector': { '@container': '@list' },
} as const;

export interface W3CTextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting' | 'assessing';
  value: string;
  format?: 'text/plain';
}

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Positions in Unicode code points (W3C); `cl:utf16*` repeat them in UTF-16 units for the extension. */
export interface W3CTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
  'cl:utf16Start'?: number;
  'cl:utf16End'?: number;
}

export interface W3CClaim {
  'cl:score': number;
  'cl:attribution'?: { 'cl:source': string; 'cl:role'?: string; 'cl:verb': string };
  'cl:numbers'?: {
    'cl:raw': string;
    'cl:value': number;
    'cl:unit'?: string;
    'cl:qualifier': NumberQualifier;
  }[];
}

export interface W3CLink {
  'cl:stance': Stance;
  'cl:otherQuote': string;
  'cl:otherUrl': string;
  'cl:otherOutlet': string;
  'cl:otherTitle'?: string;
  'cl:otherSentenceId'?: string;
  'cl:score'?: number;
  'cl:numberConflict'?: { 'cl:ours': string; 'cl:theirs': string };
}

/**
 * A silent edit: the selectors of the words the page shows now where the researcher tagged (the
 * target's selectors keep the words as tagged), and when ClaimLens first saw them.
 */
export interface W3CTextChange {
  'cl:detectedAt': string;
  'cl:selector': [W3CTextQuoteSelector, W3CTextPositionSelector];
}

export type W3CMotivation = 'highlighting' | 'tagging' | 'moderating' | 'bookmarking' | 'classifying';

export interface W3CAnnotation {
  id: string;
  type: 'Annotation';
  motivation?: W3CMotivation | 'assessing' | 'commenting';
  created: string;
  modified: string;
  /** Who annotated (the researcher name set in the options). */
  creator?: { type: 'Person'; name: string };
  'cl:kind': AnnotationKind;
  'cl:articleId'?: string;
  'cl:sentenceId'?: string;
  body?: W3CTextualBody[];
  target: {
    source: string;
    'cl:outlet': string;
    'cl:title': string;
    /** The article's author(s) and publication date, from the page's metadata. */
    'cl:author'?: string;
    'cl:published'?: string;
    selector: [W3CTextQuoteSelector, W3CTextPositionSelector];
  };
  'cl:claim'?: W3CClaim;
  'cl:links'?: W3CLink[];
  /** Set while the annotation did not anchor when its page was last open: since when. */
  'cl:orphanedAt'?: string;
  'cl:textChange'?: W3CTextChange;
}

export interface AnnotationDocument {
  '@context': [typeof ANNO_CONTEXT, Record<string, unknown>];
  id?: string;
  type: 'AnnotationCollection';
  label?: string;
  'cl:formatVersion': typeof FORMAT_VERSION;
  generator?: { type: 'Software'; name: string; 'cl:version'?: string };
  generated?: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex?: 0; items: W3CAnnotation[] };
}

const MOTIVATION_BY_KIND: Record<AnnotationKind, W3CMotivation> = {
  highlight: 'highlighting',
  'claim-tag': 'tagging',
  'not-a-claim': 'moderating',
  pin: 'bookmarking',
  'auto-claim': 'classifying',
};

/** One stored annotation as a W3C annotation (positions converted to code points). */
export function recordToW3C(r: AnnotationRecord): W3CAnnotation {
  const body: W3CTextualBody[] = r.tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
  if (r.note !== undefined)
    body.push({ type: 'TextualBody', purpose: 'commenting', value: r.note, format: 'text/plain' });
  if (r.verdict !== undefined) body.push({ type: 'TextualBody', purpose: 'assessing', value: r.verdict });
  return {
    id: r.id,
    type: 'Annotation',
    motivation: MOTIVATION_BY_KIND[r.kind],
    created: r.created,
    modified: r.modified,
    ...(r.creator !== undefined ? { creator: { type: 'Person' as const, name: r.creator } } : {}),
    'cl:kind': r.kind,
    ...(r.articleId !== undefined ? { 'cl:articleId': r.articleId } : {}),
    ...(r.sentenceId !== undefined ? { 'cl:sentenceId': r.sentenceId } : {}),
    ...(body.length ? { body } : {}),
    target: {
      source: r.url,
      'cl:outlet': r.outlet,
      'cl:title': r.title,
      ...(r.author !== undefined ? { 'cl:author': r.author } : {}),
      ...(r.published !== undefined ? { 'cl:published': r.published } : {}),
      selector: selectorsToW3C(r.selectors),
    },
    ...(r.claim ? { 'cl:claim': claimToW3C(r.claim) } : {}),
    ...(r.links ? { 'cl:links': r.links.map(linkToW3C) } : {}),
    ...(r.orphanedAt !== undefined ? { 'cl:orphanedAt': r.orphanedAt } : {}),
    ...(r.textChange
      ? {
          'cl:textChange': {
            'cl:detectedAt': r.textChange.detectedAt,
            'cl:selector': selectorsToW3C(r.textChange.selectors),
          },
        }
      : {}),
  };
}

function selectorsToW3C({
  quote,
  position,
  codePoints,
}: AnchorSelectors): [W3CTextQuoteSelector, W3CTextPositionSelector] {
  return [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    {
      type: 'TextPositionSelector',
      start: codePoints.start,
      end: codePoints.end,
      'cl:utf16Start': position.start,
      'cl:utf16End': position.end,
    },
  ];
}

/**
 * Selectors from a W3C pair. Files without UTF-16 offsets (other tools) get the code-point offsets as
 * a position hint: anchoring verifies the position against the quote, so an approximate hint only
 * costs a quote search.
 */
function selectorsFromW3C([q, p]: [W3CTextQuoteSelector, W3CTextPositionSelector]): AnchorSelectors {
  return {
    quote: { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
    position: {
      type: 'TextPositionSelector',
      start: p['cl:utf16Start'] ?? p.start,
      end: p['cl:utf16End'] ?? p.end,
    },
    codePoints: { start: p.start, end: p.end },
  };
}

function claimToW3C(c: ClaimInfo): W3CClaim {
  const out: W3CClaim = { 'cl:score': c.score };
  if (c.attribution) {
    out['cl:attribution'] = { 'cl:source': c.attribution.source, 'cl:verb': c.attribution.verb };
    if (c.attribution.role !== undefined) out['cl:attribution']['cl:role'] = c.attribution.role;
  }
  if (c.numbers) {
    out['cl:numbers'] = c.numbers.map((n) => ({
      'cl:raw': n.raw,
      'cl:value': n.value,
      ...(n.unit !== undefined ? { 'cl:unit': n.unit } : {}),
      'cl:qualifier': n.qualifier,
    }));
  }
  return out;
}

function linkToW3C(l: AnnotationLink): W3CLink {
  const out: W3CLink = {
    'cl:stance': l.stance,
    'cl:otherQuote': l.otherQuote,
    'cl:otherUrl': l.otherUrl,
    'cl:otherOutlet': l.otherOutlet,
  };
  if (l.otherTitle !== undefined) out['cl:otherTitle'] = l.otherTitle;
  if (l.otherSentenceId !== undefined) out['cl:otherSentenceId'] = l.otherSentenceId;
  if (l.score !== undefined) out['cl:score'] = l.score;
  if (l.numberConflict)
    out['cl:numberConflict'] = { 'cl:ours': l.numberConflict.ours, 'cl:theirs': l.numberConflict.theirs };
  return out;
}

/** The stored record for a (schema-valid) W3C annotation. */
export function w3cToRecord(a: W3CAnnotation): AnnotationRecord {
  const selectors = selectorsFromW3C(a.target.selector);
  const tags: string[] = [];
  let note: string | undefined;
  let verdict: Verdict | undefined;
  for (const b of a.body ?? []) {
    if (b.purpose === 'tagging') tags.push(b.value);
    else if (b.purpose === 'commenting') note = b.value;
    else verdict = b.value as Verdict;
  }
  const r: AnnotationRecord = {
    id: a.id,
    url: a.target.source,
    kind: a['cl:kind'],
    selectors,
    quote: selectors.quote.exact,
    tags,
    outlet: a.target['cl:outlet'],
    title: a.target['cl:title'],
    created: a.created,
    modified: a.modified,
  };
  if (a['cl:articleId'] !== undefined) r.articleId = a['cl:articleId'];
  if (a['cl:sentenceId'] !== undefined) r.sentenceId = a['cl:sentenceId'];
  if (note !== undefined) r.note = note;
  if (verdict !== undefined) r.verdict = verdict;
  const claim = a['cl:claim'];
  if (claim) {
    r.claim = { score: claim['cl:score'] };
    const at = claim['cl:attribution'];
    if (at) {
      r.claim.attribution = { source: at['cl:source'], verb: at['cl:verb'] };
      if (at['cl:role'] !== undefined) r.claim.attribution.role = at['cl:role'];
    }
    if (claim['cl:numbers']) {
      r.claim.numbers = claim['cl:numbers'].map((n) => ({
        raw: n['cl:raw'],
        value: n['cl:value'],
        ...(n['cl:unit'] !== undefined ? { unit: n['cl:unit'] } : {}),
        qualifier: n['cl:qualifier'],
      }));
    }
  }
  if (a['cl:links']) {
    r.links = a['cl:links'].map((l) => {
      const link: AnnotationLink = {
        stance: l['cl:stance'],
        otherQuote: l['cl:otherQuote'],
        otherUrl: l['cl:otherUrl'],
        otherOutlet: l['cl:otherOutlet'],
      };
      if (l['cl:otherTitle'] !== undefined) link.otherTitle = l['cl:otherTitle'];
      if (l['cl:otherSentenceId'] !== undefined) link.otherSentenceId = l['cl:otherSentenceId'];
      if (l['cl:score'] !== undefined) link.score = l['cl:score'];
      const nc = l['cl:numberConflict'];
      if (nc) link.numberConflict = { ours: nc['cl:ours'], theirs: nc['cl:theirs'] };
      return link;
    });
  }
  if (a.creator) r.creator = a.creator.name;
  if (a.target['cl:author'] !== undefined) r.author = a.target['cl:author'];
  if (a.target['cl:published'] !== undefined) r.published = a.target['cl:published'];
  if (a['cl:orphanedAt'] !== undefined) r.orphanedAt = a['cl:orphanedAt'];
  const change = a['cl:textChange'];
  if (change)
    r.textChange = {
      selectors: selectorsFromW3C(change['cl:selector']),
      detectedAt: change['cl:detectedAt'],
    };
  return r;
}

/** Wraps annotations in a collection document; `generated` is the export time. */
export function buildAnnotationDocument(
  records: readonly AnnotationRecord[],
  options: { generated?: Date; label?: string } = {},
): AnnotationDocument {
  const items = records.map(recordToW3C);
  return {
    '@context': [ANNO_CONTEXT, { ...CLAIMLENS_CONTEXT }],
    type: 'AnnotationCollection',
    label: options.label ?? 'ClaimLens annotations',
    'cl:formatVersion': FORMAT_VERSION,
    generator: { type: 'Software', name: 'ClaimLens' },
    generated: (options.generated ?? new Date()).toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
