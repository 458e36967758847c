/**
 * The seed articles against the gold file written by reading them (test/fixtures/seeds-gold.json):
 * claim-to-claim matching precision, recall and F1 (same fact, confirmed across outlets), and whether
 * the disputes and "cannot confirm"s a careful reader finds are there, with no dispute between two
 * statements of one fact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ArticleInput } from '../../src/article/types.ts';
import type { CliArticle } from '../../src/cli/analyze.ts';
import { textArticle } from '../../src/cli/analyze.ts';

type Ref = [file: string, text: string];

export interface SeedGold {
  facts: { id: string; sentences: Ref[] }[];
  disputes: { by: Ref; facts: string[]; kind: string }[];
  unclear: { by: Ref; facts: string[] }[];
}

export const SEED_DIR = new URL('../../test/fixtures/seeds/', import.meta.url);

/** The seed articles as the CLI reads them (one outlet per file). */
export function seedInputs(): { source: string; input: ArticleInput }[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const input = textArticle(
        readFileSync(new URL(f, SEED_DIR), 'utf8'),
        `https://seed-${f.slice(0, 3)}.example/${f}`,
        `seed-${f.slice(0, 3)}`,
      );
      if (!input) throw new Error(`seed ${f} is empty`);
      return { source: f, input };
    });
}

export function seedGold(): SeedGold {
  return JSON.parse(
    readFileSync(new URL('../../test/fixtures/seeds-gold.json', import.meta.url), 'utf8'),
  ) as SeedGold;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Scores one analysis of the seeds. `everySentence` is the same corpus analysed with every sentence a
 * claim (threshold 0), which names the gold sentences; the analysis scored lists links only from its
 * claims, so a pair of which neither side is a claim at its threshold counts as missed.
 */
export function scoreSeeds(
  analysed: readonly CliArticle[],
  gold: SeedGold,
  everySentence: readonly CliArticle[],
) {
  const fileOf = (a: CliArticle) => a.source.replace(/^.*\//, '').slice(0, 3);
  const sentenceId = new Map<string, string>();
  const problems: string[] = [];
  const resolve = ([file, text]: Ref): string | undefined => {
    const k = `${file}:${text}`;
    if (sentenceId.has(k)) return sentenceId.get(k);
    const article = everySentence.find((a) => fileOf(a) === file);
    const sentence = article?.claims.find((c) => squash(c.text).includes(squash(text)));
    if (!sentence) problems.push(`no such sentence: ${file} "${text}"`);
    else sentenceId.set(k, sentence.id);
    return sentence?.id;
  };
  const fileOfClaim = new Map<string, string>();
  for (const a of everySentence) for (const c of a.claims) fileOfClaim.set(c.id, fileOf(a));
  const claims = new Set(analysed.flatMap((a) => a.claims.map((c) => c.id)));
  const stances = new Map<string, Set<string>>();
  for (const a of analysed)
    for (const c of a.claims)
      for (const l of c.links) {
        const k = key(c.id, l.claimId);
        const set = stances.get(k) ?? new Set<string>();
        set.add(l.stance);
        stances.set(k, set);
      }
  const members = new Map<string, string[]>();
  const judged = new Set<string>();
  const goldPairs = new Set<string>();
  for (const fact of gold.facts) {
    const ids = fact.sentences.map(resolve).filter((x): x is string => !!x);
    members.set(fact.id, ids);
    for (const id of ids) judged.add(id);
    for (let i = 0; i < fact.sentences.length; i++)
      for (let j = i + 1; j < fact.sentences.length; j++) {
        if (fact.sentences[i][0] === fact.sentences[j][0]) continue;
        const a = resolve(fact.sentences[i]);
        const b = resolve(fact.sentences[j]);
        goldPairs.add(a && b ? key(a, b) : `missing:${fact.id}:${i}:${j}`);
      }
  }
  const confirmed = [...stances].filter(([, s]) => s.has('confirms')).map(([k]) => k);
  const predicted = confirmed.filter((k) => k.split('|').every((id) => judged.has(id)));
  const predictedStrict = confirmed.filter((k) => k.split('|').some((id) => judged.has(id)));
  const tp = predicted.filter((k) => goldPairs.has(k)).length;
  const tpStrict = predictedStrict.filter((k) => goldPairs.has(k)).length;
  const prf = (hits: number, p: number, g: number) => {
    const precision = p ? hits / p : 0;
    const recall = g ? hits / g : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision: round(precision), recall: round(recall), f1: round(f1) };
  };
  const expected = (list: { by: Ref; facts: string[] }[], stance: string) => {
    let want = 0;
    let found = 0;
    const missed: string[] = [];
    for (const d of list) {
      const by = resolve(d.by);
      for (const f of d.facts)
        for (const m of members.get(f) ?? []) {
          if (fileOfClaim.get(m) === d.by[0]) continue;
          want++;
          if (by && stances.get(key(by, m))?.has(stance)) found++;
          else missed.push(`${d.by[0]} "${d.by[1]}" -> ${f} (${fileOfClaim.get(m)})`);
        }
    }
    return { expected: want, found, recall: want ? round(found / want) : null, missed };
  };
  let agreeingDisputes = 0;
  for (const ids of members.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        if (stances.get(key(ids[i], ids[j]))?.has('disputes')) agreeingDisputes++;
  return {
    matching: {
      ...prf(tp, predicted.length, goldPairs.size),
      goldPairs: goldPairs.size,
      predictedPairs: predicted.length,
      strict: prf(tpStrict, predictedStrict.length, goldPairs.size),
    },
    disputes: expected(gold.disputes, 'disputes'),
    unclear: expected(gold.unclear, 'unclear'),
    disputesBetweenAgreeingStatements: agreeingDisputes,
    claimsOfGold: [...new Set(sentenceId.values())].filter((id) => claims.has(id)).length,
    goldSentences: new Set(sentenceId.values()).size,
    problems: [...new Set(problems)],
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
