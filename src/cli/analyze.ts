/**
 * `claimlens analyze`: reads .txt and .html articles and feeds (./inputs.ts), runs every one through the same ingest
 * pipeline as the extension (on an in-memory IndexedDB), and reports each article's claims with the
 * links other files' outlets gave them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { exportCorpus, serializeAnnotationDocument } from '../annotations/export.ts';
import type { ArticleInput } from '../article/types.ts';
import { DEFAULT_CLAIM_THRESHOLD, selectClaims } from '../model/sentence.ts';
import type { Stance, StanceBasis } from '../model/stance.ts';
import type { ArticleSide } from '../model/story.ts';
import { ingestArticle } from '../pipeline/ingest.ts';
import { allArticles, getArticle } from '../store/articles.ts';
import { ClaimLensDB, discardStore } from '../store/db.ts';
import { allLinks, linksOfArticle } from '../store/links.ts';
import { allProfiles } from '../store/profiles.ts';
import type { SentenceRecord } from '../store/schema.ts';
import { allSentences } from '../store/sentences.ts';
import { type IndependentSource, independentSources, originOf } from '../story/independence.ts';
import { wantsHelp } from './args.ts';
import { readInputs } from './inputs.ts';
import type { Io } from './main.ts';

export { htmlArticle, textArticle } from './inputs.ts';

export interface CliLink {
  /** The other article, and its sentence that stands toward the claim (a claim itself or not). */
  articleId: string;
  claimId: string;
  stance: Stance;
  score: number;
  /** Why: the same fact, conflicting numbers, a denial, an article-level debunk, or "cannot confirm". */
  basis?: StanceBasis;
  /** The other outlet's sentence, as written: the evidence for the verdict. */
  quote: string;
  /** Whom the other outlet attributes the fact to, as written, when it does. */
  origin?: string;
  numberConflict?: { ours: string; theirs: string };
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
  /**
   * Whether the page shows it highlighted. A claim that is not is a statement other outlets confirm,
   * dispute or cannot confirm (`isCoveredStatement`), listed with its verdict but not highlighted.
   */
  highlighted: boolean;
  links: CliLink[];
  /** The confirmations with copies and shared origins collapsed: one entry per independent source. */
  independentSources: IndependentSource[];
}

export interface CliArticle {
  id: string;
  source: string;
  outlet: string;
  /** The story the article was grouped into (the id of the article that began it). */
  storyId: string;
  /** Probability that the article is framed as a debunk of its story, and the side it takes on the story. */
  debunk: number;
  side: ArticleSide;
  /** The id of the article this one republishes or rewrites, when it does. */
  copyOf?: string;
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

const ANALYZE_USAGE =
  'Usage: claimlens analyze FILE|DIR... [--json] [--outlets map.json] [--threshold N] [--export FILE]';

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
  if (wantsHelp(args)) {
    io.out(`${ANALYZE_USAGE}\n`);
    return 0;
  }
  const opts = parseAnalyzeArgs(args);
  if (typeof opts === 'string') {
    io.err(`claimlens analyze: ${opts}\n${ANALYZE_USAGE}\n`);
    return 2;
  }
  let outlets: Record<string, string> = {};
  try {
    if (opts.outlets) outlets = JSON.parse(await readFile(opts.outlets, 'utf8')) as Record<string, string>;
  } catch (error) {
    io.err(`claimlens analyze: ${(error as Error).message}\n`);
    return 1;
  }
  const { inputs, errors, notes } = await readInputs(opts.paths, outlets);
  for (const line of [...notes, ...errors]) io.err(`claimlens analyze: ${line}\n`);
  if (!inputs.length) {
    if (!errors.length) io.err('claimlens analyze: no articles found (.txt, .html or feed files)\n');
    return 1;
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
  // Inputs that could not be read were named above; the others are analysed all the same.
  return errors.length ? 1 : 0;
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
    const sentences = await allSentences(db);
    const sentenceById = new Map(sentences.map((s) => [s.id, s]));
    const profiles = new Map((await allProfiles(db)).map((p) => [p.articleId, p]));
    const outletOf = new Map((await allArticles(db)).map((a) => [a.id, a.outlet]));
    // Every prose sentence is stored with its score; the reading rule picks each article's claims: the
    // highlighted ones, and the statements other outlets speak to (listed, not highlighted).
    const spokenTo = new Set((await allLinks(db)).map((l) => l.sentenceId));
    const highlighted = new Set([...selectClaims(sentences, threshold)].map((s) => s.id));
    const claimIds = new Set(
      [...selectClaims(sentences, threshold, (s) => spokenTo.has(s.id))].map((s) => s.id),
    );
    const out: CliArticle[] = [];
    const done = new Set<string>();
    for (const { source, id } of ids) {
      if (done.has(id)) continue;
      done.add(id);
      const article = await getArticle(db, id);
      if (!article) continue;
      const own = sentences.filter((s) => s.articleId === id).sort((a, b) => a.index - b.index);
      const links = await linksOfArticle(db, id);
      const bySentence = new Map<string, CliLink[]>();
      for (const l of links) {
        const other = sentenceById.get(l.otherSentenceId);
        if (!other) continue;
        const list = bySentence.get(l.sentenceId) ?? [];
        const { origin } = originOf(other.attribution);
        list.push({
          articleId: l.otherArticleId,
          claimId: l.otherSentenceId,
          stance: l.stance,
          score: round(l.score),
          ...(l.basis ? { basis: l.basis } : {}),
          quote: other.text,
          ...(origin ? { origin } : {}),
          ...(l.numberConflict ? { numberConflict: l.numberConflict } : {}),
        });
        bySentence.set(l.sentenceId, list);
      }
      const sourcesOf = (claimLinks: readonly CliLink[]) =>
        independentSources(
          claimLinks
            .filter((l) => l.stance === 'confirms')
            .map((l) => {
              const other = sentenceById.get(l.claimId);
              const copyOf = profiles.get(l.articleId)?.copyOf;
              return {
                outlet: outletOf.get(l.articleId) ?? l.articleId,
                articleId: l.articleId,
                ...(copyOf ? { copyOf } : {}),
                ...originOf(other?.attribution),
              };
            }),
          { articleId: id, copyOf: profiles.get(id)?.copyOf },
        );
      const profile = profiles.get(id);
      out.push({
        id,
        source,
        outlet: article.outlet,
        storyId: profile?.storyId ?? id,
        debunk: profile?.debunk ?? 0,
        side: profile?.side ?? 'unsure',
        ...(profile?.copyOf ? { copyOf: profile.copyOf } : {}),
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
            highlighted: highlighted.has(s.id),
            links: (bySentence.get(s.id) ?? []).sort((a, b) => b.score - a.score),
            independentSources: sourcesOf(bySentence.get(s.id) ?? []),
          })),
      });
    }
    if (withStore) await withStore(db);
    return out;
  } finally {
    await discardStore(db).catch(() => undefined);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The readable report: per article, its claims with source and the other outlets' stances. */
export function summary(articles: readonly CliArticle[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const lines: string[] = [];
  for (const a of articles) {
    const copied = a.copyOf ? byId.get(a.copyOf) : undefined;
    const notes = [
      ...(copied ? [`a copy of ${copied.outlet}`] : []),
      ...(a.side === 'debunk' ? ['reports this story as false'] : []),
    ];
    lines.push(
      `${a.outlet} — ${a.title}${notes.length ? ` (${notes.join('; ')})` : ''}`,
      `  ${a.source}: ${a.claims.length} claims`,
    );
    for (const c of a.claims) {
      const who = c.attribution
        ? `${c.attribution.source}${c.attribution.role ? ` (${c.attribution.role})` : ''} ${c.attribution.verb}: `
        : '';
      lines.push(`  [${c.score.toFixed(2)}]${c.highlighted ? '' : ' (not highlighted)'} ${who}${c.text}`);
      for (const l of c.links) {
        const other = byId.get(l.articleId)?.outlet ?? l.articleId;
        lines.push(`      ${l.stance} (${l.score.toFixed(2)}) ${other}: ${clip(l.quote, 100)}`);
      }
      // How many sources the confirmations come down to, when copies or a shared origin make them fewer.
      const confirming = new Set(c.links.filter((l) => l.stance === 'confirms').map((l) => l.articleId)).size;
      if (c.independentSources.length && c.independentSources.length < confirming)
        lines.push(
          `      ${confirming} outlets confirm, ${c.independentSources.length} independent: ${c.independentSources
            .map(sourceLine)
            .join('; ')}`,
        );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** An independent source as the summary names it: who, and the outlets that carry it when not itself. */
function sourceLine(x: IndependentSource): string {
  const via = x.outlets.filter((o) => o !== x.name);
  const parts = [...(via.length ? [`via ${via.join(', ')}`] : []), ...x.copies.map((o) => `copy: ${o}`)];
  return parts.length ? `${x.name} (${parts.join('; ')})` : x.name;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
