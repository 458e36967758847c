/**
 * The pages the benchmarks load, and how long they wait on each: shared by `npm run bench` (run.ts) and
 * `npm run bench:phases` (phases.ts), so both measure the same pages the same way.
 */
import type { Page } from 'playwright-core';
import { loadReadabilityPages, type ReadabilityPage } from '../test/support/readability.ts';
import { SEED_PAGES, type TestServer } from '../test/support/server.ts';

export interface BenchPage {
  name: string;
  kind: 'readability' | 'seed';
  host: string;
  path: string;
  readerable: boolean;
  expectHighlights: boolean;
  truth?: ReadabilityPage;
}

/**
 * The real saved pages of ../shared/data/readability-pages (when present) and the seed articles, each
 * served by `server` under its own host name; `only` keeps the named ones. Says so when the saved pages
 * are absent, as the figures then cover the seeds alone.
 */
export function benchPages(
  server: TestServer,
  only: string[] | undefined,
  log: (...args: unknown[]) => void,
): BenchPage[] {
  const readability = loadReadabilityPages(only);
  if (!readability.length)
    log('../shared/data/readability-pages is absent: only the seed pages are measured');
  for (const r of readability) server.setPage(r.host, '/', { body: r.html, type: r.type });
  return [
    ...readability.map((r) => ({
      name: r.name,
      kind: 'readability' as const,
      host: r.host,
      path: '/',
      readerable: r.readerable,
      expectHighlights: r.readerable && r.goldClaims.length > 0,
      truth: r,
    })),
    ...SEED_PAGES.filter((s) => !only || only.includes(s.host)).map((s) => ({
      name: s.host,
      kind: 'seed' as const,
      host: s.host,
      path: s.path,
      readerable: true,
      expectHighlights: true,
    })),
  ];
}

/**
 * Waits until the page shows its claims (or long enough that it would have), then a little more for the
 * work that follows painting: a traced load stops here.
 */
export async function waitForHighlights(page: Page, p: BenchPage): Promise<void> {
  await page
    .waitForFunction(
      () =>
        ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim')
          ?.size ?? 0) > 0,
      undefined,
      { timeout: p.expectHighlights ? 8_000 : 1_500, polling: 100 },
    )
    .catch(() => {});
  await page.waitForTimeout(300);
}
