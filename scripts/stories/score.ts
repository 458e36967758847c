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
  for (const s of stories)
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
          if (got.has('confirms')) counts.agreeingConfirmed++;
          if (got.has('disputes')) counts.agreeingDisputed++;
          countBases(got, 'agreeing');
          if (a.side === 'report') {
            counts.reportPairs++;
            if (got.has('confirms')) counts.reportPairsConfirmed++;
            if (got.has('disputes')) counts.reportPairsDisputed++;
          }
        } else {
          counts.opposed++;
          if (got.has('disputes')) counts.opposedDisputed++;
          countBases(got, 'opposed');
          if (got.has('confirms')) counts.opposedConfirmed++;
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
    counts: c,
  };
}
