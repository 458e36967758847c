/**
 * Export: the user's annotations (all, one page, or the library's current filter) and, for the
 * CLI, the automatically detected claims of the whole corpus, both as the same W3C document.
 */
import { describe } from '../anchor/text-anchor.ts';
import { type AnnotationLink, type AnnotationRecord, claimAnnotationId } from '../model/annotation.ts';
import { selectClaims } from '../model/sentence.ts';
import { type AnnotationFilter, selectAnnotations } from '../store/annotations.ts';
import { allArticles } from '../store/articles.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { allLinks } from '../store/links.ts';
import type { ArticleRecord, SentenceRecord } from '../store/schema.ts';
import { allSentences } from '../store/sentences.ts';
import { isoDate } from '../util/iso-date.ts';
import { type AnnotationDocument, buildAnnotationDocument } from './w3c.ts';

/** Export document for the popup ("this page": `{ url }`) or the library (everything / current filter). */
export async function exportAnnotations(
  db: ClaimLensDB,
  filter?: AnnotationFilter,
  options: { generated?: Date } = {},
): Promise<AnnotationDocument> {
  return buildAnnotationDocument(await selectAnnotations(db, filter), options);
}

/** The file's text. Indented: researchers open these files in editors; JSON tools do not mind. */
export function serializeAnnotationDocument(doc: AnnotationDocument, indent = 2): string {
  return `${JSON.stringify(doc, null, indent)}\n`;
}

/** `claimlens-annotations-YYYY-MM-DD.json` (or `.csv`), dated by the user's local day. */
export function exportFileName(date: Date = new Date(), extension: 'json' | 'csv' = 'json'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `claimlens-annotations-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}

/** Where a sentence sits in its article text; falls back to a search if the stored offsets are stale. */
function sentenceSpan(article: ArticleRecord, s: SentenceRecord): { start: number; end: number } | null {
  if (s.end <= article.text.length && article.text.slice(s.start, s.end) === s.text)
    return { start: s.start, end: s.end };
  const at = article.text.indexOf(s.text);
  return at >= 0 && s.text ? { start: at, end: at + s.text.length } : null;
}

/**
 * The automatic claims of the stored corpus (each article's claims at `threshold`, `selectClaims`, with the
 * statements other outlets speak to) with their cross-outlet links, as annotations of kind `auto-claim` — what `claimlens analyze --export` writes.
 */
export async function exportCorpus(
  db: ClaimLensDB,
  threshold: number,
  options: { generated?: Date } = {},
): Promise<AnnotationDocument> {
  const [articles, sentences, links] = await transact(db, 'r', ['articles', 'sentences', 'links'], () =>
    Promise.all([allArticles(db), allSentences(db), allLinks(db)]),
  );
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const sentenceById = new Map(sentences.map((s) => [s.id, s]));
  const linksBySentence = new Map<string, typeof links>();
  for (const l of links) {
    const list = linksBySentence.get(l.sentenceId) ?? [];
    list.push(l);
    linksBySentence.set(l.sentenceId, list);
  }
  const records: AnnotationRecord[] = [];
  const claims = selectClaims(sentences, threshold, (s) => linksBySentence.has(s.id));
  for (const s of sentences) {
    if (!claims.has(s)) continue;
    const article = articleById.get(s.articleId);
    if (!article) continue;
    const span = sentenceSpan(article, s);
    if (!span) continue;
    const selectors = describe(article.text, span.start, span.end);
    const published = isoDate(article.publishedAt);
    const record: AnnotationRecord = {
      id: claimAnnotationId(s.id, 'auto-claim'),
      url: article.url,
      articleId: article.id,
      sentenceId: s.id,
      kind: 'auto-claim',
      selectors,
      quote: selectors.quote.exact,
      tags: [],
      outlet: article.outlet,
      title: article.title,
      created: new Date(article.firstReadAt).toISOString(),
      modified: new Date(article.readAt).toISOString(),
      ...(published ? { published } : {}),
      claim: {
        score: s.score,
        ...(s.attribution ? { attribution: withoutUndefined(s.attribution) } : {}),
        numbers: s.numbers.map((n) => ({
          raw: n.raw,
          value: n.value,
          ...(n.unit !== undefined ? { unit: n.unit } : {}),
          qualifier: n.qualifier,
        })),
      },
    };
    const out: AnnotationLink[] = [];
    for (const l of (linksBySentence.get(s.id) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const other = sentenceById.get(l.otherSentenceId);
      const otherArticle = articleById.get(l.otherArticleId);
      if (!other || !otherArticle) continue;
      out.push({
        stance: l.stance,
        otherQuote: other.text,
        otherUrl: otherArticle.url,
        otherOutlet: otherArticle.outlet,
        otherTitle: otherArticle.title,
        otherSentenceId: other.id,
        score: Math.min(1, Math.max(0, l.score)),
        ...(l.numberConflict ? { numberConflict: { ...l.numberConflict } } : {}),
      });
    }
    if (out.length) record.links = out;
    records.push(record);
  }
  records.sort((a, b) =>
    a.url < b.url ? -1 : a.url > b.url ? 1 : a.selectors.position.start - b.selectors.position.start,
  );
  return buildAnnotationDocument(records, { ...options, label: 'ClaimLens corpus claims' });
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
