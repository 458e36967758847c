import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../util/csv.ts';
import { run as runParaphrase } from './paraphrase.ts';
import { run as runStance } from './stance.ts';

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
