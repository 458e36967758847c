/**
 * The background's side of researchers' annotations: drafts from pages become complete records
 * (with the claim's score, attribution and cross-outlet links taken from the store), tags are counted
 * for autocomplete, and bulk tagging writes in one transaction.
 */

import { describe } from '../anchor/text-anchor.ts';
import {
  type AnnotationLink,
  type AnnotationRecord,
  annotationMatchesText,
  claimAnnotationId,
  newAnnotationId,
} from '../annotations/index.ts';
import type { AnnotationDraft, AnnotationQuery } from '../protocol/messages.ts';
import {
  annotationsOfUrl,
  getAnnotation,
  putAnnotation,
  putAnnotations,
  removeAnnotations,
  selectAnnotations,
  tagCounts,
} from '../store/annotations.ts';
import { getArticle, getArticles } from '../store/articles.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { articleIdFor, canonicalUrl } from '../store/ids.ts';
import { linksOfSentence } from '../store/links.ts';
import { getSentence, getSentences } from '../store/sentences.ts';
import { getSettings } from '../store/settings.ts';
import { isoDate } from '../util/iso-date.ts';

/** An ISO time strictly after `previous`, so an edit always wins over the copy it replaces on import. */
function nextModified(now: number, previous?: string): string {
  const t = previous ? Math.max(now, Date.parse(previous) + 1) : now;
  return new Date(t).toISOString();
}

/** The claim info and cross-outlet links of a stored sentence, as an annotation carries them. */
async function claimContext(
  db: ClaimLensDB,
  sentenceId: string,
): Promise<Pick<AnnotationRecord, 'claim' | 'links'>> {
  const sentence = await getSentence(db, sentenceId);
  if (!sentence) return {};
  const links = await linksOfSentence(db, sentenceId);
  const others = await getSentences(
    db,
    links.map((l) => l.otherSentenceId),
  );
  const articles = await getArticles(
    db,
    links.map((l) => l.otherArticleId),
  );
  const out: AnnotationLink[] = [];
  links.forEach((l, i) => {
    const other = others[i];
    const article = articles[i];
    if (!other || !article) return;
    out.push({
      stance: l.stance,
      otherQuote: other.text,
      otherUrl: article.url,
      otherOutlet: article.outlet,
      otherTitle: article.title,
      otherSentenceId: other.id,
      score: l.score,
      ...(l.numberConflict ? { numberConflict: l.numberConflict } : {}),
    });
  });
  return {
    claim: {
      score: sentence.score,
      ...(sentence.attribution ? { attribution: sentence.attribution } : {}),
      numbers: sentence.numbers.map(({ raw, value, unit, qualifier }) => ({
        raw,
        value,
        qualifier,
        ...(unit !== undefined ? { unit } : {}),
      })),
    },
    links: out,
  };
}

/** Creates or updates an annotation from a draft; annotations on automatic claims get stable ids. */
export async function saveAnnotation(
  db: ClaimLensDB,
  draft: AnnotationDraft,
  now = Date.now(),
): Promise<AnnotationRecord> {
  if (draft.kind !== 'highlight' && !draft.sentenceId && !draft.id)
    throw new Error(`a "${draft.kind}" annotation needs the claim it is about`);
  return transact(db, 'rw', ['annotations', 'articles', 'sentences', 'links', 'settings'], async () => {
    const url = canonicalUrl(draft.url);
    const id =
      draft.id ??
      (draft.kind === 'highlight' || !draft.sentenceId
        ? newAnnotationId()
        : claimAnnotationId(draft.sentenceId, draft.kind));
    const existing = await getAnnotation(db, id);
    if (existing && canonicalUrl(existing.url) !== url) throw new Error('annotation belongs to another page');
    const articleId = articleIdFor(url);
    const article = await getArticle(db, articleId);
    // From the store when the claim is there; an imported annotation whose claim was never read here
    // keeps the claim info and links it came with.
    const fresh = draft.sentenceId ? await claimContext(db, draft.sentenceId) : {};
    const context = {
      ...((fresh.claim ?? existing?.claim) ? { claim: fresh.claim ?? existing?.claim } : {}),
      ...((fresh.links ?? existing?.links) ? { links: fresh.links ?? existing?.links } : {}),
    };
    // An annotation keeps the words as they were tagged (and what anchoring found out since: a text
    // change, an orphan mark); a later edit changes only what the researcher says about them.
    const selectors = existing?.selectors ?? draft.selectors;
    const creator = existing ? existing.creator : (await getSettings(db)).researcherName.trim() || undefined;
    const author = draft.author?.trim() || existing?.author;
    const published = isoDate(article?.publishedAt) ?? isoDate(draft.published) ?? existing?.published;
    const record: AnnotationRecord = {
      id,
      url: existing?.url ?? url,
      ...(article ? { articleId } : {}),
      ...(draft.sentenceId ? { sentenceId: draft.sentenceId } : {}),
      kind: draft.kind,
      selectors,
      quote: selectors.quote.exact,
      tags: [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))],
      ...(draft.note?.trim() ? { note: draft.note } : {}),
      ...(draft.verdict ? { verdict: draft.verdict } : {}),
      outlet: article?.outlet ?? existing?.outlet ?? (draft.outlet?.trim() || new URL(url).hostname),
      title: article?.title ?? existing?.title ?? draft.title ?? '',
      created: existing?.created ?? new Date(now).toISOString(),
      modified: nextModified(now, existing?.modified),
      ...context,
      ...(creator ? { creator } : {}),
      ...(author ? { author } : {}),
      ...(published ? { published } : {}),
      ...(existing?.orphanedAt ? { orphanedAt: existing.orphanedAt } : {}),
      ...(existing?.textChange ? { textChange: existing.textChange } : {}),
    };
    await putAnnotation(db, record);
    return record;
  });
}

/**
 * The author another annotation of the same page recorded: the popup tags claims without reading the
 * page, and the page's metadata does not change from one annotation to the next.
 */
async function pageAuthor(db: ClaimLensDB, url: string): Promise<string | undefined> {
  const siblings = await annotationsOfUrl(db, url);
  return siblings.find((r) => r.author)?.author;
}

/** Deletes annotations and returns them, so the caller can offer undo. */
export function deleteAnnotations(db: ClaimLensDB, ids: readonly string[]): Promise<AnnotationRecord[]> {
  return removeAnnotations(db, ids);
}

/** Puts deleted annotations back exactly as they were (undo). */
export async function restoreAnnotations(
  db: ClaimLensDB,
  records: readonly AnnotationRecord[],
): Promise<number> {
  await putAnnotations(db, records);
  return records.length;
}

/** Every tag in use and how many annotations carry it, most used first. */
export async function listTags(db: ClaimLensDB): Promise<{ tag: string; count: number }[]> {
  const counts = await tagCounts(db);
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Adds tags to many automatic claims of one page in one transaction (creating their claim-tag annotations). */
export async function tagClaims(
  db: ClaimLensDB,
  url: string,
  claims: readonly { sentenceId: string; selectors?: AnnotationDraft['selectors'] }[],
  tags: readonly string[],
  now = Date.now(),
): Promise<AnnotationRecord[]> {
  return transact(db, 'rw', ['annotations', 'articles', 'sentences', 'links', 'settings'], async () => {
    const out: AnnotationRecord[] = [];
    const author = await pageAuthor(db, canonicalUrl(url));
    for (const c of claims) {
      const existing = await getAnnotation(db, claimAnnotationId(c.sentenceId, 'claim-tag'));
      const selectors = existing?.selectors ?? c.selectors ?? (await sentenceSelectors(db, c.sentenceId));
      if (!selectors) throw new Error(`claim ${c.sentenceId} is not in the store`);
      out.push(
        await saveAnnotation(
          db,
          {
            url,
            kind: 'claim-tag',
            sentenceId: c.sentenceId,
            selectors,
            tags: [...(existing?.tags ?? []), ...tags],
            note: existing?.note,
            verdict: existing?.verdict,
            ...(author ? { author } : {}),
          },
          now,
        ),
      );
    }
    return out;
  });
}

/**
 * Selectors for a stored sentence, described in the article text. The quote and its context match the
 * page's words, so the page re-anchors them by quote even though the positions count the stored text.
 */
async function sentenceSelectors(
  db: ClaimLensDB,
  sentenceId: string,
): Promise<AnnotationDraft['selectors'] | null> {
  const sentence = await getSentence(db, sentenceId);
  const article = sentence && (await getArticle(db, sentence.articleId));
  return sentence && article ? describe(article.text, sentence.start, sentence.end) : null;
}

/** Annotations matching a library or popup query (text search: `annotationMatchesText`). */
export async function queryAnnotations(db: ClaimLensDB, query: AnnotationQuery): Promise<AnnotationRecord[]> {
  const needle = query.text?.trim().toLowerCase();
  return selectAnnotations(db, {
    ...(query.url !== undefined ? { url: canonicalUrl(query.url) } : {}),
    ...(query.tag !== undefined ? { tag: query.tag } : {}),
    ...(query.outlet !== undefined ? { outlet: query.outlet } : {}),
    ...(query.kind !== undefined ? { kind: query.kind } : {}),
    ...(query.verdict !== undefined ? { verdict: query.verdict } : {}),
    ...(query.ids !== undefined ? { ids: query.ids } : {}),
    ...(needle ? { test: (r: AnnotationRecord) => annotationMatchesText(r, needle) } : {}),
  });
}
