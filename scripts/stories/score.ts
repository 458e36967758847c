/**
 * What the reader would see on a multi-outlet story, scored at the level of article pairs: do two
 * outlets on the same side get linked as confirming, do a report and its debunk get linked as a
 * dispute, and do links stay inside their story.
 */
import type { CliArticle } from '../../src/cli/analyze.ts';
import type { Side, Story } from './datasets.ts';

export interface PairCounts {
  /** Pairs of articles of one story on the same side (both report, or both debunk). */
  agreeing: number;
  agreeingConfirmed: number;
  agreeingDisputed: number;
  /** The same, for two reports only. */
  reportPairs: number;
  reportPairsConfirmed: number;
  reportPairsDisputed: number;
  /** A report and a debunk of one story. */
  opposed: number;
  opposedDisputed: number;
  opposedConfirmed: number;
  /** Article pairs with any link, and those of them in one story. */
  linkedPairs: number;
  linkedPairsInStory: number;
  /** Article pairs with a dispute, and those of them that are report-vs-debunk of one story. */
  disputedPairs: number;
  disputedPairsOpposed: number;
  /** Articles whose `storyId` is shared with an article of another story, and pairs of one story given one storyId. */
  storyPairs: number;
  storyPairsSameId: number;
  crossPairsSameId: number;
  /** Why disputes were given: per basis, the article pairs (same side / opposed) holding one. */
  disputeBases: Record<string, { agreeing: number; opposed: number }>;
  /** The same pair counts per story: a few large stories can carry most of a pair-level share. */
  byStory: Record<string, StoryCounts>;
}

/** One story's pair counts. */
export interface StoryCounts {
  headline: string;
  agreeing: number;
  agreeingConfirmed: number;
  agreeingDisputed: number;
  opposed: number;
  opposedDisputed: number;
}

export function emptyCounts(): PairCounts {
  return {
    agreeing: 0,
    agreeingConfirmed: 0,
    agreeingDisputed: 0,
    reportPairs: 0,
    reportPairsConfirmed: 0,
    reportPairsDisputed: 0,
    opposed: 0,
    opposedDisputed: 0,
    opposedConfirmed: 0,
    linkedPairs: 0,
    linkedPairsInStory: 0,
    disputedPairs: 0,
    disputedPairsOpposed: 0,
    storyPairs: 0,
    storyPairsSameId: 0,
    crossPairsSameId: 0,
    disputeBases: {},
    byStory: {},
  };
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Adds one corpus's results to `counts`. `articleOf` maps the pipeline's article id to the story
 * article it was made from.
 */
export function scoreCorpus(
  counts: PairCounts,
  stories: readonly Story[],
  analysed: readonly CliArticle[],
  sourceOf: (article: CliArticle) => string,
): void {
  const where = new Map<string, { story: string; side: Side }>();
  for (const s of stories) for (const a of s.articles) where.set(a.id, { story: s.id, side: a.side });
  const idOf = new Map(analysed.map((a) => [a.id, sourceOf(a)]));
  const storyIdOf = new Map(analysed.map((a) => [sourceOf(a), (a as { storyId?: string }).storyId]));
  const stances = new Map<string, Set<string>>();
  for (const a of analysed)
    for (const c of a.claims)
      for (const l of c.links) {
        const other = idOf.get(l.articleId);
        if (!other) continue;
        const k = key(sourceOf(a), other);
        const set = stances.get(k) ?? new Set<string>();
        set.add(l.stance);
        if (l.stance === 'disputes') set.add(`basis:${l.basis ?? 'none'}`);
        stances.set(k, set);
      }
  const countBases = (got: Set<string>, side: 'agreeing' | 'opposed') => {
    for (const b of got)
      if (b.startsWith('basis:')) {
        const basis = b.slice(6);
        const row = counts.disputeBases[basis] ?? { agreeing: 0, opposed: 0 };
        row[side]++;
        counts.disputeBases[basis] = row;
      }
  };
  for (const s of stories) {
    const own: StoryCounts = counts.byStory[s.id] ?? {
      headline: s.headline,
      agreeing: 0,
      agreeingConfirmed: 0,
      agreeingDisputed: 0,
      opposed: 0,
      opposedDisputed: 0,
    };
    counts.byStory[s.id] = own;
    for (let i = 0; i < s.articles.length; i++)
      for (let j = i + 1; j < s.articles.length; j++) {
        const a = s.articles[i];
        const b = s.articles[j];
        const got = stances.get(key(a.id, b.id)) ?? new Set<string>();
        const sa = storyIdOf.get(a.id);
        counts.storyPairs++;
        if (sa && sa === storyIdOf.get(b.id)) counts.storyPairsSameId++;
        if (a.side === b.side) {
          counts.agreeing++;
          own.agreeing++;
          if (got.has('confirms')) {
            counts.agreeingConfirmed++;
            own.agreeingConfirmed++;
          }
          if (got.has('disputes')) {
            counts.agreeingDisputed++;
            own.agreeingDisputed++;
          }
          countBases(got, 'agreeing');
          if (a.side === 'report') {
            counts.reportPairs++;
            if (got.has('confirms')) counts.reportPairsConfirmed++;
            if (got.has('disputes')) counts.reportPairsDisputed++;
          }
        } else {
          counts.opposed++;
          own.opposed++;
          if (got.has('disputes')) {
            counts.opposedDisputed++;
            own.opposedDisputed++;
          }
          countBases(got, 'opposed');
          if (got.has('confirms')) counts.opposedConfirmed++;
        }
      }
  }
  for (const [k, got] of stances) {
    const [a, b] = k.split('|');
    const wa = where.get(a);
    const wb = where.get(b);
    const sameStory = !!wa && !!wb && wa.story === wb.story;
    counts.linkedPairs++;
    if (sameStory) counts.linkedPairsInStory++;
    if (got.has('disputes')) {
      counts.disputedPairs++;
      if (sameStory && wa.side !== wb.side) counts.disputedPairsOpposed++;
    }
  }
  // Articles of different stories given one storyId (a story merged with another).
  const ids = [...storyIdOf.entries()].filter(([, s]) => s);
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      if (ids[i][1] === ids[j][1] && where.get(ids[i][0])?.story !== where.get(ids[j][0])?.story)
        counts.crossPairsSameId++;
}

const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

/** The report's figures: the five shares, with the counts they come from. */
export function summarise(c: PairCounts) {
  return {
    confirms: share(c.agreeingConfirmed, c.agreeing),
    disputes: share(c.opposedDisputed, c.opposed),
    agreeingWithDispute: share(c.agreeingDisputed, c.agreeing),
    linkedInOneStory: share(c.linkedPairsInStory, c.linkedPairs),
    disputesReportVsDebunk: share(c.disputedPairsOpposed, c.disputedPairs),
    reportPairsConfirmed: share(c.reportPairsConfirmed, c.reportPairs),
    reportPairsDisputed: share(c.reportPairsDisputed, c.reportPairs),
    opposedConfirmed: share(c.opposedConfirmed, c.opposed),
    storyPairsGivenOneStoryId: share(c.storyPairsSameId, c.storyPairs),
    perStory: perStory(c.byStory),
    counts: { ...c, byStory: undefined },
  };
}

/**
 * The shares averaged over stories rather than pooled over pairs (a story of twenty outlets has 190
 * pairs, one of three has 3), and the stories that miss the most pairs: what to read first, and how
 * much of a pooled share one story decides.
 */
function perStory(byStory: Record<string, StoryCounts>) {
  const stories = Object.entries(byStory);
  const mean = (part: (s: StoryCounts) => number, whole: (s: StoryCounts) => number) => {
    const shares = stories.filter(([, s]) => whole(s) > 0).map(([, s]) => part(s) / whole(s));
    return shares.length
      ? Math.round((shares.reduce((a, b) => a + b, 0) / shares.length) * 1000) / 1000
      : null;
  };
  const most = (missed: (s: StoryCounts) => number, whole: (s: StoryCounts) => number) =>
    stories
      .map(([id, s]) => ({ id, headline: s.headline, missed: missed(s), of: whole(s) }))
      .filter((s) => s.missed > 0)
      .sort((a, b) => b.missed - a.missed || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
  return {
    confirms: mean(
      (s) => s.agreeingConfirmed,
      (s) => s.agreeing,
    ),
    disputes: mean(
      (s) => s.opposedDisputed,
      (s) => s.opposed,
    ),
    agreeingWithDispute: mean(
      (s) => s.agreeingDisputed,
      (s) => s.agreeing,
    ),
    mostUnconfirmed: most(
      (s) => s.agreeing - s.agreeingConfirmed,
      (s) => s.agreeing,
    ),
    mostUndisputed: most(
      (s) => s.opposed - s.opposedDisputed,
      (s) => s.opposed,
    ),
    mostAgreeingDisputed: most(
      (s) => s.agreeingDisputed,
      (s) => s.agreeing,
    ),
  };
}
