/**
 * An article as a whole: its vector (which story it tells) and its article-level stance (whether it is
 * framed as a debunk of that story), built from its headline and analysed sentences. Computed when an
 * article is read, and for articles stored before profiles existed when a new article meets them.
 */
import type { SentenceAnalysis } from '../model/sentence.ts';
import type { ArticleProfile } from '../model/story.ts';
import { debunkReading } from '../stance/debunk.ts';
import { articleVector } from '../story/vector.ts';

/**
 * How many sentences tell each name the article gives, within a longer name too ("Kessler" in "Kessler
 * Components will close"): the story grouping reads the names told most as whom and where the story is.
 */
function namesTold(sentences: readonly SentenceAnalysis[], names: readonly string[]): Map<string, number> {
  const told = new Map<string, number>();
  const texts = sentences.map((s) => s.text.toLowerCase());
  for (const n of new Set(names.map((x) => x.trim().toLowerCase())))
    told.set(n, texts.filter((t) => t.includes(n)).length);
  return told;
}

/**
 * The names a sentence gives. A lone capitalised word of no kind that opens its sentence is as often any
 * word ("Smoke", "Officials").
 */
function namesOf(s: SentenceAnalysis): string[] {
  return (s.entities ?? [])
    .filter((e) => e.type !== 'other' || /\s/.test(e.text.trim()) || !s.text.trimStart().startsWith(e.text))
    .map((e) => e.text);
}

export function buildProfile(
  article: { id: string; outlet: string; title: string; publishedAt?: string },
  sentences: readonly SentenceAnalysis[],
  storyId: string,
  now: number,
): ArticleProfile {
  const headline = article.title.trim();
  // The headline is often also the first block (a .txt article's first line): the body is what is not in it.
  const body = sentences.map((s) => s.text).filter((t) => !headline.includes(t.trim()));
  const names = sentences.flatMap(namesOf);
  const vector = articleVector({
    headline,
    text: body.join('\n'),
    quantities: sentences.flatMap((s) => s.numbers),
    names,
    told: namesTold(sentences, names),
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
