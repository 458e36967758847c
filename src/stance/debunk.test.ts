import { describe, expect, it } from 'vitest';
import { debunkFeatures, debunkReading } from './debunk.ts';

/** A long report of a story, to which one sentence is added. */
const REPORT_BODY = [
  'Pope Francis spoke to a boy whose dog had died during a visit to a parish in Rome.',
  'The pontiff told the boy that paradise is open to all of God’s creatures, according to reports.',
  'The remark was shared widely on social media and picked up by newspapers in the United States.',
  'Animal welfare groups welcomed the words as a sign of a more open church.',
  'Vatican officials said the pope often speaks informally with children at his audiences.',
  'Theologians noted that the church has long debated whether animals have souls.',
];

describe('article-level debunk features', () => {
  it('reads debunk framing stated once in a long body, in the lead or anywhere', () => {
    const debunk = [...REPORT_BODY.slice(0, 4), 'However, it turned out the pope had not made the comment.'];
    const f = debunkFeatures('Pope says pets go to heaven', debunk);
    expect(f.get('b#frame-any')).toBe(1);
    expect(f.get('b#frame-log')).toBeGreaterThan(0);
    expect(f.has('b#frame-lead')).toBe(false);
    const lead = debunkFeatures('Pope says pets go to heaven', [
      'The story is, in fact, a misreading of remarks made by an earlier pope.',
      ...REPORT_BODY,
    ]);
    expect(lead.get('b#frame-lead')).toBe(1);
    const report = debunkFeatures('Pope says pets go to heaven', REPORT_BODY);
    expect(report.has('b#frame-any')).toBe(false);
    expect(report.get('b#frame')).toBe(0);
  });

  it('reads a fact-checker’s debunk as one and a plain report as a report', () => {
    const debunk = debunkReading('Banksy was not arrested', [
      'A website is carrying a report that the street artist Banksy has been identified and arrested.',
      'It is, of course, completely fake, and the quotes were taken from a satirical website.',
      'The story turned out to be a hoax that went around last year.',
    ]);
    expect(debunk.side).toBe('debunk');
    expect(debunkReading('Pope says pets go to heaven', REPORT_BODY).side).toBe('report');
  });

  it('reads the crime a headline names as what the story is about, not a debunk of it', () => {
    expect(
      debunkFeatures('Investment adviser jailed for 12 years over investor fraud', REPORT_BODY).has(
        'h#refuting-word',
      ),
    ).toBe(false);
    expect(
      debunkFeatures('Customers warned to watch for scam emails after hack', REPORT_BODY).has(
        'h#refuting-word',
      ),
    ).toBe(false);
    expect(debunkFeatures('Pope pets story is fake', REPORT_BODY).get('h#refuting-word')).toBe(1);
  });

  it('reads "nobody" in a headline as idiom, not a denial of its story', () => {
    expect(debunkFeatures('How Valdoria brokered a deal nobody expected', REPORT_BODY).has('h:NOT')).toBe(
      false,
    );
    expect(debunkFeatures('Pope did not say pets go to heaven', REPORT_BODY).get('h:NOT')).toBe(1);
  });

  it('reads "without" in a headline as what befell people, not a denial of its story', () => {
    expect(
      debunkFeatures('Blackout leaves 412,000 without power across four counties', REPORT_BODY).has('h:NOT'),
    ).toBe(false);
  });
});
