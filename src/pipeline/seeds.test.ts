import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_FILES, seedArticle } from '../../test/support/seeds.ts';
import { DEFAULT_CLAIM_THRESHOLD, STATEMENT_FLOOR } from '../model/sentence.ts';
import type { ArticleView, ClaimView } from '../protocol/views.ts';
import { ClaimLensDB } from '../store/db.ts';
import { ingestArticle } from './ingest.ts';
import { articleView } from './status.ts';

const CANNOT_CONFIRM = /can['’]?t confirm|could not (?:immediately )?confirm|declined to confirm/i;

/** The five seed articles run through the whole pipeline, each outlet named after its file prefix. */
async function ingestSeeds(): Promise<Map<string, ArticleView>> {
  const db = new ClaimLensDB(`seeds-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const ids = new Map<string, string>();
  for (const f of SEED_FILES) {
    const outlet = f.slice(0, 3);
    const r = await ingestArticle(db, seedArticle(f, { url: `https://seed.example/${f}`, outlet }));
    ids.set(outlet, r.articleId);
  }
  const views = new Map<string, ArticleView>();
  for (const [outlet, id] of ids) {
    const view = await articleView(db, id, DEFAULT_CLAIM_THRESHOLD);
    if (view) views.set(outlet, view);
  }
  return views;
}

function claimWith(view: ArticleView | undefined, ...parts: string[]): ClaimView {
  const claim = view?.claims.find((c) => parts.every((p) => c.text.includes(p)));
  if (!claim) throw new Error(`no claim with ${parts.join(' + ')} in ${view?.outlet}`);
  return claim;
}

const outletsOf = (list: { outlet: string }[]) => new Set(list.map((e) => e.outlet));

describe('seed articles through ingest and status', () => {
  let views: Map<string, ArticleView>;
  beforeAll(async () => {
    views = await ingestSeeds();
  }, 120_000);

  it('confirms the Korea Herald 11,000-troops claim by the outlets that state it', () => {
    const claim = claimWith(views.get('004'), 'more than 11,000');
    const confirming = outletsOf(claim.status.confirms);
    expect(
      [...confirming].filter((o) => ['000', '001', '002', '003'].includes(o)).length,
    ).toBeGreaterThanOrEqual(3);
    for (const e of claim.status.confirms) expect(e.quote).toMatch(/11,000/);
  });

  it('shows the Kremlin "hoax" dismissal as a dispute of the 11,000 claim', () => {
    const claim = claimWith(views.get('004'), 'more than 11,000');
    const hoax = claim.status.disputes.find((e) => e.outlet === '003' && /hoax/.test(e.quote));
    expect(hoax).toBeDefined();
  });

  it('shows NATO\'s "no evidence" as a dispute of the other outlets\' 11,000 claims', () => {
    for (const outlet of ['000', '001', '002']) {
      const claim = claimWith(views.get(outlet), '11,000');
      const nato = claim.status.disputes.find((e) => e.outlet === '004' && /no evidence/.test(e.quote));
      expect(nato, `NATO dispute of ${outlet}`).toBeDefined();
    }
  });

  it('reports a numeric conflict with both numbers as written, from outlets that do not also give ours', () => {
    // Zelensky's 10,000 against Budanov's 11,000, from an outlet that gives only the 11,000.
    const zelensky = claimWith(views.get('004'), 'an estimated 10,000');
    const conflict = zelensky.status.disputes.find((e) => e.outlet === '001' && e.numberConflict);
    expect(conflict?.numberConflict).toEqual({ ours: 'an estimated 10,000', theirs: 'nearly 11,000' });
    // The Kyiv Independent gives both figures (Zelensky's and Budanov's): it disputes neither.
    const budanov = claimWith(views.get('004'), 'more than 11,000');
    expect(budanov.status.disputes.filter((e) => e.numberConflict && e.outlet === '000')).toEqual([]);
  });

  it('keeps "cannot confirm" statements as unclear, never as disputes or as support for what they doubt', () => {
    // The Pentagon cannot confirm that North Korean forces have gone to Russia: the claims that they have.
    const claim = claimWith(views.get('004'), 'at least 1,500');
    expect(claim.status.unclear.some((e) => /Ryder/.test(e.quote) && CANNOT_CONFIRM.test(e.quote))).toBe(
      true,
    );
    for (const view of views.values()) {
      for (const c of view.claims) {
        for (const e of c.status.disputes) expect(e.quote).not.toMatch(CANNOT_CONFIRM);
        // Another outlet's "cannot confirm" confirms only the same "cannot confirm".
        for (const e of c.status.confirms)
          if (CANNOT_CONFIRM.test(e.quote)) expect(c.text).toMatch(CANNOT_CONFIRM);
      }
    }
  });

  it('lists the unhighlighted statements other outlets speak to apart, with their verdicts, never among the painted claims', () => {
    let covered = 0;
    for (const view of views.values()) {
      const painted = new Set(view.claims.map((c) => c.id));
      const listed = new Set((view.remaining ?? []).map((s) => s.id));
      for (const c of view.covered ?? []) {
        covered++;
        expect(painted.has(c.id)).toBe(false);
        expect(listed.has(c.id)).toBe(false);
        expect(c.score).toBeGreaterThan(STATEMENT_FLOOR);
        expect(c.status.confirms.length + c.status.disputes.length + c.status.unclear.length).toBeGreaterThan(
          0,
        );
      }
      const order = (view.covered ?? []).map((c) => c.index);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(covered).toBeGreaterThan(0);
    // A plain description of the footage (no figure, no named source) is not highlighted, but the
    // outlet that retells it confirms it, quoting its own words.
    const footage = views
      .get('000')
      ?.covered?.find((c) => c.text.includes('standing in line to get equipment'));
    expect(
      footage?.status.confirms.some(
        (e) => e.outlet === '001' && /lining up to receive equipment/.test(e.quote),
      ),
    ).toBe(true);
  });

  it('does not link unrelated numbers to the 11,000 claim', () => {
    const claim = claimWith(views.get('004'), 'more than 11,000');
    const linked = [...claim.status.confirms, ...claim.status.disputes].map((e) => e.quote);
    for (const unrelated of [/8 million/, /350,000/, /1\.2\s?million/]) {
      expect(linked.some((q) => unrelated.test(q))).toBe(false);
    }
  });
});
