import { describe, expect, it } from 'vitest';
import { flag, wantsHelp } from './args.ts';

describe('command-line arguments', () => {
  it('reads the value after a flag, and nothing when the flag or its value is missing', () => {
    expect(flag(['--in', 'a.txt', '--out', 'b.tsv'], '--out')).toBe('b.tsv');
    expect(flag(['--in', 'a.txt'], '--out')).toBeUndefined();
    expect(flag(['--in'], '--in')).toBeUndefined();
  });

  it('knows both spellings of a request for help', () => {
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['x', '--help'])).toBe(true);
    expect(wantsHelp(['--helpful'])).toBe(false);
  });
});
