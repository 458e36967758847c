/**
 * FNC-1 data in memory: bodies, stances, the weighted score exactly as the official scorer defines
 * it, and the label mapping to the product's three stances.
 */

import { parseCsvRecords } from '../util/csv.ts';

export const FNC_LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type FncLabel = (typeof FNC_LABELS)[number];

export interface FncPair {
  headline: string;
  bodyId: string;
  stance?: FncLabel;
}

/** Reads `Body ID,articleBody` CSV text into a map. */
export function parseBodies(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of parseCsvRecords(text)) out.set(r['Body ID'], r.articleBody ?? '');
  return out;
}

/** Reads `Headline,Body ID[,Stance]` CSV text; the Stance column may be absent. */
export function parseStances(text: string): FncPair[] {
  return parseCsvRecords(text).map((r) => {
    const s = r.Stance?.trim();
    return {
      headline: r.Headline,
      bodyId: r['Body ID'],
      ...(s && (FNC_LABELS as readonly string[]).includes(s) ? { stance: s as FncLabel } : {}),
    };
  });
}

/**
 * The FNC-1 weighted score: 0.25 for getting related-vs-unrelated right, a further 0.75 for the
 * exact label of a related pair; returned with the maximum so it can be given as a percentage.
 */
export function fncScore(
  gold: readonly FncLabel[],
  predicted: readonly FncLabel[],
): { score: number; max: number } {
  let score = 0;
  let max = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = predicted[i];
    max += g === 'unrelated' ? 0.25 : 1;
    if ((g === 'unrelated') === (p === 'unrelated')) score += 0.25;
    if (g === p && g !== 'unrelated') score += 0.75;
  }
  return { score, max };
}
