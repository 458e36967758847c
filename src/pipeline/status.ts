/**
 * Cross-outlet status of an article's claims, computed from what is in the store at the time of
 * asking: a claim read yesterday shows today's confirming outlet without being recomputed.
 */

import { claimMask, isCoveredStatement, STATEMENT_FLOOR } from '../model/sentence.ts';
import {
  type ArticleView,
  type ClaimView,
  type Evidence,
  emptyStatus,
  type StatementView,
  type StoryArticleView,
  type StoryView,
  type UserMark,
} from '../protocol/views.ts';
import { annotationsOfArticle } from '../store/annotations.ts';
import { getArticle, getArticles } from '../store/articles.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { linksOfArticle } from '../store/links.ts';
import { getProfile, getProfiles, storyMembers } from '../store/profiles.ts';
import type { ArticleRecord, LinkRecord, SentenceRecord } from '../store/schema.ts';
import { getSentences, sentencesOfArticle } from '../store/sentences.ts';
import { independentSources, originOf } from '../story/independence.ts';

/**
 * The article's claims at `threshold` (`claimMask`) in page order, each with its status and
 * the researcher's own tags and verdict; claims the researcher marked "not a claim" are left out, and
 * claims they tagged or pinned are kept whatever the threshold. The statements the threshold leaves
 * unhighlighted but other outlets speak to come apart, as `covered` (`isCoveredStatement`): the
 * content script paints `claims` only.
 */
export async function articleView(
  db: ClaimLensDB,
  articleId: string,
  threshold: number,
): Promise<ArticleView | null> {
  return transact(db, 'r', ['articles', 'sentences', 'links', 'annotations', 'profiles'], async () => {
    const article = await getArticle(db, articleId);
    if (!article) return null;
    const notes = await annotationsOfArticle(db, articleId);
    const dismissed = new Set(notes.filter((a) => a.kind === 'not-a-claim').map((a) => a.sentenceId));
    const mine = new Map<string, UserMark>();
    for (const a of notes) {
      if (!a.sentenceId || (a.kind !== 'claim-tag' && a.kind !== 'pin')) continue;
      const mark = mine.get(a.sentenceId) ?? { tags: [], pinned: false };
      if (a.kind === 'pin') mark.pinned = true;
      else {
        mark.annotationId = a.id;
        mark.tags = a.tags;
        if (a.note) mark.note = a.note;
        if (a.verdict) mark.verdict = a.verdict;
      }
      mine.set(a.sentenceId, mark);
    }
    const all = (await sentencesOfArticle(db, articleId)).sort((a, b) => a.index - b.index);
    // Ranked among all of the article's sentences, as the CLI and the export rank them.
    const mask = claimMask(all, threshold);
    const links = await linksOfArticle(db, articleId);
    const spokenTo = new Set(links.map((l) => l.sentenceId));
    const sentences = all.filter((s, i) => !dismissed.has(s.id) && (mask[i] || mine.has(s.id)));
    const unlit = all.filter((s, i) => !mask[i] && !mine.has(s.id) && !dismissed.has(s.id));
    const covered = unlit.filter((s) => spokenTo.has(s.id) && isCoveredStatement(s, threshold));
    const coveredIds = new Set(covered.map((s) => s.id));
    const remaining: StatementView[] = unlit
      .filter((s) => !coveredIds.has(s.id) && s.score > STATEMENT_FLOOR)
      .map((s) => ({ id: s.id, index: s.index, text: s.text, score: s.score }));
    const views = await claimViews(db, [...sentences, ...covered], links);
    const claims = views
      .filter((c) => !coveredIds.has(c.id))
      .map((c) => {
        const mark = mine.get(c.id);
        return mark ? { ...c, mine: mark } : c;
      });
    const story = await storyView(db, articleId);
    return {
      articleId,
      url: article.url,
      outlet: article.outlet,
      title: article.title,
      claims,
      ...(covered.length ? { covered: views.filter((c) => coveredIds.has(c.id)) } : {}),
      remaining,
      ...(story ? { story } : {}),
    };
  });
}

/**
 * Status views for the given sentences of one article, from its links (`linksOfArticle`); must run
 * inside a read transaction over articles, sentences and profiles.
 */
async function claimViews(
  db: ClaimLensDB,
  sentences: SentenceRecord[],
  articleLinks: readonly LinkRecord[],
): Promise<ClaimView[]> {
  const wanted = new Set(sentences.map((s) => s.id));
  const links = articleLinks.filter((l) => wanted.has(l.sentenceId));
  const others = await getSentences(db, [...new Set(links.map((l) => l.otherSentenceId))]);
  const otherById = new Map(others.filter((s): s is SentenceRecord => !!s).map((s) => [s.id, s]));
  const otherArticles = [...new Set(links.map((l) => l.otherArticleId))];
  const articles = await getArticles(db, otherArticles);
  const articleById = new Map(articles.filter((a): a is ArticleRecord => !!a).map((a) => [a.id, a]));
  // Our own articles' profiles too: a copy of ours, or the original we copy, is no independent source.
  const ownArticles = [...new Set(sentences.map((s) => s.articleId))];
  const profiles = await getProfiles(db, [...new Set([...otherArticles, ...ownArticles])]);
  const copyOf = new Map(profiles.flatMap((p) => (p?.copyOf ? [[p.articleId, p.copyOf] as const] : [])));
  const sideOf = new Map(profiles.flatMap((p) => (p ? [[p.articleId, p.side] as const] : [])));
  const linksBySentence = new Map<string, LinkRecord[]>();
  for (const l of links) {
    const list = linksBySentence.get(l.sentenceId) ?? [];
    list.push(l);
    linksBySentence.set(l.sentenceId, list);
  }
  return sentences.map((s) => {
    const status = emptyStatus();
    const best = new Map<string, Evidence>();
    for (const l of linksBySentence.get(s.id) ?? []) {
      const other = otherById.get(l.otherSentenceId);
      const article = articleById.get(l.otherArticleId);
      if (!other || !article) continue;
      const key = `${l.stance}\u0000${article.outlet}`;
      const current = best.get(key);
      if (current && current.score >= l.score) continue;
      best.set(key, {
        outlet: article.outlet,
        articleId: article.id,
        url: article.url,
        title: article.title,
        sentenceId: other.id,
        quote: other.text,
        score: l.score,
        ...(l.numberConflict ? { numberConflict: l.numberConflict } : {}),
        ...(l.basis ? { basis: l.basis } : {}),
        ...(l.basis === 'debunk' && sideOf.has(article.id) ? { side: sideOf.get(article.id) } : {}),
        ...(other.attribution?.source ? { origin: other.attribution.source } : {}),
        ...(copyOf.has(article.id) ? { copyOf: copyOf.get(article.id) } : {}),
      });
    }
    for (const [key, evidence] of best)
      status[key.slice(0, key.indexOf('\u0000')) as keyof typeof status].push(evidence);
    for (const list of Object.values(status)) list.sort((a, b) => b.score - a.score);
    return {
      id: s.id,
      index: s.index,
      text: s.text,
      start: s.start,
      end: s.end,
      score: s.score,
      attribution: s.attribution,
      numbers: s.numbers,
      hedges: s.hedges,
      status,
      sources: independentSources(
        status.confirms.map((e) => {
          const other = otherById.get(e.sentenceId);
          return {
            outlet: e.outlet,
            articleId: e.articleId,
            ...(e.copyOf ? { copyOf: e.copyOf } : {}),
            ...originOf(other?.attribution),
          };
        }),
        { articleId: s.articleId, copyOf: copyOf.get(s.articleId) },
      ),
    };
  });
}

/** The article's story: where it stands, and the other articles of the story, earliest first. */
export async function storyView(db: ClaimLensDB, articleId: string): Promise<StoryView | undefined> {
  const profile = await getProfile(db, articleId);
  if (!profile) return undefined;
  const members = (await storyMembers(db, profile.storyId)).filter((m) => m.articleId !== articleId);
  const records = await getArticles(
    db,
    members.map((m) => m.articleId),
  );
  const others: StoryArticleView[] = [];
  members.forEach((m, i) => {
    const a = records[i];
    if (!a) return;
    others.push({
      articleId: a.id,
      outlet: a.outlet,
      title: a.title,
      url: a.url,
      ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
      firstReadAt: a.firstReadAt,
      side: m.side,
      ...(m.copyOf ? { copyOf: m.copyOf } : {}),
      ...(a.via === 'feed' ? { fromFeed: true } : {}),
    });
  });
  const when = (a: StoryArticleView) =>
    (a.publishedAt ? Date.parse(a.publishedAt) : Number.NaN) || a.firstReadAt;
  others.sort((a, b) => when(a) - when(b) || a.outlet.localeCompare(b.outlet));
  return {
    storyId: profile.storyId,
    side: profile.side,
    ...(profile.copyOf ? { copyOf: profile.copyOf } : {}),
    others,
  };
}
