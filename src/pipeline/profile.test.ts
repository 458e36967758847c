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

  it('keeps names of common words only out, and tells the names it gives most as its main ones', () => {
    const { vector } = profileOf('Kessler to close Millbridge brake plant', [
      'Kessler Components will close its Millbridge plant in March, the Union said on Tuesday.',
      'The union said the closure would cost 850 jobs at the plant.',
      'A Kessler Components spokeswoman blamed energy costs, and the City Council said the town would lose its largest employer.',
      'Members of the city council met union officials on Wednesday.',
    ]);
    expect(vector.names).toContain('kessler components');
    expect(vector.names).not.toContain('union');
    expect(vector.names).not.toContain('city council');
    expect(vector.main).toEqual(['kessler components']);
  });
});
