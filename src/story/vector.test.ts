import { describe, expect, it } from 'vitest';
import { articleVector, cosine } from './vector.ts';

const headline = (text: string) => articleVector({ headline: text, text: '', quantities: [] });

describe('articleVector', () => {
  it('reads a hyphenated compound by its parts too, and keeps it whole', () => {
    const hyphenated = headline('What was fake this week: pumpkin-spice condoms and a winter storm');
    const spaced = headline('No, pumpkin spice condoms are not a real thing');
    expect(hyphenated.terms).toEqual(expect.arrayContaining(['pumpkin', 'spice', 'pumpkin-spic']));
    expect(cosine(hyphenated, spaced)).toBeGreaterThan(0.3);
    // Two texts that both hyphenate it share it whole as well as by its parts.
    const again = headline('Durex is not making pumpkin-spice condoms');
    expect(cosine(again, hyphenated)).toBeGreaterThan(cosine(again, spaced));
  });

  it('leaves out a short part ("al" of "al-Qaeda"), common across stories', () => {
    expect(headline('Al-Qaeda claims the attack').terms).not.toContain('al');
  });
});
