import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleBlock } from '../article/types.ts';
import {
  claimMask,
  claimShare,
  DEFAULT_CLAIM_THRESHOLD,
  evidenceTier,
  STATEMENT_FLOOR,
} from '../model/sentence.ts';
import { analyzeSentences } from './index.ts';

const DIR = join(import.meta.dirname, '../../test/fixtures/seeds');

function analyse(file: string) {
  const blocks: ArticleBlock[] = readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((text) => ({ kind: 'paragraph', text }));
  const sentences = analyzeSentences(blocks, '2024-10-21');
  // The product's rule: which sentences are highlighted at the default setting.
  const mask = claimMask(sentences, DEFAULT_CLAIM_THRESHOLD);
  return sentences.map((s, i) => ({ ...s, claim: mask[i] }));
}

/**
 * Every sentence that carries a number or an attributed statement about the event (by its opening
 * words), and every boilerplate line, per seed file. At the default setting a statement is found
 * when it is highlighted or listed among the statements left unhighlighted (it scores above the
 * furniture floor); boilerplate is neither.
 */
const EXPECTED: Record<string, { claims: string[]; boilerplate: string[] }> = {
  '000_799c6ea46024f210.txt': {
    claims: [
      "Ukraine's Center for Strategic Communication and Information Security published on Oct. 18",
      'The footage was shared amid reports',
      "Ukraine's military intelligence chief Kyrylo Budanov said",
      'He said that close to 11,000',
      'The center did not specify how the video was obtained',
      '"The Euro-Atlantic community must realize',
      'In the face of the threat, he urged partners',
      'Pentagon spokesperson Pat Ryder said on Oct. 17',
      '"And so it just demonstrates the desperation',
    ],
    boilerplate: [],
  },
  '001_4ae69956510b4b29.txt': {
    claims: [
      'Ukrainian Foreign Minister Andrii Sybiha emphasized',
      'World News:',
      'Ukrainian military intelligence chief Kyrylo Budanov disclosed',
      'Budanov indicated that nearly 11,000',
      'However, the Center did not disclose the source',
      'He urged allies',
      'In response to the unfolding events, Pentagon spokesperson Pat Ryder stated',
    ],
    boilerplate: [
      'Author Image',
      'News Desk',
      'X/officejjsmart',
      'Deployment plans for North Korean troops',
      'Video footage from Sergeevsky military camp',
      'Urging the Euro-Atlantic community to act',
    ],
  },
  '002_97533ec497c00e9c.txt': {
    claims: [
      'Kyiv claims the footage',
      'According to Ihor Solovey',
      'He described it as the first video evidence',
      '“We received this video',
      'He claims the video was taken',
      'This development follows claims made by Kyrylo Budanov',
      'Budanov stated that at least 2,600',
      'Solovey highlighted the challenges',
      '“The emergence of any number of new soldiers',
      '“The dissemination of this video',
      'The two leaders signed a strategic partnership agreement last summer',
      'On October 17, following Budanov’s initial claims',
    ],
    boilerplate: ['/ Centre for Strategic Communications', 'By bne IntelliNews', 'News', 'Dismiss'],
  },
  '003_cb7a90445ccd350e.txt': {
    claims: [
      'Hundreds of North Korean troops',
      'For at least a week, South Korea has warned',
      'Now North Korea is accused of supplying manpower',
      'The first 1,500 were shipped',
      'Head of Ukrainian military intelligence Kyrylo Budanov warned',
      'Around a quarter of them',
      'They will join a much smaller contingent',
      'Russian government spokesperson Dmitry Peskov',
      'They have been issued Russian uniforms',
      'A spokesperson for the agency said',
      'Some 1.2million troops',
    ],
    boilerplate: ['.', 'This site is protected by reCAPTCHA'],
  },
  '004_8262e4c9608e5df9.txt': {
    claims: [
      'SEOUL – More reported evidence',
      'CNN revealed questionnaires',
      'According to CNN',
      'This follows other footage posted to X that purportedly showed dozens',
      'These are proof that North Korea',
      'Rep. Han Ji-ah',
      'Media revelations aligned with Seoul’s confirmation Friday that at least 1,500',
      'South Korea’s National Intelligence Service also noted',
      'A satellite image that showed Russian naval ships',
      'The NIS also claimed that over 8 million',
      'On the same day, President Yoon Suk Yeol',
      'Alongside Seoul’s confirmation',
      'US Secretary of Defense Lloyd Austin',
      '“I can’t confirm those reports',
      '“If that’s true',
      'Austin added that',
      '“We know that (Putin)',
      'North Atlantic Treaty Organization Secretary General Mark Rutte',
      'Zelenskyy commented',
      'Zelenskyy, however, believed',
      'Putin submitted a bill',
      'In response to the move, US State Department spokesperson Matthew Miller',
    ],
    boilerplate: [
      'Son Ji-Hyoung',
      'The Korea Herald',
      'restmb_idxmake',
      'A TV screen shows a footage',
      'PHOTO: YONHAP',
      'October 21, 2024',
      'scroll to top',
    ],
  },
};

describe('claims on the seed articles', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

  it('covers all five seed files', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of Object.keys(EXPECTED)) {
    describe(file, () => {
      const sentences = analyse(file);
      const find = (prefix: string) => sentences.filter((s) => s.text.startsWith(prefix));

      it.each(EXPECTED[file].claims)('"%s…" is found as a statement', (prefix) => {
        const found = find(prefix);
        expect(found.length, `no sentence starts with "${prefix}"`).toBeGreaterThan(0);
        for (const s of found)
          expect(s.claim || s.score > STATEMENT_FLOOR, `${s.text} (${s.score})`).toBe(true);
      });

      it.each(EXPECTED[file].boilerplate)('"%s…" is neither a claim nor a statement', (prefix) => {
        const found = find(prefix);
        expect(found.length, `no sentence starts with "${prefix}"`).toBeGreaterThan(0);
        for (const s of found) {
          expect(s.claim, `${s.text} (${s.score})`).toBe(false);
          expect(s.score, s.text).toBeLessThanOrEqual(STATEMENT_FLOOR);
        }
      });

      it('highlights every sentence with a figure and a named source, and at most 40 % of the statements', () => {
        for (const s of sentences) if (evidenceTier(s) === 2) expect(s.claim, s.text).toBe(true);
        const statements = sentences.filter((s) => s.score > STATEMENT_FLOOR).length;
        const claims = sentences.filter((s) => s.claim).length;
        expect(claims).toBeGreaterThan(0);
        expect(claims).toBeLessThanOrEqual(
          Math.max(1, Math.floor(claimShare(DEFAULT_CLAIM_THRESHOLD) * statements)),
        );
      });

      it('names every sentence that carries a number or a named source in the lists above', () => {
        const listed = [...EXPECTED[file].claims, ...EXPECTED[file].boilerplate];
        for (const s of sentences) {
          const named = s.attribution !== null && !/^(?:he|she|they|it)$/i.test(s.attribution.source);
          if (named || s.numbers.length > 0)
            expect(
              listed.some((p) => s.text.startsWith(p)),
              s.text,
            ).toBe(true);
        }
      });
    });
  }
});
