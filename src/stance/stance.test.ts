import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SentenceAnalysis } from '../claims/types.ts';
import { run as runParaphrase } from '../cli/paraphrase.ts';
import { run as runStance } from '../cli/stance.ts';
import { parseCsv, toCsv } from './csv.ts';
import { fncScore, parseStances, stanceOfFncLabel } from './fnc.ts';
import { compareWithArticle, numberConflict } from './index.ts';

function sentence(text: string): SentenceAnalysis {
  return {
    text,
    start: 0,
    end: text.length,
    score: 1,
    attribution: null,
    numbers: [],
    dates: [],
    entities: [],
    hedges: [],
  };
}

describe('FNC-1 scoring and format', () => {
  it('gives 0.25 for relatedness and 0.75 more for the exact related label', () => {
    expect(
      fncScore(['unrelated', 'agree', 'discuss', 'disagree'], ['unrelated', 'agree', 'agree', 'unrelated']),
    ).toEqual({
      score: 0.25 + 1 + 0.25 + 0,
      max: 3.25,
    });
    expect(stanceOfFncLabel('agree')).toBe('confirms');
    expect(stanceOfFncLabel('disagree')).toBe('disputes');
    expect(stanceOfFncLabel('discuss')).toBe('unclear');
    expect(stanceOfFncLabel('unrelated')).toBeNull();
  });

  it('round-trips quoted CSV fields with commas, quotes and line breaks', () => {
    const rows = [['a, "b"', 'line\nbreak']];
    expect(parseCsv(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ...rows]);
    expect(parseStances('Headline,Body ID\nSome headline,7\n')).toEqual([
      { headline: 'Some headline', bodyId: '7' },
    ]);
  });
});

describe('compareWithArticle', () => {
  const claim = sentence(
    'Officials said more than 11,000 North Korean soldiers are in Russia and will be ready to fight by Nov. 1.',
  );

  it('confirms a rewording, disputes a different count and a denial, and leaves "cannot confirm" unclear', () => {
    const others = [
      sentence(
        'Close to 11,000 North Korean troops are in Russia and will be ready to fight by Nov. 1, officials said.',
      ),
      sentence(
        'Around 10,000 North Korean soldiers are in Russia and will be ready to fight by Nov. 1, officials said.',
      ),
      sentence('A spokesman dismissed claims of North Korean soldiers in Russia ready to fight as a hoax.'),
      sentence('The Pentagon said it could not confirm that North Korean soldiers are in Russia.'),
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
    ];
    const byIndex = new Map(compareWithArticle(claim, others).map((j) => [j.index, j.detail]));
    expect(byIndex.get(0)?.stance).toBe('confirms');
    expect(byIndex.get(1)).toMatchObject({
      stance: 'disputes',
      numberConflict: { ours: 'more than 11,000', theirs: 'Around 10,000' },
    });
    expect(byIndex.get(2)?.stance).toBe('disputes');
    expect(byIndex.get(3)?.stance).toBe('unclear');
    expect(byIndex.has(4)).toBe(false);
  });

  it('does not see a conflict between numbers of different things', () => {
    expect(
      numberConflict(claim, sentence('North Korea has 1.2 million troops in its ranks.')),
    ).toBeUndefined();
    expect(
      numberConflict(claim, sentence('Over 8 million units of ammunition were shipped to Russia.')),
    ).toBeUndefined();
  });
});

describe('CLI subcommands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-cli-'));

  it('writes FNC-1 predictions for a stances file without a Stance column', async () => {
    writeFileSync(
      join(dir, 'bodies.csv'),
      toCsv(
        ['Body ID', 'articleBody'],
        [
          [
            '1',
            'Officials denied the report that the mayor resigned. The mayor is still in office, they said.',
          ],
        ],
      ),
    );
    writeFileSync(
      join(dir, 'stances.csv'),
      toCsv(
        ['Headline', 'Body ID'],
        [['Mayor resigns'], ['Cat wins lottery']].map((r) => [r[0], '1']),
      ),
    );
    const code = await runStance([
      '--bodies',
      join(dir, 'bodies.csv'),
      '--stances',
      join(dir, 'stances.csv'),
      '--out',
      join(dir, 'p.csv'),
    ]);
    expect(code).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, 'p.csv'), 'utf8'));
    expect(rows[0]).toEqual(['Headline', 'Body ID', 'Stance']);
    expect(rows).toHaveLength(3);
    for (const r of rows.slice(1)) expect(['agree', 'disagree', 'discuss', 'unrelated']).toContain(r[2]);
    expect(await runStance([])).toBe(2);
  });

  it('writes MSRP predictions', async () => {
    writeFileSync(
      join(dir, 'msr.txt'),
      'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n' +
        '\t11\t12\tThe company reported a profit of $5 million in May.\tIn May the company reported a $5 million profit.\n' +
        '\t13\t14\tThe storm hit the coast on Monday.\tShares of the bank fell 3 percent in early trading.\n',
    );
    const code = await runParaphrase(['--in', join(dir, 'msr.txt'), '--out', join(dir, 'p.tsv')]);
    expect(code).toBe(0);
    const lines = readFileSync(join(dir, 'p.tsv'), 'utf8').trim().split('\n');
    expect(lines).toEqual(['#1 ID\t#2 ID\tQuality', '11\t12\t1', '13\t14\t0']);
    expect(await runParaphrase(['--in'])).toBe(2);
  });
});
