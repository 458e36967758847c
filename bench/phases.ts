/**
 * `npm run bench:phases [page ...]`: where the content script's main-thread time goes. `npm run bench`
 * gives one figure per page; this splits it into the phases of the script's work (compile, start-up,
 * finding the article, reading its blocks, metadata and checks, messages, mapping and painting), so a
 * change can be aimed at the phase that costs and judged by it.
 *
 * The shipped content script is minified, and its samples name no function. So this builds the same
 * extension with the content script left readable (`vite build --mode readable`, into dist-readable/)
 * and attributes each V8 sample of our code to the phase of the innermost function of ours on its stack
 * that names one (`PHASES`). Its compile is of the readable source, under the profiler, with which
 * Chromium compiles the content script module on the page's main thread instead of on a background
 * thread; `npm run bench` gives the shipped module's main-thread compile. Every other phase runs the
 * same code.
 * Figures are CPU milliseconds as in the bench
 * (`scriptCost`), the median over passes per page, then the median and p95 over pages.
 *
 * Pages: the names given (readability page names or seed hosts), else every page the bench measures.
 * Environment: BENCH_RUNS (passes per page, default 3). Writes bench/phases.json and bench/phases.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { CONTENT_MAIN_FILE } from '../extension/content/files.ts';
import { launchWithExtension } from '../test/support/browser.ts';
import { startServer } from '../test/support/server.ts';
import { median, PageTrace, type PhaseOf, quantile, scriptCost } from '../test/support/trace.ts';
import { benchPages, waitForHighlights } from './pages.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = new URL('../', import.meta.url);
const DIST = new URL('dist-readable/', ROOT).pathname;
const OUT = new URL('./', import.meta.url);
const log = (...args: unknown[]) => console.log('[phases]', ...args);

/**
 * Each phase, by the functions of ours that begin it. A sample belongs to the innermost of these on its
 * stack: a style check called by the block walk counts as reading the blocks, the metadata read by the
 * extraction's driver as metadata and checks.
 */
const PHASES: Record<string, readonly string[]> = {
  'find the article': ['findArticleRootSteps'],
  'read the blocks': ['collectBlockSteps'],
  'metadata and checks': ['extractDomArticleSteps'],
  messages: ['send', 'packArticle'],
  'map and paint': [
    'mapClaimBlocks',
    'blockMapSteps',
    'rangeForOffsets',
    'show',
    'Annotator',
    'nativePainter',
  ],
};
/** Samples in the script's own body (getting the extension API, adding listeners) and none deeper. */
const START_UP = 'start-up';
const OTHER = 'other';
const COLUMNS = ['compile', START_UP, ...Object.keys(PHASES), OTHER];

const phaseByFunction = new Map(Object.entries(PHASES).flatMap(([phase, fns]) => fns.map((f) => [f, phase])));

const phaseOf: PhaseOf = (frames) => {
  for (const name of frames) {
    const phase = phaseByFunction.get(name);
    if (phase) return phase;
  }
  return frames.every((name) => name === '') ? START_UP : OTHER;
};

/**
 * The readable build names every phase function: a renamed or inlined one would silently move its time
 * to "other", so the run stops instead.
 */
function checkNames(script: string): void {
  const missing = [...phaseByFunction.keys()].filter(
    (name) =>
      !new RegExp(
        `(?:function\\*?\\s+${name}\\s*\\(|class\\s+${name}\\b|^\\s+${name}\\s*\\(|(?:const|let|var)\\s+${name}\\s*=)`,
        'm',
      ).test(script),
  );
  if (missing.length)
    throw new Error(
      `the readable content script defines no ${missing.join(', ')}: update PHASES in bench/phases.ts`,
    );
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--mode', 'readable', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  checkNames(readFileSync(`${DIST}${CONTENT_MAIN_FILE}`, 'utf8'));
  const named = process.argv.slice(2).filter(Boolean);
  const server = await startServer();
  const pages = benchPages(server, named.length ? named : undefined, log);
  if (!pages.length) throw new Error(`no page named ${named.join(', ')}`);
  const runs = new Map<string, { total: number[]; phases: Record<string, number[]> }>();
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh profile per pass, as in the bench: every page is read for the first time.
      const browser = await launchWithExtension({ dist: DIST });
      try {
        for (const p of pages) {
          const page = await browser.context.newPage();
          const trace = await PageTrace.start(page);
          await page.goto(server.url(p.host, p.path), { waitUntil: 'load', timeout: 30_000 });
          await waitForHighlights(page, p);
          const events = await trace.stop();
          await page.close();
          const cost = scriptCost(events, browser.extensionId, phaseOf);
          if (!cost.compileMs) {
            log('no compile of the content script in the trace of', p.name, '- pass left out');
            continue;
          }
          const entry = runs.get(p.name) ?? {
            total: [],
            phases: Object.fromEntries(COLUMNS.map((c) => [c, [] as number[]])),
          };
          entry.total.push(cost.ourMs);
          for (const column of COLUMNS) entry.phases[column].push(cost.phases[column] ?? 0);
          runs.set(p.name, entry);
          log(p.name, cost.ourMs.toFixed(1), 'ms');
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  const rows = [...runs].map(([name, r]) => ({
    name,
    totalMs: round(median(r.total)),
    phasesMs: Object.fromEntries(COLUMNS.map((c) => [c, round(median(r.phases[c]))])),
  }));
  const over = (pick: (row: (typeof rows)[number]) => number) => {
    const values = rows.map(pick);
    return { median: round(median(values)), p95: round(quantile(values, 0.95)) };
  };
  const summary = {
    total: over((r) => r.totalMs),
    phases: Object.fromEntries(COLUMNS.map((c) => [c, over((r) => r.phasesMs[c])])),
  };
  const report = {
    generatedAt: new Date().toISOString(),
    runsPerPage: RUNS,
    phases: PHASES,
    summary,
    pages: rows,
  };
  writeFileSync(new URL('phases.json', OUT), `${JSON.stringify(report, null, 2)}\n`);
  const table = [
    `| page | total ms | ${COLUMNS.join(' | ')} |`,
    `|---|---|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.name} | ${r.totalMs} | ${COLUMNS.map((c) => r.phasesMs[c]).join(' | ')} |`),
    `| **median** | ${summary.total.median} | ${COLUMNS.map((c) => summary.phases[c].median).join(' | ')} |`,
    `| **p95** | ${summary.total.p95} | ${COLUMNS.map((c) => summary.phases[c].p95).join(' | ')} |`,
  ].join('\n');
  const markdown = `# Content-script time by phase\n\nGenerated ${report.generatedAt}; ${RUNS} passes per page, CPU ms, median per page. Built readable (dist-readable/): compile is of the readable source under the profiler (npm run bench gives the shipped script's); every other phase runs the same code. Medians and p95 are per column, so they do not add up across a row.\n\n${table}\n`;
  writeFileSync(new URL('phases.md', OUT), markdown);
  console.log(markdown);
}

const round = (x: number) => Number(x.toFixed(2));

await main();
