/**
 * How another outlet's sentence stands toward a claim. These three words are what the reader sees.
 */
export type Stance = 'confirms' | 'disputes' | 'unclear';

export const STANCES: readonly Stance[] = ['disputes', 'confirms', 'unclear'];

/** Why a stance was given, when the reason is worth showing ("numbers differ: 10,000 vs 11,000"). */
export interface StanceDetail {
  stance: Stance;
  /** Confidence in 0..1. */
  score: number;
  /** Set when the two sentences give conflicting numbers for the same quantity. */
  numberConflict?: { ours: string; theirs: string };
}
