/**
 * Adds a case to the golden extraction corpus (test/fixtures/golden), or rewrites one: the saved page,
 * the article body as a reader judges it, and the claims ClaimLens highlights on it at the default
 * setting today. Review the written expected.json before committing: it is the reference every later
 * change is held to (src/cli/golden.test.ts).
 *
 *   npm run golden:add -- PAGE.html --kind "what it keeps fixed" [--name NAME] [--url URL]
 *                         [--body BODY.html] [--furniture TEXT]... [--not-article]
 *   npm run golden:add -- --readability NAME --kind "..."     (a page of ../shared/data/readability-pages)
 *   npm run golden:add -- --update NAME                        (re-record the claims of an existing case)
 *
 * The body comes from --body (the article's HTML as a reader would cut it), else from a Readability
 * page's expected.html, else from what ClaimLens extracts now (check it by eye).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { ArticleBlock } from '../src/article/types.ts';
import { htmlArticle } from '../src/cli/analyze.ts';
import { collectBlocks } from '../src/extract/blocks.ts';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/model/sentence.ts';
import { type GoldenExpected, goldenClaims } from '../test/support/golden.ts';
import { normalise as normaliseText } from '../test/support/readability.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GOLDEN = join(ROOT, 'test/fixtures/golden');
const READABILITY = resolve(ROOT, '../shared/data/readability-pages');

interface Args {
  page?: string;
  readability?: string;
  update?: string;
  name?: string;
  kind?: string;
  url?: string;
  body?: string;
  furniture: string[];
  notArticle: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { furniture: [], notArticle: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      return v;
    };
    if (x === '--readability') a.readability = next();
    else if (x === '--update') a.update = next();
    else if (x === '--name') a.name = next();
    else if (x === '--kind') a.kind = next();
    else if (x === '--url') a.url = next();
    else if (x === '--body') a.body = next();
    else if (x === '--furniture') a.furniture.push(next());
    else if (x === '--not-article') a.notArticle = true;
    else if (x.startsWith('--')) throw new Error(`unknown option ${x}`);
    else a.page = x;
  }
  return a;
}

/**
 * Blocks of an article body's HTML, as a reader judges it: class names say nothing there (a body
 * carrying a share button's id is still the body), and every text block counts, whatever its tag.
 */
export async function bodyBlocks(html: string): Promise<ArticleBlock[]> {
  const bare = html.replace(/\s(?:class|id)\s*=\s*("[^"]*"|'[^']*')/gi, '');
  const window = new Window({ url: 'https://body.test/' });
  window.document.write(`<!doctype html><html><body><div id="x">${bare}</div></body></html>`);
  const blocks = collectBlocks(window.document.getElementById('x') as unknown as Element).map((b) => ({
    kind: b.kind === 'other' && b.element.localName !== 'pre' ? ('paragraph' as const) : b.kind,
    text: b.text,
  }));
  await window.happyDOM.close();
  return blocks;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let name: string;
  let html: string;
  let expected: GoldenExpected;
  if (args.update) {
    name = args.update;
    const dir = join(GOLDEN, name);
    html = readFileSync(join(dir, 'source.html'), 'utf8');
    expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as GoldenExpected;
  } else {
    let source: string;
    let bodyHtml: string | undefined;
    if (args.readability) {
      const dir = join(READABILITY, args.readability);
      source = join(dir, 'source.html');
      bodyHtml = readFileSync(join(dir, 'expected.html'), 'utf8');
      name = args.name ?? `readability-${args.readability}`;
    } else if (args.page) {
      source = resolve(args.page);
      name = args.name ?? basename(source).replace(/\.html?$/i, '');
      if (args.body) bodyHtml = readFileSync(resolve(args.body), 'utf8');
    } else throw new Error('give a PAGE.html, --readability NAME or --update NAME');
    if (!args.kind) throw new Error('--kind says what the case keeps fixed');
    html = readFileSync(source, 'utf8');
    const url = args.url ?? `https://${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.golden.test/story`;
    const current = await htmlArticle(html, url);
    const blocks = args.notArticle
      ? []
      : bodyHtml
        ? await bodyBlocks(bodyHtml)
        : (current?.blocks ?? []).filter((b) => b.kind !== 'heading' && b.kind !== 'caption');
    expected = {
      url,
      kind: args.kind,
      article: !args.notArticle,
      blocks,
      claims: [],
      ...(args.furniture.length ? { furniture: args.furniture } : {}),
    };
    const dir = join(GOLDEN, name);
    mkdirSync(dir, { recursive: true });
    copyFileSync(source, join(dir, 'source.html'));
  }
  const input = await htmlArticle(html, expected.url);
  expected.claims = input ? goldenClaims(input, DEFAULT_CLAIM_THRESHOLD) : [];
  const body = normaliseText(expected.blocks.map((b) => b.text).join(' '));
  const outside = expected.claims.filter((c) => !body.includes(normaliseText(c)));
  // A saved real page whose reader's cut keeps a line ClaimLens drops (or the other way round) records
  // the share of body blocks read today, so that later changes may not read less of it.
  if (input && args.readability) {
    const read = normaliseText(input.blocks.map((b) => b.text).join(' '));
    const found = expected.blocks.filter((b) => read.includes(normaliseText(b.text))).length;
    const recall = Math.floor((found / Math.max(1, expected.blocks.length)) * 100) / 100;
    if (recall < 1) expected.minBodyRecall = recall;
  }
  writeFileSync(join(GOLDEN, name, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(
    `golden: ${name}: ${input ? `${input.blocks.length} blocks read` : 'not an article'}, ` +
      `${expected.blocks.length} body blocks, ${expected.claims.length} claims`,
  );
  for (const c of outside) console.log(`  claim outside the body (fix the extraction first): ${c}`);
  if (!existsSync(join(GOLDEN, 'NOTICE.md')))
    console.log('  note: test/fixtures/golden/NOTICE.md must name where copied pages come from');
}

await main();
