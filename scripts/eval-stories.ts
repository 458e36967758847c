/**
 * Cross-outlet verdicts on real coverage: multi-outlet stories built from the shared FNC-1 and Emergent
 * data and the five seed articles, read through the same pipeline as the CLI (`analyzeCorpus`: one
 * in-memory store per corpus, several stories per corpus so links across stories show), scored at the
 * level of article pairs. Writes reports/stories-eval.json.
 *
 * Usage: npm run eval:stories [-- --data DIR] [--only fnc|emergent|seeds] [--stories N] [--quick]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleInput } from '../src/article/types.ts';
import { analyzeCorpus, type CliArticle, textArticle } from '../src/cli/analyze.ts';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/model/sentence.ts';
import { corpora, cutStories, emergentStories, fncStories, type Story } from './stories/datasets.ts';
import { emptyCounts, scoreCorpus, summarise } from './stories/score.ts';
import { scoreSeeds, seedGold, seedInputs } from './stories/seeds.ts';

const ROOT = resolve(import.meta.dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Reads stories into stores, `size` stories per store, and scores every article pair. */
async function evalStories(stories: Story[], size: number, threshold: number, limit?: number) {
  const counts = emptyCounts();
  let articles = 0;
  let ms = 0;
  const groups = corpora(stories, size);
  for (const group of limit ? groups.slice(0, Math.ceil(limit / size)) : groups) {
    const inputs: { source: string; input: ArticleInput }[] = [];
    for (const story of group)
      for (const a of story.articles) {
        const host = a.id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
        const input = textArticle(a.text, `https://${host}.example/${encodeURIComponent(a.id)}`, host);
        if (input) inputs.push({ source: a.id, input });
      }
    const t0 = performance.now();
    const analysed: CliArticle[] = await analyzeCorpus(inputs, threshold);
    ms += performance.now() - t0;
    articles += inputs.length;
    scoreCorpus(counts, group, analysed, (a) => a.source);
  }
  return {
    stories: groups.reduce((n, g) => n + g.length, 0),
    storiesPerStore: size,
    articles,
    threshold,
    articlesPerSecond: Math.round((articles / ms) * 1000 * 10) / 10,
    ...summarise(counts),
  };
}

async function main(): Promise<void> {
  const dataDir = resolve(arg('--data') ?? join(ROOT, '../shared/data'));
  const only = arg('--only');
  const limit = arg('--stories') ? Number(arg('--stories')) : undefined;
  const report: Record<string, unknown> = {
    about:
      'Article pairs of one story: confirms = same-side pairs linked as confirming; disputes = report-vs-debunk pairs linked as disputing; agreeingWithDispute = same-side pairs with any dispute; linkedInOneStory = linked pairs that are of one story; disputesReportVsDebunk = disputed pairs that are report vs debunk of one story.',
  };
  const want = (name: string) => !only || only === name;
  const haveData = existsSync(join(dataDir, 'fnc-1')) && existsSync(join(dataDir, 'emergent'));
  if (!haveData && (want('fnc') || want('emergent')))
    console.error(`eval:stories: shared data not found in ${dataDir}; scoring the seed articles only.`);
  if (haveData && want('fnc')) {
    // At the default setting (the claims a reader sees highlighted) and at "all" (every sentence a
    // claim): the highlight budget of the default decides which sentences can carry a link.
    for (const split of ['train', 'holdout'] as const)
      for (const threshold of [DEFAULT_CLAIM_THRESHOLD, 0]) {
        const name = threshold ? `fnc1-${split}` : `fnc1-${split}-threshold-0`;
        const result = await evalStories(fncStories(dataDir, split), 20, threshold, limit);
        report[name] = {
          data: `FNC-1 train, ${split} bodies of dev_split, per headline, threshold ${threshold}`,
          ...result,
        };
        print(name, result);
      }
    // Training stories at the size of a held-back one (two reports and a debunk): what the bars for
    // joining a story are chosen on, since a large story links through its many members.
    const small = await evalStories(
      cutStories(fncStories(dataDir, 'train'), 2, 1),
      20,
      DEFAULT_CLAIM_THRESHOLD,
      limit,
    );
    report['fnc1-train-small'] = {
      data: 'FNC-1 train bodies of dev_split, per headline, the first two agree and first disagree bodies only',
      ...small,
    };
    print('fnc1-train-small', small);
  }
  if (haveData && want('emergent')) {
    for (const split of ['train', 'test'] as const) {
      const result = await evalStories(emergentStories(dataDir, split), 40, 0, limit);
      report[`emergent-${split}`] = { data: `Emergent ${split} split, headlines for vs against`, ...result };
      print(`emergent-${split}`, result);
    }
  }
  if (want('seeds')) {
    const everySentence = await analyzeCorpus(seedInputs(), 0);
    for (const threshold of [DEFAULT_CLAIM_THRESHOLD, 0]) {
      const analysed = threshold ? await analyzeCorpus(seedInputs(), threshold) : everySentence;
      const result = { threshold, ...scoreSeeds(analysed, seedGold(), everySentence) };
      report[`seeds-threshold-${threshold}`] = result;
      console.log(
        `seeds (threshold ${threshold}): matching P ${result.matching.precision} R ${result.matching.recall} F1 ${result.matching.f1} (strict F1 ${result.matching.strict.f1}); disputes ${result.disputes.found}/${result.disputes.expected}; unclear ${result.unclear.found}/${result.unclear.expected}; disputes between agreeing statements ${result.disputesBetweenAgreeingStatements}; gold sentences that are claims ${result.claimsOfGold}/${result.goldSentences}`,
      );
      if (result.problems.length) console.log(`  ${result.problems.join('\n  ')}`);
    }
  }
  if (!only && !limit) {
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'reports/stories-eval.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log('-> reports/stories-eval.json');
  }
}

function print(name: string, r: Awaited<ReturnType<typeof evalStories>>): void {
  console.log(
    `${name}: ${r.stories} stories, ${r.articles} articles (${r.articlesPerSecond}/s): confirms ${r.confirms}, disputes ${r.disputes}, agreeing with dispute ${r.agreeingWithDispute}, linked in one story ${r.linkedInOneStory}, disputes report-vs-debunk ${r.disputesReportVsDebunk} | report pairs: confirmed ${r.reportPairsConfirmed} disputed ${r.reportPairsDisputed} | opposed confirmed ${r.opposedConfirmed}, story ids ${r.storyPairsGivenOneStoryId}\n    dispute bases (pairs agreeing/opposed): ${Object.entries(
      r.counts.disputeBases,
    )
      .map(([b, n]) => `${b} ${n.agreeing}/${n.opposed}`)
      .join(', ')} of ${r.counts.agreeing}/${r.counts.opposed}`,
  );
  const p = r.perStory;
  const worst = (list: typeof p.mostUnconfirmed) =>
    list.map((s) => `${s.missed}/${s.of} "${s.headline.slice(0, 48)}"`).join('; ') || 'none';
  console.log(
    `    averaged over stories: confirms ${p.confirms}, disputes ${p.disputes}, agreeing with dispute ${p.agreeingWithDispute}\n    most unconfirmed: ${worst(p.mostUnconfirmed)}\n    most undisputed: ${worst(p.mostUndisputed)}\n    most agreeing pairs with a dispute: ${worst(p.mostAgreeingDisputed)}`,
  );
}

await main();
