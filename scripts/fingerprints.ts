/**
 * What each trained model reads of a text, summed up as one hash per model over committed probe texts
 * (the seed articles and a few sentences that exercise figures, dates and cue words). The training
 * scripts record the hash in scripts/model-fingerprints.json, and a unit test computes it again: a
 * change to code a model reads through (how figures compare, which words refute) fails `npm test`
 * until that model is retrained, so `npm run train` keeps reproducing the committed weights.
 * A tripwire, not a proof: a change that no probe text shows passes unseen.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CharModel } from '../src/claims/chars.ts';
import { charCounts } from '../src/claims/chars.ts';
import { sentenceFeatures } from '../src/claims/features.ts';
import { describeSentence } from '../src/claims/index.ts';
import { type IdfTable, matchFeatures, prepare } from '../src/match/features.ts';
import { roughSentences } from '../src/match/text.ts';
import { parseText } from '../src/nlp/parse.ts';
import { debunkFeatures } from '../src/stance/debunk.ts';
import { prepareBody, stanceFeatures } from '../src/stance/features.ts';

/** The models whose inputs are fingerprinted, each with the script that trains it. */
export const FINGERPRINTED = ['claims', 'match', 'stance', 'debunk'] as const;
export type Fingerprinted = (typeof FINGERPRINTED)[number];

const ROOT = join(import.meta.dirname, '..');
const FILE = join(ROOT, 'scripts', 'model-fingerprints.json');
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');

/**
 * Sentences beyond the seeds for rules the seeds barely touch: approximate and small counts, ages,
 * ranges of days, number words side by side, words that refute in one sense only, and sources.
 */
const PROBES = [
  'Nearly a dozen commercial jetliners went missing from the airport.',
  'Officials said 11 jetliners are unaccounted for at the airport.',
  'A 22-year-old man and another 40-year-old man were arrested, police said.',
  'The first 1,500 were shipped from October 8 to 13, and 300 more from Dec. 16 through 22.',
  'Absent from duty for 25 years, CPWD official dismissed.',
  'The ministry dismissed the reports as a hoax and denied that any troops had been moved.',
  'It turned out the video was staged; there is no evidence the photo was doctored.',
  'Up to 12,000 troops, about 62 acres, at least 3 % and more than $2 million were reported.',
  'Twenty-five nurses helped build two three-bedroom houses after one five-hour meeting.',
  // Sources in the forms the attribution reader tells apart (the claims model reads whether there is one).
  'Reports that the statue was stolen are false, the town council said on Monday.',
  'The bridge will reopen in May, the company said, and investigators said the fire began in the kitchen.',
  'A spokesperson for the agency told reporters that prices rose, according to the annual report.',
];

function seedArticles(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'));
}

function probeSentences(): string[] {
  return [...seedArticles().flatMap((a) => roughSentences(a)), ...PROBES];
}

/**
 * A committed model file as it is on disk now: a training script records its fingerprint right after
 * writing the file, when the copy this process loaded at start is already stale.
 */
function modelFile<T>(name: string): T {
  return JSON.parse(readFileSync(join(ROOT, 'models', name), 'utf8')) as T;
}

/** What the model named reads of the probe texts, as the values its training script computes. */
function readings(model: Fingerprinted): unknown[] {
  const sentences = probeSentences();
  // The paraphrase model's idf table, which the stance features read as well.
  const idf = () => modelFile<{ idf: IdfTable }>('match.json').idf;
  switch (model) {
    case 'claims': {
      const chars = modelFile<{ chars?: CharModel }>('claims.json').chars;
      return sentences.map((text) => {
        const tokens = parseText(text).flatMap((s) => s.tokens);
        const features = sentenceFeatures(text, tokens, describeSentence(text, tokens));
        return chars ? [features, charCounts(text, chars.bits, chars.min, chars.max)] : [features];
      });
    }
    case 'match': {
      const table = idf();
      const prepared = sentences.map(prepare);
      // Each sentence against its neighbour and against one far away: pairs of one story and of none.
      return prepared.flatMap((p, i) => [
        matchFeatures(p, prepared[(i + 1) % prepared.length], table),
        matchFeatures(p, prepared[(i * 7 + 3) % prepared.length], table),
      ]);
    }
    case 'stance': {
      const articles = [...seedArticles(), PROBES.join('\n')];
      const headlines = [...articles.map((a) => a.split('\n')[0]), ...PROBES];
      const table = idf();
      const bodies = articles.map((a) => prepareBody(a, table));
      return headlines.flatMap((h) => bodies.map((b) => stanceFeatures(h, b, table)));
    }
    case 'debunk': {
      const articles = [...seedArticles(), PROBES.join('\n')];
      return [...articles, ...PROBES].map((a) => {
        const [headline, ...body] = a.split('\n');
        return [...debunkFeatures(headline, body)].sort((x, y) => (x[0] < y[0] ? -1 : 1));
      });
    }
  }
}

/** Numbers to six decimals, so the hash does not turn on the last bit of a float. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  return value;
}

/** The fingerprint of what the model named reads, as the code stands now. */
export function fingerprint(model: Fingerprinted): string {
  return createHash('sha256')
    .update(JSON.stringify(rounded(readings(model))))
    .digest('hex')
    .slice(0, 16);
}

/** The fingerprints recorded when each model was last trained. */
export function recordedFingerprints(): Partial<Record<Fingerprinted, string>> {
  return existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
}

/** Records the model's fingerprint as the code stands now: called by its training script. */
export function recordFingerprint(model: Fingerprinted): void {
  const all = { ...recordedFingerprints(), [model]: fingerprint(model) };
  const sorted = Object.fromEntries(FINGERPRINTED.filter((m) => all[m]).map((m) => [m, all[m]]));
  writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
}
