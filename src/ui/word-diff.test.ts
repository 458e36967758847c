import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.ts';

const show = (segments: { text: string; changed: boolean }[]) =>
  segments.map((s) => (s.changed ? `[${s.text}]` : s.text)).join('');

describe('wordDiff', () => {
  it.each([
    [
      'the first group of 2,600 soldiers will be deployed',
      'the first group of 3,000 soldiers has been deployed',
      'the first group of [2,600] soldiers [will be] deployed',
      'the first group of [3,000] soldiers [has been] deployed',
    ],
    [
      'Officials said 10 died.',
      'Officials said 12 died.',
      'Officials said [10] died.',
      'Officials said [12] died.',
    ],
    ['a b c', 'a c', 'a [b ]c', 'a c'],
    ['a c', 'a b c', 'a c', 'a [b ]c'],
    ['same words', 'same words', 'same words', 'same words'],
  ])('%s -> %s', (before, after, old, now) => {
    const d = wordDiff(before, after);
    expect(show(d.before)).toBe(old);
    expect(show(d.after)).toBe(now);
    // Nothing is lost: each line reads back as its text.
    expect(d.before.map((s) => s.text).join('')).toBe(before);
    expect(d.after.map((s) => s.text).join('')).toBe(after);
  });
});
