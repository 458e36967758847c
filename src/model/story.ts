/**
 * An article's place in the coverage of one story: the shapes the story grouping (src/story), the
 * store and the views share.
 */

/** A sparse, L2-normalised TF-IDF vector of a whole article: terms sorted, weights in the same order. */
export interface ArticleVector {
  terms: string[];
  weights: number[];
  /**
   * The names the article gives (people, places, bodies), lowercased and sorted: two reports of one kind
   * of event ("Ridgeback Fire" near Pinecrest, "Caldwell Ridge Fire" near Pine Hollow) share their topic's
   * words, not their names. Absent on vectors stored before names were kept.
   */
  names?: string[];
  /**
   * The names it tells in the most sentences, as `names` are kept: whom and where its story is about. Two
   * events of one kind ("Lakeport City Council" and "Norbridge City Council" passing budgets) may share a
   * name any such event involves (the regulator, the watchdog, the union), not their main names. Absent
   * on vectors stored before they were kept, and when no name comes up twice.
   */
  main?: string[];
}

/**
 * Where an article stands on its story as a whole: it reports it, debunks it ("the story is a hoax"), or
 * the article-level model cannot tell.
 */
export type ArticleSide = 'report' | 'debunk' | 'unsure';

/** What the pipeline knows of an article as a whole. */
export interface ArticleProfile {
  articleId: string;
  /** The story the article belongs to: the id of the article that began it. */
  storyId: string;
  outlet: string;
  vector: ArticleVector;
  /** Probability that the article is framed as a debunk of its story, and the side that makes it take. */
  debunk: number;
  side: ArticleSide;
  /** When the article joined its story (ms since epoch): when it was first read. */
  joinedAt: number;
  /** Publication date as the page states it, when it does (ISO 8601). */
  publishedAt?: string;
  /** The article this one republishes or rewrites, when it does (src/story/copies.ts). */
  copyOf?: string;
  /**
   * The highest whole-article cosine between this article and any other read so far (src/story/group.ts
   * `mutualNearest`): a headline read later that is closer to it than that is its nearest neighbour
   * both ways. Kept up to date for short texts (headlines, posts), the only ones asked; a full article's
   * is its highest cosine when it was read. Absent on profiles stored before it was kept.
   */
  nearest?: number;
}
