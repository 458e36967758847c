/**
 * Which story an article belongs to. An article joins the story of the most similar article already
 * read (whole-article cosine at least SAME_STORY), else it begins a story of its own; verdicts are only
 * computed between articles of one story, so a link between stories stays rare.
 */
import type { ArticleVector } from '../model/story.ts';
import { cosine, round } from './vector.ts';

/** Whole-article cosine from which two articles tell the same story. */
export const SAME_STORY = 0.22;
/**
 * The same for two full articles: their vectors hold many more terms than a headline's, so sharing a
 * story shows at a lower cosine (and two unrelated articles rarely reach it).
 */
export const SAME_STORY_ARTICLES = 0.12;
/**
 * A vector with at least this many terms is a full article's: a report of two or three sentences
 * already has that many content words, a headline or a post has a handful.
 */
const ARTICLE_TERMS = 20;

/** Whether a vector is a full article's (not a headline's or a post's). */
function isArticle(v: ArticleVector): boolean {
  return v.terms.length >= ARTICLE_TERMS;
}

function bothArticles(a: ArticleVector, b: ArticleVector): boolean {
  return isArticle(a) && isArticle(b);
}

/**
 * A short text (a headline, a one-paragraph report) and a full article share few terms even when they
 * tell one story: the short one also joins the article's story from this cosine, when that story is
 * clearly the closest, at least CLEAR_LEAD times any other story's cosine. Unrelated stories of one
 * topic sit close to each other, so the lower bar holds only with the lead.
 */
export const SAME_STORY_SHORT_WITH_LEAD = 0.17;
/** How many times another story's cosine the closest story's must be for the short text's lower bar. */
export const CLEAR_LEAD = 2;

/** Whether exactly one of the two vectors is a full article's. */
function mixed(a: ArticleVector, b: ArticleVector): boolean {
  return isArticle(a) !== isArticle(b);
}

/**
 * Whole-article cosine from which two articles of one story share it themselves, not only through the
 * members that joined them: a story grows one join at a time, so its two ends can have nothing in
 * common ("Pentagon: weapons bundle seized by militants" and "Video shows militants beheading
 * journalist" in a story merged through other headlines). Only articles that share it are read against
 * each other as a whole (a debunk of one disputing the other; a headline at the story's low bars), so
 * the joining bars can stay low enough for a story of two or three outlets to form.
 */
export const SHARED_STORY = 0.1;

/** Whether two articles of one story share it themselves (`SHARED_STORY`). */
export function shareTheirStory(a: ArticleVector, b: ArticleVector): boolean {
  return cosine(a, b) >= SHARED_STORY;
}

/**
 * Whole-article cosine under which two full articles that share no name tell two events of one kind, not
 * one story: two wildfires' reports share "acres", "contained", "evacuation orders" and "helicopters".
 */
export const NAMELESS_STORY = 0.3;

/**
 * The cosine by which two articles may share a story: their whole-article cosine, or none when both are
 * full articles whose names are known and say they tell two events (`NAMELESS_STORY`): they share no
 * name, or one name only, neither's main one (`ArticleVector.main`). Two reports of one story share the
 * names of its people and places; two events of one kind ("Lakeport City Council" and "Norbridge City
 * Council" passing budgets, two recalls) share the topic's words and at most a body any such event
 * involves: the regulator, the watchdog, the union.
 */
function storyCosine(a: ArticleVector, b: ArticleVector): number {
  const sim = cosine(a, b);
  if (sim >= NAMELESS_STORY || !bothArticles(a, b) || !a.names?.length || !b.names?.length) return sim;
  const shared = sharedNames(a.names, b.names);
  if (shared >= 2) return sim;
  if (shared === 1 && (!a.main || !b.main || namedIn(a.main, b.names) || namedIn(b.main, a.names)))
    return sim;
  return 0;
}

/**
 * Whether a main name is one of the names: one's words lie within the other's from the same first word on
 * ("Pine Hollow" of "Pine Hollow Fire", "Kessler" of "Kessler Components"), or the main name's two words or
 * more within a longer name ("James Foley" of "James Wright Foley"); "Council" of "Lakeport City
 * Council" is any council.
 */
function namedIn(main: readonly string[], names: readonly string[]): boolean {
  const words = (n: string) => n.split(/\s+/);
  const within = (x: string[], y: string[]) => x.every((w) => y.includes(w));
  return main.some((m) => {
    const mw = words(m);
    return names.some((n) => {
      const nw = words(n);
      return nw[0] === mw[0] ? within(mw, nw) || within(nw, mw) : within(mw, nw) && mw.length > 1;
    });
  });
}

/**
 * How many names of `a` meet a name of `b`: the words of one are all words of the other ("Pine Hollow" of
 * "Pine Hollow Fire", "James Foley" of "James Wright Foley"; not "Ridgeback Fire" of "Caldwell Ridge
 * Fire"), or one is the other's initials ("NYC", "New York City").
 */
function sharedNames(a: readonly string[], b: readonly string[]): number {
  const split = (names: readonly string[]) => names.map((n) => new Set(n.split(/\s+/)));
  const within = (x: Set<string>, y: Set<string>) => [...x].every((w) => y.has(w));
  const initialsOf = (n: string) =>
    n
      .split(/\s+/)
      .map((w) => w[0])
      .join('');
  const ib = new Set(b.filter((n) => /\s/.test(n)).map(initialsOf));
  const wb = split(b);
  return split(a).filter(
    (x, k) =>
      wb.some((y) => within(x, y) || within(y, x)) ||
      ib.has(a[k]) ||
      (/\s/.test(a[k]) && b.includes(initialsOf(a[k]))),
  ).length;
}

/** The cosine from which two articles tell the same story. */
function sameStoryFrom(a: ArticleVector, b: ArticleVector): number {
  return bothArticles(a, b) ? SAME_STORY_ARTICLES : SAME_STORY;
}
/**
 * Whole-article cosine from which an article that joins one story also brings another story's article
 * into it: the two stories were one all along (articles read in another order would have said so).
 * Headlines say little, and two that share a name and a verb are as often two stories, so it takes
 * more than joining does.
 */
export const MERGE_STORY = 0.35;
/**
 * The same between two full articles: the bar for joining a story, so that which articles end up in
 * one story does not depend on the order they were read in (an article that bridges two stories
 * joins them). Its own constant, as the two bars need not move together.
 */
export const MERGE_STORY_ARTICLES = 0.12;

function mergeFrom(a: ArticleVector, b: ArticleVector): number {
  if (bothArticles(a, b)) return MERGE_STORY_ARTICLES;
  return mixed(a, b) ? SAME_STORY : MERGE_STORY;
}
/** Articles of its story a new article is compared with at most (the most similar ones). */
export const MAX_MEMBERS = 24;

export interface StoryCandidate {
  articleId: string;
  storyId: string;
  vector: ArticleVector;
  /** Its highest cosine to any other article read so far (`ArticleProfile.nearest`), when known. */
  nearest?: number;
}

/**
 * The story an article joins, the article it was most similar to (when it joins one), and other
 * stories it shows to be the same story (to be merged into it).
 */
export function chooseStory(
  vector: ArticleVector,
  candidates: readonly StoryCandidate[],
  ownId: string,
): { storyId: string; via?: string; similarity: number; merge: string[] } {
  let best: StoryCandidate | undefined;
  let bestSim = 0;
  // The candidate that clears its bar by the most: a headline needs a higher cosine than an article.
  let bestMargin = Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    if (c.articleId === ownId) continue;
    const sim = storyCosine(vector, c.vector);
    const margin = sim - sameStoryFrom(vector, c.vector);
    if (margin > bestMargin || (margin === bestMargin && best && c.articleId < best.articleId)) {
      best = c;
      bestSim = sim;
      bestMargin = margin;
    }
  }
  if (
    !best ||
    (bestMargin < 0 &&
      !(mixed(vector, best.vector) && leads(vector, bestSim, [best.storyId], [ownId], candidates)))
  ) {
    const mutual = mutualNearest(vector, candidates, ownId);
    if (mutual) return { storyId: mutual.storyId, via: mutual.articleId, similarity: mutual.sim, merge: [] };
    return { storyId: ownId, similarity: bestSim, merge: [] };
  }
  const storyId = best.storyId;
  const merge = new Set<string>();
  for (const c of candidates) {
    if (c.storyId === storyId || c.articleId === ownId) continue;
    const sim = storyCosine(vector, c.vector);
    if (
      sim >= mergeFrom(vector, c.vector) ||
      // A short text read earlier that would have joined this story by its lead, had it come later.
      (isArticle(vector) &&
        !isArticle(c.vector) &&
        leads(c.vector, sim, [storyId, c.storyId], [ownId, c.articleId], candidates))
    )
      merge.add(c.storyId);
  }
  return { storyId, via: best.articleId, similarity: bestSim, merge: [...merge].sort() };
}

/**
 * Whether a short text's cosine `sim` to a full article of the stories `joined` clears
 * SAME_STORY_SHORT_WITH_LEAD with no other story within CLEAR_LEAD of it: seen from the short text, among
 * the candidates, leaving out the articles `skip`.
 */
function leads(
  short: ArticleVector,
  sim: number,
  joined: readonly string[],
  skip: readonly string[],
  candidates: readonly StoryCandidate[],
): boolean {
  if (sim < SAME_STORY_SHORT_WITH_LEAD) return false;
  for (const c of candidates)
    if (
      !joined.includes(c.storyId) &&
      !skip.includes(c.articleId) &&
      CLEAR_LEAD * cosine(short, c.vector) > sim
    )
      return false;
  return true;
}

/** The members of its story an article is compared with: the most similar ones, at most MAX_MEMBERS. */
export function membersToCompare<T extends StoryCandidate>(
  vector: ArticleVector,
  members: readonly T[],
  ownId: string,
): T[] {
  return members
    .filter((m) => m.articleId !== ownId)
    .map((m) => ({ m, sim: cosine(vector, m.vector) }))
    .sort((a, b) => b.sim - a.sim || (a.m.articleId < b.m.articleId ? -1 : 1))
    .slice(0, MAX_MEMBERS)
    .map(({ m }) => m);
}

/**
 * Two headlines of one story often share a name and little else ("KFC Locations In Colorado To Begin
 * Selling Marijuana", "YUM Serving Up Marijuana Fried Chicken"), below the bar for joining a story; but
 * when a headline's nearest article is another headline, and nothing read so far is nearer to that one
 * (its `nearest`), the two are each other's nearest neighbour, which two headlines of different stories
 * rarely are. From SHARED_STORY, the cosine at which two articles share a story themselves, such a
 * headline joins its neighbour's story. A neighbour whose nearest is unknown (stored before it was kept)
 * is not asked.
 */
function mutualNearest(
  vector: ArticleVector,
  candidates: readonly StoryCandidate[],
  ownId: string,
): (StoryCandidate & { sim: number }) | undefined {
  if (isArticle(vector)) return undefined;
  let near: StoryCandidate | undefined;
  let sim = 0;
  for (const c of candidates) {
    if (c.articleId === ownId) continue;
    const x = cosine(vector, c.vector);
    if (x > sim || (x === sim && near && c.articleId < near.articleId)) {
      sim = x;
      near = c;
    }
  }
  if (!near || isArticle(near.vector) || sim < SHARED_STORY) return undefined;
  if (near.nearest === undefined || near.nearest > sim) return undefined;
  return { ...near, sim };
}

/**
 * Keeps each article's highest cosine to another (`nearest`, which `mutualNearest` asks): sets the new
 * article's from the candidates, and returns the short candidates (headlines, posts) to which it is
 * closer than any article before it (updated, to be written). A full article's nearest is never asked,
 * so it is not rewritten: every rewrite is a profile put. A candidate stored before `nearest` was kept
 * stays without it: the articles read before the new one were never compared with it, so its nearest
 * stays unknown rather than understated.
 */
export function raiseNearest<T extends StoryCandidate>(
  article: { articleId: string; vector: ArticleVector; nearest?: number },
  candidates: readonly T[],
): T[] {
  let nearest = 0;
  const raised: T[] = [];
  for (const c of candidates) {
    if (c.articleId === article.articleId) continue;
    const sim = cosine(article.vector, c.vector);
    nearest = Math.max(nearest, sim);
    // Only a short text's nearest is ever asked (`mutualNearest`); a full article's stays as stored.
    if (c.nearest !== undefined && sim > c.nearest && !isArticle(c.vector)) {
      c.nearest = round(sim);
      raised.push(c);
    }
  }
  article.nearest = round(nearest);
  return raised;
}
