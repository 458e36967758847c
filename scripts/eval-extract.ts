/**
 * What gets highlighted, measured through the CLI's path (happy-dom + src/extract + src/claims + the
 * one selection rule, `claimMask`) on the pages we have:
 * - the Readability pages of ../shared/data (when present): claims inside the article, coverage
 *   (articles with a check-worthy sentence that get at least one claim), body recall (expected body
 *   sentences found in the extracted text), highlighted share of body sentences, and the share of
 *   body sentences carrying a figure and a source that stay highlighted; non-articles left alone;
 * - the committed golden corpus (test/fixtures/golden): the same figures;
 * - the seed articles (test/fixtures/pages): every numbered or attributed statement found, no
 *   boilerplate.
 * Writes reports/extract-eval.json.
 *
 *   npm run eval:extract [-- --threshold N] [--out FILE] [--verbose]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleBlock, ArticleInput } from '../src/article/types.ts';
import { analyzeSentences } from '../src/claims/index.ts';
import { htmlArticle } from '../src/cli/analyze.ts';
import {
  claimMask,
  DEFAULT_CLAIM_THRESHOLD,
  type SentenceAnalysis,
  STATEMENT_FLOOR,
} from '../src/model/sentence.ts';
import { type GoldenCase, loadGoldenCases } from '../test/support/golden.ts';
import { haveReadabilityPages, loadReadabilityPages, normalise } from '../test/support/readability.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface PageRow {
  name: string;
  readerable: boolean;
  extracted: boolean;
  claims: number;
  inside: number;
  bodySentences: number;
  bodyFound: number;
  bodyHighlighted: number;
  figureAndSource: number;
  figureAndSourceHighlighted: number;
  /** Body sentences with neither a number nor a named source, and how many of them are highlighted. */
  neither: number;
  neitherHighlighted: number;
  checkWorthy: number;
  outside: string[];
}

/** A named reporting source (not a pronoun the analysis could not resolve). */
function namedSource(s: SentenceAnalysis): boolean {
  return s.attribution !== null && !/^(?:he|she|they|it|we|i)$/i.test(s.attribution.source);
}

/** A sentence carries a figure and a source: a number and a named reporting source. */
export function figureAndSource(s: SentenceAnalysis): boolean {
  return s.numbers.length > 0 && namedSource(s);
}

/** The claims of an article at a threshold, by the product's one rule. */
export function claimsOf(input: ArticleInput, threshold: number): SentenceAnalysis[] {
  const sentences = analyzeSentences(input.blocks, input.publishedAt);
  const mask = claimMask(sentences, threshold);
  return sentences.filter((_, i) => mask[i]);
}

/** Scores one page: its extracted claims against the expected article's text and sentences. */
export function scoreArticle(
  name: string,
  readerable: boolean,
  input: ArticleInput | null,
  expectedBlocks: readonly ArticleBlock[],
  threshold: number,
): PageRow {
  const expectedText = normalise(expectedBlocks.map((b) => b.text).join(' '));
  const body = analyzeSentences(expectedBlocks);
  const bodyMask = claimMask(body, threshold);
  const claims = input ? claimsOf(input, threshold).map((c) => normalise(c.text)) : [];
  const extractedText = input ? normalise(input.blocks.map((b) => b.text).join(' ')) : '';
  const row: PageRow = {
    name,
    readerable,
    extracted: input !== null,
    claims: claims.length,
    inside: 0,
    bodySentences: 0,
    bodyFound: 0,
    bodyHighlighted: 0,
    figureAndSource: 0,
    figureAndSourceHighlighted: 0,
    neither: 0,
    neitherHighlighted: 0,
    checkWorthy: bodyMask.filter(Boolean).length,
    outside: [],
  };
  for (const c of claims) {
    if (expectedText.includes(c)) row.inside++;
    else row.outside.push(c.slice(0, 120));
  }
  for (const s of body) {
    const t = normalise(s.text);
    // Words only: fragments of one or two words are not sentences a reader reads.
    if (t.split(' ').length < 4) continue;
    row.bodySentences++;
    if (extractedText.includes(t)) row.bodyFound++;
    const lit = claims.some((c) => c.includes(t) || (t.includes(c) && c.length * 2 >= t.length));
    if (lit) row.bodyHighlighted++;
    if (figureAndSource(s)) {
      row.figureAndSource++;
      if (lit) row.figureAndSourceHighlighted++;
    }
    if (!s.numbers.length && !namedSource(s)) {
      row.neither++;
      if (lit) row.neitherHighlighted++;
    }
  }
  return row;
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Totals of a set of page rows, in the terms. */
export function summarise(rows: PageRow[]) {
  const articles = rows.filter((r) => r.readerable);
  const sum = (f: (r: PageRow) => number, of = articles) => of.reduce((n, r) => n + f(r), 0);
  const withCheckWorthy = articles.filter((r) => r.checkWorthy > 0);
  const perArticleShare = articles
    .filter((r) => r.bodySentences >= 5)
    .map((r) => r.bodyHighlighted / r.bodySentences);
  return {
    pages: rows.length,
    articles: articles.length,
    articlesRead: articles.filter((r) => r.extracted).length,
    claims: sum((r) => r.claims, rows),
    claimsInsideArticle: ratio(
      sum((r) => r.inside, rows),
      sum((r) => r.claims, rows),
    ),
    coverage: ratio(withCheckWorthy.filter((r) => r.inside > 0).length, withCheckWorthy.length),
    bodyRecall: ratio(
      sum((r) => r.bodyFound),
      sum((r) => r.bodySentences),
    ),
    highlightedShareOfBody: ratio(
      sum((r) => r.bodyHighlighted),
      sum((r) => r.bodySentences),
    ),
    highestArticleShare: perArticleShare.length ? Math.round(Math.max(...perArticleShare) * 1e4) / 1e4 : null,
    figureAndSourceHighlighted: ratio(
      sum((r) => r.figureAndSourceHighlighted),
      sum((r) => r.figureAndSource),
    ),
    figureAndSourceSentences: sum((r) => r.figureAndSource),
    neitherFigureNorSourceHighlighted: ratio(
      sum((r) => r.neitherHighlighted),
      sum((r) => r.neither),
    ),
    nonArticlesWithClaims: rows.filter((r) => !r.readerable && r.claims > 0).map((r) => r.name),
  };
}

async function readabilityRows(threshold: number): Promise<PageRow[]> {
  const { Window } = await import('happy-dom');
  const { collectBlocks } = await import('../src/extract/blocks.ts');
  const rows: PageRow[] = [];
  for (const page of loadReadabilityPages()) {
    const dir = new URL(`../../shared/data/readability-pages/${page.name}/`, import.meta.url);
    const expected = readFileSync(new URL('expected.html', dir), 'utf8');
    const window = new Window({ url: 'https://expected.test/' });
    // The reader's judgement is the text: class names in it say nothing (a share-button id on the body).
    const bare = expected.replace(/\s(?:class|id)\s*=\s*("[^"]*"|'[^']*')/gi, '');
    window.document.write(`<!doctype html><html><body><div id="x">${bare}</div></body></html>`);
    const blocks = collectBlocks(window.document.getElementById('x') as unknown as Element).map((b) => ({
      // The reader's judgement is the text, whatever kind of block holds it.
      kind: b.kind === 'other' && b.element.localName !== 'pre' ? 'paragraph' : b.kind,
      text: b.text,
    }));
    await window.happyDOM.close();
    const input = await htmlArticle(
      readFileSync(new URL('source.html', dir), 'utf8'),
      `https://${page.host}/`,
    );
    rows.push(scoreArticle(page.name, page.readerable, input, blocks, threshold));
  }
  return rows;
}

async function goldenRows(cases: readonly GoldenCase[], threshold: number): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  for (const c of cases) {
    const input = await htmlArticle(c.html, c.url);
    rows.push(scoreArticle(c.name, c.expected.article, input, c.expected.blocks, threshold));
  }
  return rows;
}

/** Seeds: every sentence with a number or a named source is a claim; listed boilerplate is not. */
async function seedRows(threshold: number) {
  const dir = join(ROOT, 'test/fixtures/pages');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    file: string;
    host: string;
    path: string;
  }[];
  const out = [];
  for (const s of index) {
    const input = await htmlArticle(readFileSync(join(dir, s.file), 'utf8'), `http://${s.host}${s.path}`);
    if (!input) {
      out.push({
        page: s.file,
        read: false,
        checkable: 0,
        found: 0,
        highlighted: 0,
        missed: [] as string[],
        neither: 0,
        neitherHighlighted: 0,
      });
      continue;
    }
    const sentences = analyzeSentences(input.blocks, input.publishedAt);
    const mask = claimMask(sentences, threshold);
    const checkable = sentences
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => x.numbers.length > 0 || namedSource(x));
    // Statements (not furniture: scored above the floor) with neither a number nor a named source.
    const neither = sentences
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => x.score > STATEMENT_FLOOR && !x.numbers.length && !namedSource(x));
    out.push({
      page: s.file,
      read: true,
      sentences: sentences.length,
      claims: mask.filter(Boolean).length,
      checkable: checkable.length,
      // Found: highlighted, or listed among the statements left unhighlighted (the popup's list).
      found: checkable.filter(({ i, x }) => mask[i] || x.score > STATEMENT_FLOOR).length,
      highlighted: checkable.filter(({ i }) => mask[i]).length,
      missed: checkable
        .filter(({ i, x }) => !mask[i] && x.score <= STATEMENT_FLOOR)
        .map(({ x }) => x.text.slice(0, 120)),
      neither: neither.length,
      neitherHighlighted: neither.filter(({ i }) => mask[i]).length,
    });
  }
  return out;
}

/**
 * News prose at scale, without page furniture: the first 400 article bodies of FNC-1's training file
 * (../shared/data), read as text articles. What share of their statements is highlighted, how many of
 * those with a figure and a named source, how many with neither, and how many articles get a claim.
 */
async function newsBodies(threshold: number) {
  const file = join(ROOT, '../shared/data/fnc-1/train_bodies.csv');
  if (!existsSync(file)) return 'absent (../shared/data/fnc-1)';
  const { parseCsv } = await import('../src/util/csv.ts');
  const { textArticle } = await import('../src/cli/analyze.ts');
  let statements = 0;
  let lit = 0;
  let both = 0;
  let bothLit = 0;
  let neither = 0;
  let neitherLit = 0;
  let articles = 0;
  let covered = 0;
  for (const row of parseCsv(readFileSync(file, 'utf8')).slice(1, 401)) {
    const input = textArticle(row[1], 'https://body.test/a', 'body');
    if (!input) continue;
    // The text reader takes the first line for the headline; a body has none, so every line is read.
    const sentences = analyzeSentences(input.blocks);
    const mask = claimMask(sentences, threshold);
    if (sentences.some((s) => s.score > STATEMENT_FLOOR)) {
      articles++;
      if (mask.some(Boolean)) covered++;
    }
    sentences.forEach((s, i) => {
      if (s.score <= STATEMENT_FLOOR) return;
      statements++;
      if (mask[i]) lit++;
      if (figureAndSource(s)) {
        both++;
        if (mask[i]) bothLit++;
      }
      if (!s.numbers.length && !namedSource(s)) {
        neither++;
        if (mask[i]) neitherLit++;
      }
    });
  }
  return {
    source: 'first 400 bodies of fnc-1/train_bodies.csv, as text articles',
    articles,
    statements,
    highlightedShare: ratio(lit, statements),
    figureAndSourceHighlighted: ratio(bothLit, both),
    figureAndSourceSentences: both,
    neitherFigureNorSourceHighlighted: ratio(neitherLit, neither),
    articlesWithAClaim: ratio(covered, articles),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const t = args.indexOf('--threshold');
  const threshold = t >= 0 ? Number(args[t + 1]) : DEFAULT_CLAIM_THRESHOLD;
  const o = args.indexOf('--out');
  const out = o >= 0 ? resolve(args[o + 1]) : join(ROOT, 'reports', 'extract-eval.json');
  const verbose = args.includes('--verbose');
  const t0 = performance.now();
  const readability = haveReadabilityPages() ? await readabilityRows(threshold) : [];
  const golden = await goldenRows(loadGoldenCases(), threshold);
  const seeds = await seedRows(threshold);
  const news = await newsBodies(threshold);
  const report = {
    threshold,
    readabilityPages: readability.length
      ? {
          ...summarise(readability),
          pagesWithClaimsOutside: readability
            .filter((r) => r.outside.length)
            .map((r) => ({
              name: r.name,
              outside: r.outside.length,
              of: r.claims,
              first: r.outside.slice(0, 3),
            })),
        }
      : 'absent (../shared/data/readability-pages)',
    goldenCorpus: summarise(golden),
    newsBodies: news,
    seeds: {
      checkableStatements: seeds.reduce((n, s) => n + s.checkable, 0),
      found: seeds.reduce((n, s) => n + s.found, 0),
      checkableHighlighted: seeds.reduce((n, s) => n + s.highlighted, 0),
      highlightedShare: ratio(
        seeds.reduce((n, s) => n + (s.claims ?? 0), 0),
        seeds.reduce((n, s) => n + (s.sentences ?? 0), 0),
      ),
      neitherFigureNorSourceHighlighted: ratio(
        seeds.reduce((n, s) => n + (s.neitherHighlighted ?? 0), 0),
        seeds.reduce((n, s) => n + (s.neither ?? 0), 0),
      ),
      pages: seeds,
    },
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  if (verbose)
    for (const r of [...readability, ...golden])
      console.log(
        `${r.name.padEnd(40)} ${r.readerable ? 'art' : 'non'} claims ${r.claims} inside ${r.inside} body ${r.bodyFound}/${r.bodySentences} lit ${r.bodyHighlighted} worthy ${r.checkWorthy} f&s ${r.figureAndSourceHighlighted}/${r.figureAndSource}`,
      );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  const { pagesWithClaimsOutside: _, ...r } = (
    typeof report.readabilityPages === 'string' ? {} : report.readabilityPages
  ) as Record<string, unknown>;
  console.log(
    JSON.stringify(
      {
        readability: r,
        golden: report.goldenCorpus,
        seeds: { checkable: report.seeds.checkableStatements, found: report.seeds.found },
      },
      null,
      1,
    ),
  );
  console.log(`wrote ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
