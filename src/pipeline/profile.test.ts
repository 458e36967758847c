import { describe, expect, it } from 'vitest';
import { analyzeSentences } from '../claims/index.ts';
import { buildProfile } from './profile.ts';

const profileOf = (title: string, paragraphs: string[]) =>
  buildProfile(
    { id: 'a', outlet: 'Coastal Wire', title },
    analyzeSentences(paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))),
    'a',
    0,
  );

describe('buildProfile: the names an article gives, for telling two events of one kind apart', () => {
  it('keeps a name within a sentence, not a capitalised word that only opens one', () => {
    const { vector } = profileOf('Wildfire forces thousands to flee', [
      'Roughly 12,000 residents of Pinecrest and nearby towns have been ordered to leave their homes.',
      'Smoke hung low over the valley through the afternoon as families loaded their cars.',
      'Incident commander Dana Ortiz said crews were making progress on the western flank.',
    ]);
    expect(vector.names).toContain('pinecrest');
    expect(vector.names).toContain('dana ortiz');
    expect(vector.names).not.toContain('smoke');
  });
});
