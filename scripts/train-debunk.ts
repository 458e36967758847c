/**
 * Trains the article-level stance model (is an article framed as a debunk of its story?) and writes
 * models/debunk.json. Data: Emergent's train split (headlines for vs against) and FNC-1's training
 * bodies (dev_split training ids) whose side is known through an Emergent headline or through the
 * claims of FNC-1 (`sidedArticles` with `propagate`). The regularisation and the decision thresholds are
 * chosen on five-fold out-of-fold predictions over that data, with all the articles of one claim in one
 * fold (folds that split a claim let its story words pass for framing, and set thresholds that too many
 * reports of an unseen story pass), then the model is fit on all of it. Emergent's test split and FNC-1's hold-out bodies are scored but never
 * used to choose anything. Usage: npm run train:debunk [-- --data DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeSentences } from '../src/claims/index.ts';
import { debunkFeatures } from '../src/stance/debunk.ts';
import { recordFingerprint } from './fingerprints.ts';
import { type SidedArticle, sidedArticles } from './stories/datasets.ts';
import { auc, type LogisticModel, predict, type SparseExample, trainLogistic } from './stories/logistic.ts';

const ROOT = resolve(import.meta.dirname, '..');
/**
 * Most reports must never read as debunks: at most this share of reports may pass the threshold (out of
 * fold). A report read as a debunk disputes every other report of its story, so articles, which carry
 * more words of other people's denials, are held to a stricter share.
 */
const MAX_REPORT_FALSE_POSITIVES = 0.03;
const MAX_ARTICLE_FALSE_POSITIVES = 0.02;
/** Share of debunks (out of fold) that must score above the line below which an article confidently reports. */
const MIN_DEBUNKS_ABOVE_REPORT = 0.85;

function dataDir(): string {
  const i = process.argv.indexOf('--data');
  return resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : join(ROOT, '../shared/data'));
}

/** Features exactly as the pipeline computes them: headline, and the body's sentences as the analyser splits them. */
export function featuresOf(a: SidedArticle, featurize: Featurize = debunkFeatures): Map<string, number> {
  return featurize(a.headline, sentencesOf(a));
}

/** How features are computed from a headline and body sentences (the product's, or a variant under test). */
export type Featurize = (headline: string, body: readonly string[]) => Map<string, number>;

const split = new Map<string, string[]>();

/** The body's sentences as the analyser splits them (kept: variants of the features reuse them). */
function sentencesOf(a: SidedArticle): string[] {
  let out = split.get(a.body);
  if (!out) {
    const blocks = a.body
      .split('\n')
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text }));
    out = blocks.length ? analyzeSentences(blocks).map((s) => s.text) : [];
    split.set(a.body, out);
  }
  return out;
}

function examples(articles: readonly SidedArticle[], featurize?: Featurize): SparseExample[] {
  // Emergent headlines outnumber FNC-1 bodies; both kinds of article weigh the same in the loss.
  const n = { emergent: 0, 'fnc-1': 0 };
  for (const a of articles) n[a.source]++;
  return articles.map((a) => ({
    features: featuresOf(a, featurize),
    label: a.debunks ? 1 : 0,
    weight: articles.length / (2 * Math.max(1, n[a.source])),
  }));
}

/** The lowest threshold at which at most `maxFalse` of the reports pass. */
function chooseThreshold(scores: number[], labels: number[], maxFalse: number): number {
  const reports = scores.filter((_, i) => labels[i] === 0).sort((a, b) => b - a);
  const allowed = Math.floor(reports.length * maxFalse);
  return Math.round(((reports[allowed] ?? 0.5) + 1e-4) * 1e4) / 1e4;
}

function score(
  model: LogisticModel,
  thresholds: { headline: number; article: number },
  data: SparseExample[],
) {
  const scores = data.map((e) => predict(model, e.features));
  const threshold = (i: number) =>
    data[i].features.has('#headline-only') ? thresholds.headline : thresholds.article;
  const labels = data.map((e) => e.label);
  const tp = scores.filter((s, i) => s >= threshold(i) && labels[i] === 1).length;
  const fp = scores.filter((s, i) => s >= threshold(i) && labels[i] === 0).length;
  const pos = labels.filter((l) => l === 1).length;
  return {
    articles: data.length,
    debunks: pos,
    auc: Math.round(auc(scores, labels) * 1000) / 1000,
    precision: tp + fp ? Math.round((tp / (tp + fp)) * 1000) / 1000 : null,
    recall: pos ? Math.round((tp / pos) * 1000) / 1000 : null,
    reportsPassing: Math.round((fp / (data.length - pos)) * 1000) / 1000,
  };
}

/** Predictions for every example from a model that did not see it (five folds by hash of `ids`: equal ids share a fold). */
function outOfFold(data: SparseExample[], ids: string[], l2: number): number[] {
  const fold = ids.map((id) => createHash('sha1').update(id).digest()[0] % 5);
  const out = new Array<number>(data.length).fill(0);
  for (let k = 0; k < 5; k++) {
    const model = trainLogistic(
      data.filter((_, i) => fold[i] !== k),
      { ...BASE, l2 },
    );
    data.forEach((e, i) => {
      if (fold[i] === k) out[i] = predict(model, e.features);
    });
  }
  return out;
}

const BASE = { epochs: 300, rate: 0.5, minCount: 3 };

/** Training options, for comparing variants (scripts and experiments); the defaults are what ships. */
export interface DebunkTraining {
  /** Orient more FNC-1 training bodies through their claims (`sidedArticles`). */
  propagate: boolean;
  /** Out-of-fold folds by article, or by claim (a claim's articles in one fold, as an unseen story). */
  foldBy: 'article' | 'claim';
  /** Regularisation strengths to choose from (out of fold, by AUC). */
  l2s: number[];
}

export const SHIPPED: DebunkTraining = { propagate: true, foldBy: 'claim', l2s: [3e-4, 1e-3, 3e-3, 1e-2] };

/** Fits the model and scores it out of fold and on the held-out sets, writing nothing. */
export function trainDebunk(dir: string, training: DebunkTraining = SHIPPED, featurize?: Featurize) {
  const articles = sidedArticles(dir, 'train', 'train', { propagate: training.propagate });
  const ids = articles.map((a) => (training.foldBy === 'claim' ? `claim:${a.claim}` : a.id));
  const data = examples(articles, featurize);
  const labels = data.map((e) => e.label);
  // Regularisation and thresholds are chosen on out-of-fold predictions; the model is then fit on all.
  let best = { l2: 0, auc: -1, scores: [] as number[] };
  for (const l2 of training.l2s) {
    const scores = outOfFold(data, ids, l2);
    const a = auc(scores, labels);
    if (a > best.auc) best = { l2, auc: a, scores };
  }
  // A headline alone and a whole article carry different amounts of evidence: one threshold each.
  const kind = (e: SparseExample) => (e.features.has('#headline-only') ? 'headline' : 'article');
  const thresholdFor = (k: string, maxFalse: number) => {
    const at = data.map((e, i) => (kind(e) === k ? i : -1)).filter((i) => i >= 0);
    return chooseThreshold(
      at.map((i) => best.scores[i]),
      at.map((i) => labels[i]),
      maxFalse,
    );
  };
  const threshold = {
    headline: thresholdFor('headline', MAX_REPORT_FALSE_POSITIVES),
    article: thresholdFor('article', MAX_ARTICLE_FALSE_POSITIVES),
  };
  // Below this an article confidently reports: most debunks (out of fold) score above it. Between the two
  // thresholds an article takes no side, so a missed debunk does not dispute a debunk that was caught.
  const reportFor = (k: string) => {
    const at = data
      .map((e, i) => (kind(e) === k && labels[i] === 1 ? best.scores[i] : -1))
      .filter((x) => x >= 0);
    at.sort((a, b) => a - b);
    return Math.round((at[Math.floor(at.length * (1 - MIN_DEBUNKS_ABOVE_REPORT))] ?? 0) * 1e4) / 1e4;
  };
  // Never above the debunk threshold: when the model separates the two sides well, the band is empty.
  const reportBelow = {
    headline: Math.min(reportFor('headline'), threshold.headline),
    article: Math.min(reportFor('article'), threshold.article),
  };
  const model = trainLogistic(data, { ...BASE, l2: best.l2 });
  const out = {
    version: 1,
    trainedOn:
      'Emergent train split (headlines for vs against) + FNC-1 training bodies of known side; l2 and thresholds from 5-fold out-of-fold predictions, folds by claim',
    l2: best.l2,
    threshold,
    reportBelow,
    ...model,
  };
  const heldOut = (e: 'train' | 'test', f: 'train' | 'holdout') =>
    examples(
      sidedArticles(dir, e, f).filter((a) => (e === 'test' ? a.source === 'emergent' : a.source === 'fnc-1')),
      featurize,
    );
  const oof = (k: string) => {
    const at = data.map((e, i) => (kind(e) === k ? i : -1)).filter((i) => i >= 0);
    const t = threshold[k as 'headline' | 'article'];
    const pos = at.filter((i) => labels[i] === 1);
    const neg = at.filter((i) => labels[i] === 0);
    return {
      articles: at.length,
      auc:
        Math.round(
          auc(
            at.map((i) => best.scores[i]),
            at.map((i) => labels[i]),
          ) * 1000,
        ) / 1000,
      recall: Math.round((pos.filter((i) => best.scores[i] >= t).length / pos.length) * 1000) / 1000,
      reportsPassing: Math.round((neg.filter((i) => best.scores[i] >= t).length / neg.length) * 1000) / 1000,
    };
  };
  const report = {
    dataset:
      'out-of-fold (five folds by claim): Emergent train split and FNC-1 training bodies; held out: Emergent test split, FNC-1 hold-out bodies',
    threshold,
    reportBelow,
    features: Object.keys(model.weights).length,
    outOfFold: { headline: oof('headline'), article: oof('article') },
    l2: best.l2,
    emergentTest: score(model, threshold, heldOut('test', 'train')),
    fncHoldout: score(model, threshold, heldOut('train', 'holdout')),
  };
  return { model: out, report, articles, outOfFold: best.scores };
}

function main(): void {
  const dir = dataDir();
  if (!existsSync(join(dir, 'emergent')) || !existsSync(join(dir, 'fnc-1'))) {
    console.error(`train:debunk: Emergent and FNC-1 not found in ${dir}. Pass --data DIR.`);
    process.exit(2);
  }
  const { model, report } = trainDebunk(dir);
  writeFileSync(join(ROOT, 'models/debunk.json'), `${JSON.stringify(model)}\n`);
  recordFingerprint('debunk');
  const text = JSON.stringify(report, null, 1);
  writeFileSync(join(ROOT, 'reports/debunk-eval.json'), `${text}\n`);
  console.log(text, '\n-> models/debunk.json, reports/debunk-eval.json');
}

if (process.argv[1]?.endsWith('train-debunk.ts')) main();
