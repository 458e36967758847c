/**
 * What followed feeds and fact-checkers add to an article's view for the reader: which evidence came
 * from a feed, how many outlets covered the story (and how many of them only through feeds), and the
 * fact-checkers' ratings of matching claims. Computed from the store when the view is asked for, like
 * the status itself.
 */
import { factChecksForClaims } from '../factcheck/match.ts';
import type { ArticleView, ClaimStatus } from '../protocol/views.ts';
import { getArticles } from '../store/articles.ts';
import type { ClaimLensDB } from '../store/db.ts';
import type { SentenceRecord } from '../store/schema.ts';
import { getSentences } from '../store/sentences.ts';

/**
 * The view with feed marks, coverage and fact-checks. Coverage counts the other outlets of the article's
 * story (the pipeline's story grouping), or, for a view without one, the outlets linked to its claims.
 */
export async function withFeedsAndFactChecks(db: ClaimLensDB, view: ArticleView): Promise<ArticleView> {
  const evidenceIds = new Set<string>();
  for (const c of view.claims)
    for (const list of Object.values(c.status)) for (const e of list) evidenceIds.add(e.articleId);
  const articles = await getArticles(db, [...evidenceIds]);
  const fromFeed = new Set(articles.filter((a) => a?.via === 'feed').map((a) => a!.id));
  // An outlet counts as "from feeds" when none of its articles here is one the reader opened.
  const outlets = new Map<string, boolean>();
  if (view.story)
    for (const a of view.story.others)
      if (a.outlet !== view.outlet) outlets.set(a.outlet, (outlets.get(a.outlet) ?? true) && !!a.fromFeed);
  for (const c of view.claims)
    for (const list of Object.values(c.status))
      for (const e of list)
        outlets.set(e.outlet, (outlets.get(e.outlet) ?? true) && fromFeed.has(e.articleId));
  const sentences = (
    await getSentences(
      db,
      view.claims.map((c) => c.id),
    )
  ).filter((s): s is SentenceRecord => !!s);
  const checks = await factChecksForClaims(db, sentences);
  return {
    ...view,
    coverage: { outlets: outlets.size, fromFeeds: [...outlets.values()].filter(Boolean).length },
    claims: view.claims.map((c) => {
      const factChecks = checks.get(c.id);
      const status = fromFeed.size
        ? (Object.fromEntries(
            Object.entries(c.status).map(([stance, list]) => [
              stance,
              list.map((e) => (fromFeed.has(e.articleId) ? { ...e, fromFeed: true } : e)),
            ]),
          ) as ClaimStatus)
        : c.status;
      return { ...c, status, ...(factChecks ? { factChecks } : {}) };
    }),
  };
}
