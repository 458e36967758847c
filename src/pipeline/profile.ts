/**
 * An article as a whole: its vector (which story it tells) and its article-level stance (whether it is
 * framed as a debunk of that story), built from its headline and analysed sentences. Computed when an
 * article is read, and for articles stored before profiles existed when a new article meets them.
 */
import type { SentenceAnalysis } from '../model/sentence.ts';
import type { ArticleProfile } from '../model/story.ts';
import { debunkReading } from '../stance/debunk.ts';
import { articleVector } from '../story/vector.ts';

export function buildProfile(
  article: { id: string; outlet: string; title: string; publishedAt?: string },
  sentences: readonly SentenceAnalysis[],
  storyId: string,
  now: number,
): ArticleProfile {
  const headline = article.title.trim();
  // The headline is often also the first block (a .txt article's first line): the body is what is not in it.
  const body = sentences.map((s) => s.text).filter((t) => !headline.includes(t.trim()));
  const vector = articleVector({
    headline,
    text: body.join('\n'),
    quantities: sentences.flatMap((s) => s.numbers),
    // A lone capitalised word of no kind that opens its sentence is as often any word ("Smoke", "Officials").
    names: sentences.flatMap((s) =>
      (s.entities ?? [])
        .filter(
          (e) => e.type !== 'other' || /\s/.test(e.text.trim()) || !s.text.trimStart().startsWith(e.text),
        )
        .map((e) => e.text),
    ),
  });
  const { probability, side } = debunkReading(headline, body);
  return {
    articleId: article.id,
    storyId,
    outlet: article.outlet,
    vector,
    debunk: Math.round(probability * 1000) / 1000,
    side,
    joinedAt: now,
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
  };
}
