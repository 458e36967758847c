/**
 * axe-core, the accessibility checker, run in a page of either engine: its source is evaluated in the
 * page's world (through the automation protocol, which an extension page's CSP does not govern) and
 * the violations come back as readable lines.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const AXE_SOURCE = readFileSync(
  new URL('../../node_modules/axe-core/axe.min.js', import.meta.url),
  'utf8',
);
/** The rules checked: WCAG 2.0 to 2.2, A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** What a page offers to run axe in (a ReaderTab, or a Playwright page wrapped to match). */
export interface AxeTarget {
  run(source: string): Promise<void>;
  evaluate<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, args?: A): Promise<T>;
}

/** Runs axe on the page (or the part `include` selects); one line per violating node. */
export async function axeViolations(page: AxeTarget, include?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.run(AXE_SOURCE);
  const violations = (await page.evaluate(
    async (scope: string | null, tags: string[]) => {
      const a = (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const result = await a.run(scope ? { include: [scope] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    [include ?? null, AXE_TAGS],
  )) as Violation[];
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')} — ${n.html.slice(0, 160)}`),
  );
}

/** A Playwright page (Chromium) as a place to run axe. */
function playwrightTarget(page: Page): AxeTarget {
  return {
    run: async (source) => {
      await page.evaluate(source);
    },
    evaluate: (fn, args) => page.evaluate(`(${fn.toString()})(...${JSON.stringify(args ?? [])})`),
  };
}

/** Runs axe on a Playwright page (or a part of it) and returns the violations in a readable form. */
export function axe(page: Page, include?: string): Promise<string[]> {
  return axeViolations(playwrightTarget(page), include);
}

/** Runs a check in light and then dark mode, and leaves the page in light mode. */
export async function inBothSchemes(page: Page, check: () => Promise<void>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await check();
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
