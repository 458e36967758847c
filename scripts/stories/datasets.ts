/**
 * Multi-outlet stories built from the shared datasets, for `npm run eval:stories` and for training the
 * article-level stance model: every article its own outlet, each on a side of the story ("report"
 * asserts what the story says, "debunk" contradicts it).
 *
 * - FNC-1 train: per claim (headlines linked by the bodies related to them), the headline with most
 *   agree/disagree bodies and those bodies. A body agrees with a report headline and disagrees with a
 *   debunking one, so sides are relative to the headline.
 * - Emergent: per claim, the headlines "for" (report) and "against" (debunk); "observing" ones are left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBodies, parseStances } from '../../src/stance/fnc.ts';
import { parseCsvRecords } from '../../src/util/csv.ts';

export type Side = 'report' | 'debunk';

export interface StoryArticle {
  /** Unique within the dataset; the same text under the same id wherever it recurs. */
  id: string;
  text: string;
  side: Side;
}

export interface Story {
  id: string;
  /** What the story says (the FNC-1 headline or the Emergent claim). */
  headline: string;
  articles: StoryArticle[];
}

/** Which FNC-1 bodies: the dev split's training ids, its hold-out ids, or all. */
export type FncSplit = 'train' | 'holdout' | 'all';

/**
 * FNC-1 stories: one per headline with at least two agree/disagree bodies of the split. A headline's
 * agree bodies are its reports; its disagree bodies debunk it.
 */
export function fncStories(dataDir: string, split: FncSplit): Story[] {
  const dir = join(dataDir, 'fnc-1');
  const bodies = parseBodies(readFileSync(join(dir, 'train_bodies.csv'), 'utf8'));
  const hold = new Set(readFileSync(join(dir, 'dev_split/hold_out_ids.txt'), 'utf8').split(/\s+/));
  const keep = (id: string) => split === 'all' || hold.has(id) === (split === 'holdout');
  const pairs = parseStances(readFileSync(join(dir, 'train_stances.csv'), 'utf8'));
  // Headlines of one claim share bodies: a claim is a connected component of headlines and the bodies
  // related to them. Each claim yields one story (its headline with the most agree/disagree bodies).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    parent.set(find(a), find(b));
  };
  const byHeadline = new Map<string, Map<string, Side>>();
  for (const p of pairs) {
    if (p.stance === 'unrelated' || !p.stance) continue;
    union(`h:${p.headline}`, `b:${p.bodyId}`);
    if ((p.stance !== 'agree' && p.stance !== 'disagree') || !keep(p.bodyId)) continue;
    const sides = byHeadline.get(p.headline) ?? new Map<string, Side>();
    sides.set(p.bodyId, p.stance === 'agree' ? 'report' : 'debunk');
    byHeadline.set(p.headline, sides);
  }
  const best = new Map<string, [string, Map<string, Side>]>();
  for (const [headline, sides] of [...byHeadline].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (sides.size < 2) continue;
    const claim = find(`h:${headline}`);
    const current = best.get(claim);
    if (!current || sides.size > current[1].size) best.set(claim, [headline, sides]);
  }
  return [...best.values()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([headline, sides], i) => ({
      id: `fnc:${i}`,
      headline,
      articles: [...sides]
        .sort((a, b) => Number(a[0]) - Number(b[0]))
        .map(([id, side]) => ({ id: `body-${id}`, text: bodies.get(id) ?? '', side })),
    }));
}

/**
 * The same stories cut to their first `reports` reports and first `debunks` debunks: a FNC-1 training
 * story holds five articles on average, the hold-out's and the held-back test's two or three, and a small
 * story cannot lean on articles that bridge its members. Stories left with fewer than two articles go.
 */
export function cutStories(stories: readonly Story[], reports: number, debunks: number): Story[] {
  return stories
    .map((s) => ({
      ...s,
      articles: [
        ...s.articles.filter((a) => a.side === 'report').slice(0, reports),
        ...s.articles.filter((a) => a.side === 'debunk').slice(0, debunks),
      ],
    }))
    .filter((s) => s.articles.length >= 2);
}

/** Which Emergent file: Ferreira & Vlachos's train split, their test split, or the whole shared file. */
export type EmergentSplit = 'train' | 'test' | 'all';

/** Emergent stories: one per claim with at least two for/against headlines. */
export function emergentStories(dataDir: string, split: EmergentSplit): Story[] {
  const file = {
    train: 'url-versions-2015-06-14-clean-train.no-fnc1-test-claims.csv',
    test: 'url-versions-2015-06-14-clean-test.no-fnc1-test-claims.csv',
    all: 'url-versions-2015-06-14-clean.no-fnc1-test-claims.csv',
  }[split];
  const rows = parseCsvRecords(readFileSync(join(dataDir, 'emergent', file), 'utf8'));
  const byClaim = new Map<string, { headline: string; articles: StoryArticle[] }>();
  for (const r of rows) {
    const stance = r.articleHeadlineStance;
    if (stance !== 'for' && stance !== 'against') continue;
    const story = byClaim.get(r.claimId) ?? { headline: r.claimHeadline, articles: [] };
    if (!story.articles.some((a) => a.id === r.articleId))
      story.articles.push({
        id: r.articleId,
        text: r.articleHeadline.trim(),
        side: stance === 'for' ? 'report' : 'debunk',
      });
    byClaim.set(r.claimId, story);
  }
  return [...byClaim]
    .filter(([, s]) => s.articles.length >= 2)
    .map(([claimId, s]) => ({ id: `emergent:${claimId}`, ...s }));
}

/**
 * Groups stories into corpora that can be read into one store together: no article twice in a corpus
 * (FNC-1 bodies recur across headlines of one claim), at most `size` stories each. Stories whose
 * articles all appeared already are dropped, so every article is scored under one story only.
 */
export function corpora(stories: readonly Story[], size: number): Story[][] {
  const out: Story[][] = [];
  const used = new Set<string>();
  let current: Story[] = [];
  let inCurrent = new Set<string>();
  for (const story of stories) {
    const fresh = story.articles.filter((a) => !used.has(a.id));
    if (fresh.length < 2) continue;
    if (current.length >= size || fresh.some((a) => inCurrent.has(a.id))) {
      out.push(current);
      current = [];
      inCurrent = new Set();
    }
    current.push({ ...story, articles: fresh });
    for (const a of fresh) {
      used.add(a.id);
      inCurrent.add(a.id);
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** An article whose side is known in absolute terms: does it report the claim, or debunk it? */
export interface SidedArticle {
  id: string;
  /** The headline (for an FNC-1 body, its first line, as the CLI reads a .txt article). */
  headline: string;
  /** The rest of the text, one paragraph per line. */
  body: string;
  debunks: boolean;
  source: 'emergent' | 'fnc-1';
  /**
   * The claim the article is about (an Emergent claim id): articles of one claim share its words, so
   * out-of-fold predictions keep a claim's articles in one fold, as an unseen story would be.
   */
  claim: string;
}

/**
 * Articles with an absolute side, for the article-level stance model: Emergent headlines ("against"
 * debunks, "for" reports) and FNC-1 bodies whose side follows from an Emergent headline of known stance
 * (a body agreeing with an "against" headline debunks, and so on). With `propagate`, sides also travel
 * through FNC-1's claims: a body of known side that agrees with (or disagrees with) a headline of no
 * Emergent stance orients that headline, whose other bodies are then oriented, until nothing changes.
 * A headline is oriented only when all its oriented bodies agree on it; a body that ends up on both
 * sides is left out. Only Emergent's train split orients, only bodies of the requested FNC-1 split
 * carry sides, and a headline of Emergent's test split never passes a side on, so both held-out sets
 * stay unseen.
 */
export function sidedArticles(
  dataDir: string,
  emergent: EmergentSplit,
  fnc: FncSplit,
  options: { propagate?: boolean } = {},
): SidedArticle[] {
  const out: SidedArticle[] = [];
  const key = (headline: string) => headline.trim().toLowerCase();
  const headlinesOf = (file: string) =>
    parseCsvRecords(readFileSync(join(dataDir, 'emergent', file), 'utf8'));
  const orient = new Map<string, boolean>();
  // The claim each oriented headline is about, passed on to the bodies it orients and back.
  const claimOf = new Map<string, string>();
  for (const r of headlinesOf('url-versions-2015-06-14-clean-train.no-fnc1-test-claims.csv'))
    if (r.articleHeadlineStance === 'for' || r.articleHeadlineStance === 'against') {
      orient.set(key(r.articleHeadline), r.articleHeadlineStance === 'against');
      claimOf.set(key(r.articleHeadline), r.claimId);
    }
  const unseen = new Set(
    headlinesOf('url-versions-2015-06-14-clean-test.no-fnc1-test-claims.csv').map((r) =>
      key(r.articleHeadline),
    ),
  );
  for (const story of emergentStories(dataDir, emergent))
    for (const a of story.articles)
      out.push({
        id: a.id,
        headline: a.text,
        body: '',
        debunks: a.side === 'debunk',
        source: 'emergent',
        claim: story.id.slice('emergent:'.length),
      });
  const dir = join(dataDir, 'fnc-1');
  const bodies = parseBodies(readFileSync(join(dir, 'train_bodies.csv'), 'utf8'));
  const hold = new Set(readFileSync(join(dir, 'dev_split/hold_out_ids.txt'), 'utf8').split(/\s+/));
  const pairs = parseStances(readFileSync(join(dir, 'train_stances.csv'), 'utf8')).filter(
    (p) =>
      (p.stance === 'agree' || p.stance === 'disagree') &&
      (fnc === 'all' || hold.has(p.bodyId) === (fnc === 'holdout')),
  );
  // A body's side given its headline's: agreeing with a debunking headline debunks.
  const sideVia = (p: (typeof pairs)[number], against: boolean) => (p.stance === 'disagree') !== against;
  let sides = new Map<string, Set<boolean>>();
  const bodyClaim = new Map<string, string>();
  for (;;) {
    sides = new Map();
    for (const p of pairs) {
      const against = orient.get(key(p.headline));
      if (against === undefined) continue;
      const set = sides.get(p.bodyId) ?? new Set<boolean>();
      set.add(sideVia(p, against));
      sides.set(p.bodyId, set);
      if (!bodyClaim.has(p.bodyId)) bodyClaim.set(p.bodyId, claimOf.get(key(p.headline)) ?? '');
    }
    if (!options.propagate) break;
    // Headlines of no side yet, oriented by their bodies of one side (the same relation read backwards).
    const votes = new Map<string, Set<boolean>>();
    for (const p of pairs) {
      const h = key(p.headline);
      const set = sides.get(p.bodyId);
      if (orient.has(h) || unseen.has(h) || set?.size !== 1) continue;
      const v = votes.get(h) ?? new Set<boolean>();
      v.add(sideVia(p, [...set][0]));
      votes.set(h, v);
      if (!claimOf.has(h)) claimOf.set(h, bodyClaim.get(p.bodyId) ?? '');
    }
    let added = 0;
    for (const [h, v] of votes)
      if (v.size === 1) {
        orient.set(h, [...v][0]);
        added++;
      }

    if (!added) break;
  }
  for (const [id, set] of [...sides].sort((a, b) => Number(a[0]) - Number(b[0]))) {
    if (set.size !== 1) continue;
    const lines = (bodies.get(id) ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    out.push({
      id: `body-${id}`,
      headline: lines[0],
      body: lines.slice(1).join('\n'),
      debunks: [...set][0],
      source: 'fnc-1',
      claim: bodyClaim.get(id) ?? '',
    });
  }
  return out;
}
