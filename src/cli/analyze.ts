/**
 * `claimlens analyze`: reads .txt and .html articles, runs every one through the same ingest
 * pipeline as the extension (on an in-memory IndexedDB), and reports each article's claims with the
 * links other files' outlets gave them.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { exportCorpus, serializeAnnotationDocument } from '../annotations/export.ts';
import type { ArticleInput } from '../article/types.ts';
import { DEFAULT_CLAIM_THRESHOLD, selectClaims } from '../model/sentence.ts';
import type { Stance } from '../model/stance.ts';
import { ingestArticle } from '../pipeline/ingest.ts';
import { ClaimLensDB } from '../store/db.ts';
import type { SentenceRecord } from '../store/schema.ts';
import type { Io } from './main.ts';

export interface CliLink {
  articleId: string;
  claimId: string;
  stance: Stance;
  score: number;
}

export interface CliClaim {
  id: string;
  text: string;
  start: number;
  end: number;
  score: number;
  attribution: SentenceRecord['attribution'];
  numbers: SentenceRecord['numbers'];
  entities: SentenceRecord['entities'];
  dates: SentenceRecord['dates'];
  hedges: SentenceRecord['hedges'];
  links: CliLink[];
}

export interface CliArticle {
  id: string;
  source: string;
  outlet: string;
  title: string;
  text: string;
  claims: CliClaim[];
}

export interface AnalyzeOptions {
  paths: string[];
  json: boolean;
  outlets?: string;
  threshold: number;
  /** Also write the analysed corpus as a W3C annotation document (the extension's export format). */
  exportTo?: string;
}

const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** Parses `analyze` arguments; returns an error message for bad usage. */
export function parseAnalyzeArgs(args: string[]): AnalyzeOptions | string {
  const opts: AnalyzeOptions = { paths: [], json: false, threshold: DEFAULT_CLAIM_THRESHOLD };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') opts.json = true;
    else if (a === '--outlets') {
      if (!args[i + 1]) return '--outlets needs a JSON file';
      opts.outlets = args[++i];
    } else if (a === '--export') {
      if (!args[i + 1]) return '--export needs a file name';
      opts.exportTo = args[++i];
    } else if (a === '--threshold') {
      const t = Number(args[++i]);
      if (!Number.isFinite(t) || t < 0 || t > 1) return '--threshold needs a number between 0 and 1';
      opts.threshold = t;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else opts.paths.push(a);
  }
  if (!opts.paths.length) return 'no FILE or DIR given';
  return opts;
}

/** Entry point of `claimlens analyze`; returns the exit code. */
export async function runAnalyze(args: string[], io: Io): Promise<number> {
  const opts = parseAnalyzeArgs(args);
  if (typeof opts === 'string') {
    io.err(
      `claimlens analyze: ${opts}\nUsage: claimlens analyze FILE|DIR... [--json] [--outlets map.json] [--threshold N] [--export FILE]\n`,
    );
    return 2;
  }
  let files: string[];
  let outlets: Record<string, string> = {};
  try {
    files = await collectFiles(opts.paths);
    if (opts.outlets) outlets = JSON.parse(await readFile(opts.outlets, 'utf8')) as Record<string, string>;
  } catch (error) {
    io.err(`claimlens analyze: ${(error as Error).message}\n`);
    return 1;
  }
  if (!files.length) {
    io.err('claimlens analyze: no .txt or .html files found\n');
    return 1;
  }
  const inputs: { source: string; input: ArticleInput }[] = [];
  for (const file of files) {
    const input = await readArticle(file, outlets);
    if (input) inputs.push({ source: file, input });
    else io.err(`claimlens analyze: ${file}: not an article, skipped\n`);
  }
  const exportTo = opts.exportTo;
  const articles = await analyzeCorpus(
    inputs,
    opts.threshold,
    exportTo
      ? async (db) => {
          const doc = await exportCorpus(db, opts.threshold);
          await writeFile(exportTo, serializeAnnotationDocument(doc));
          io.err(`claimlens analyze: wrote ${doc.total} claims to ${exportTo}\n`);
        }
      : undefined,
  );
  if (opts.json) io.out(`${JSON.stringify({ articles }, null, 2)}\n`);
  else io.out(summary(articles));
  return 0;
}

/**
 * Ingests the articles in order into a fresh in-memory store, exactly as the background does when
 * the reader opens them one after another, and reads back claims and links.
 */
export async function analyzeCorpus(
  inputs: readonly { source: string; input: ArticleInput }[],
  threshold = DEFAULT_CLAIM_THRESHOLD,
  /** Runs on the filled store before it is discarded (the `--export` writer). */
  withStore?: (db: ClaimLensDB) => Promise<void>,
): Promise<CliArticle[]> {
  const db = new ClaimLensDB(`claimlens-cli-${Date.now()}-${Math.random().toString(36).slice(2)}`, {
    indexedDB,
    IDBKeyRange,
  });
  try {
    const ids: { source: string; id: string }[] = [];
    let now = Date.now();
    for (const { source, input } of inputs) {
      const result = await ingestArticle(db, input, now++);
      ids.push({ source, id: result.articleId });
    }
    const sentences = await db.sentences.toArray();
    // Every prose sentence is stored with its score; the reading rule picks each article's claims.
    const claimIds = new Set([...selectClaims(sentences, threshold)].map((s) => s.id));
    const out: CliArticle[] = [];
    const done = new Set<string>();
    for (const { source, id } of ids) {
      if (done.has(id)) continue;
      done.add(id);
      const article = await db.articles.get(id);
      if (!article) continue;
      const own = sentences.filter((s) => s.articleId === id).sort((a, b) => a.index - b.index);
      const links = await db.links.where('articleId').equals(id).toArray();
      const bySentence = new Map<string, CliLink[]>();
      for (const l of links) {
        if (!claimIds.has(l.otherSentenceId)) continue;
        const list = bySentence.get(l.sentenceId) ?? [];
        list.push({
          articleId: l.otherArticleId,
          claimId: l.otherSentenceId,
          stance: l.stance,
          score: round(l.score),
        });
        bySentence.set(l.sentenceId, list);
      }
      out.push({
        id,
        source,
        outlet: article.outlet,
        title: article.title,
        text: article.text,
        claims: own
          .filter((s) => claimIds.has(s.id))
          .map((s) => ({
            id: s.id,
            text: s.text,
            start: s.start,
            end: s.end,
            score: round(s.score),
            attribution: s.attribution,
            numbers: s.numbers,
            entities: s.entities,
            dates: s.dates,
            hedges: s.hedges,
            links: (bySentence.get(s.id) ?? []).sort((a, b) => b.score - a.score),
          })),
      });
    }
    if (withStore) await withStore(db);
    return out;
  } finally {
    db.close();
    await db.delete().catch(() => undefined);
  }
}

async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new Error(`${p}: no such file or directory`);
    if (info.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      out.push(
        ...(await collectFiles(
          entries
            .filter((e) => e.isDirectory() || ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase()))
            .map((e) => join(p, e.name)),
        )),
      );
    } else if (ARTICLE_EXTENSIONS.has(extname(p).toLowerCase())) out.push(p);
  }
  return out;
}

function outletFor(file: string, outlets: Record<string, string>): string | undefined {
  const base = basename(file);
  return outlets[file] ?? outlets[resolve(file)] ?? outlets[base] ?? outlets[base.replace(/\.[^.]+$/, '')];
}

/** A .txt article is one paragraph per non-empty line, the first being the headline. */
export function textArticle(text: string, url: string, outlet: string): ArticleInput | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return null;
  return {
    url,
    outlet,
    title: lines[0].slice(0, 1000),
    blocks: lines.map((l) => ({ kind: 'paragraph', text: l })),
  };
}

async function readArticle(file: string, outlets: Record<string, string>): Promise<ArticleInput | null> {
  const raw = await readFile(file, 'utf8');
  const fileUrl = pathToFileURL(resolve(file)).href;
  const mapped = outletFor(file, outlets);
  if (extname(file).toLowerCase() === '.txt') {
    return textArticle(raw, fileUrl, mapped ?? basename(file).replace(/\.[^.]+$/, ''));
  }
  const input = await htmlArticle(raw, fileUrl);
  if (!input) return null;
  // A saved page without a site name or canonical URL has no host: name it after the file.
  const outlet =
    mapped ?? (input.outlet.startsWith('file:') ? basename(file).replace(/\.[^.]+$/, '') : input.outlet);
  return { ...input, outlet };
}

/**
 * An HTML page through the extension's own extractor, parsed with happy-dom. The page's canonical
 * URL (when it states one) is used, so the outlet is its host as in the browser.
 */
export async function htmlArticle(html: string, fileUrl: string): Promise<ArticleInput | null> {
  const { Window } = await import('happy-dom');
  const { extractArticle } = await import('../extract/index.ts');
  const canonical =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1];
  const url = canonical && /^https?:\/\//.test(canonical) ? canonical : fileUrl;
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  try {
    window.document.write(forHappyDom(html));
    return extractArticle(window.document as unknown as Document, url);
  } finally {
    await window.happyDOM.close();
  }
}

/**
 * The page as a browser would build it, where happy-dom's parser would not:
 * - a `<body>` start tag where there is none: a browser ends the head at the first element that
 *   cannot be in it and opens the body there, tags or no tags; happy-dom keeps everything after an
 *   unclosed `<head>` in the head, leaving the body empty. `<body>` goes before that element (with a
 *   `</head>` when the page never closes its head);
 * - no `<style>` elements: happy-dom swallows everything after a `<style>` inside an `<svg>` (an icon
 *   sprite at the top of the page empties it). Style sheets are not read in the CLI anyway.
 */
export function forHappyDom(html: string): string {
  return withBody(html.replace(STYLE_ELEMENT, ''));
}

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const head = /<\/head\s*>/i.exec(html);
  // The first start tag of an element that cannot sit in a head, skipping the content of scripts,
  // styles and titles (their text may hold anything).
  const tag =
    /<(script|style|title|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<([a-zA-Z][\w-]*)/g;
  tag.lastIndex = head ? head.index + head[0].length : 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name || HEAD_TAGS.has(name)) continue;
    const close = !head && /<head[\s>]/i.test(html) ? '</head>' : '';
    return `${html.slice(0, m.index)}${close}<body>${html.slice(m.index)}`;
  }
  return html;
}

/** Elements a head may hold (and the two that hold it). */
const HEAD_TAGS = new Set([
  'html',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'script',
  'style',
  'noscript',
  'template',
]);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The readable report: per article, its claims with source and the other outlets' stances. */
export function summary(articles: readonly CliArticle[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const claimText = new Map(articles.flatMap((a) => a.claims.map((c) => [c.id, c.text] as const)));
  const lines: string[] = [];
  for (const a of articles) {
    lines.push(`${a.outlet} — ${a.title}`, `  ${a.source}: ${a.claims.length} claims`);
    for (const c of a.claims) {
      const who = c.attribution
        ? `${c.attribution.source}${c.attribution.role ? ` (${c.attribution.role})` : ''} ${c.attribution.verb}: `
        : '';
      lines.push(`  [${c.score.toFixed(2)}] ${who}${c.text}`);
      for (const l of c.links) {
        const other = byId.get(l.articleId)?.outlet ?? l.articleId;
        lines.push(
          `      ${l.stance} (${l.score.toFixed(2)}) ${other}: ${clip(claimText.get(l.claimId) ?? '', 100)}`,
        );
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
