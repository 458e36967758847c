/**
 * How another outlet's sentence stands toward a claim. These three words are what the reader sees.
 */
export type Stance = 'confirms' | 'disputes' | 'unclear';

export const STANCES: readonly Stance[] = ['disputes', 'confirms', 'unclear'];

/**
 * Why a stance was given, so the reader can be told:
 * - `same-fact`: the other sentence states the same fact (a confirmation; or, its outlet saying at once
 *   that it could not verify it, a "cannot confirm");
 * - `numbers`: it gives a conflicting number, day or time for the same quantity or event, or another
 *   speaker of the same quoted words;
 * - `denial`: it denies or dismisses what the claim says;
 * - `debunk`: the other article as a whole is framed as "this story is false", and this is its sentence
 *   most about the claim;
 * - `cannot-confirm`: its speaker says they cannot confirm what the claim says.
 */
export type StanceBasis = 'same-fact' | 'numbers' | 'denial' | 'debunk' | 'cannot-confirm';

export const STANCE_BASES: readonly StanceBasis[] = [
  'same-fact',
  'numbers',
  'denial',
  'debunk',
  'cannot-confirm',
];

/** Why a stance was given, when the reason is worth showing ("numbers differ: 10,000 vs 11,000"). */
export interface StanceDetail {
  stance: Stance;
  /** Confidence in 0..1. */
  score: number;
  basis: StanceBasis;
  /** Set when the two sentences give conflicting numbers, days, times or speakers: ours and theirs. */
  numberConflict?: { ours: string; theirs: string };
}

/** A claim's overall cross-outlet status, as highlights and lists mark it. */
export type StatusClass = 'claim' | 'confirmed' | 'disputed' | 'unclear' | 'mixed';

/**
 * The overall status from how many other outlets take each stance: both confirmations and disputes
 * make it mixed, disputes alone disputed, confirmations alone confirmed; `claim` when no other outlet
 * spoke to it.
 */
export function statusOf(counts: Readonly<Record<Stance, number>>): StatusClass {
  if (counts.disputes && counts.confirms) return 'mixed';
  if (counts.disputes) return 'disputed';
  if (counts.confirms) return 'confirmed';
  if (counts.unclear) return 'unclear';
  return 'claim';
}
