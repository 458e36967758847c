import { describe, expect, it } from 'vitest';
import { findAttribution, originKey, sameOrigin } from './attribution.ts';
import { dayKey, findDates, findTimes } from './dates.ts';
import { findHedges } from './hedges.ts';
import {
  AGE_UNIT,
  CELSIUS,
  FAHRENHEIT,
  findNone,
  findNumbers,
  HARM_DEATH,
  HARM_INJURY,
  harmOf,
} from './numbers.ts';
import { parseBlocks, parseSentences, parseText } from './parse.ts';

const split = (t: string) => parseText(t).map((s) => t.slice(s.start, s.end));
const tokensOf = (t: string) => parseText(t).flatMap((s) => s.tokens);

describe('sentence boundaries (parseText)', () => {
  it('keeps news abbreviations inside sentences', () => {
    expect(
      split('Gen. Smith said on Oct. 18 that the U.S. would act. Rep. Choo Kyung-ho told reporters Sunday.'),
    ).toEqual([
      'Gen. Smith said on Oct. 18 that the U.S. would act.',
      'Rep. Choo Kyung-ho told reporters Sunday.',
    ]);
  });
  it('keeps a quote that spans sentences with its speaker', () => {
    expect(split('"We will fight. We will win," he said. Then he left.')).toEqual([
      '"We will fight. We will win," he said.',
      'Then he left.',
    ]);
  });
  it('ends no sentence at a dot inside a web address', () => {
    expect(
      split(
        'Emery, a writer for fact-checking website Snopes.com which soon will label fake news, said so. He left.',
      ),
    ).toEqual([
      'Emery, a writer for fact-checking website Snopes.com which soon will label fake news, said so.',
      'He left.',
    ]);
    expect(split('He bought it on Amazon.com last week. Visit bbc.co.uk for more.')).toHaveLength(2);
  });
  it('ends headlines at line ends and drops bullet glyphs', () => {
    expect(
      split(
        'Deployment plans for North Korean troops\nThe first group will go.\n• First point\n- Second point',
      ),
    ).toEqual([
      'Deployment plans for North Korean troops',
      'The first group will go.',
      'First point',
      'Second point',
    ]);
  });
});

describe('findNumbers', () => {
  const one = (t: string) => findNumbers(t, tokensOf(t))[0];
  it.each([
    ['He said close to 11,000 North Korean troops are in Russia.', 11000, 'approx', 'troops'],
    ['The first group of 2,600 soldiers will go.', 2600, 'exact', 'soldiers'],
    ['They counted 11 000 people.', 11000, 'exact', 'people'],
    ['They saw eleven thousand troops.', 11000, 'exact', 'troops'],
    ['Some 1.2million troops serve in its ranks.', 1.2e6, 'approx', 'troops'],
    ['Over 8 million units of ammunition were shipped.', 8e6, 'more-than', 'units'],
    ['At least 1,500 troops were shipped.', 1500, 'at-least', 'troops'],
    ['Nearly 11,000 troops are there.', 11000, 'approx', 'troops'],
    ['More than 700 miles were captured.', 700, 'more-than', 'miles'],
    ['Around a quarter of them may be sent.', 0.25, 'approx', 'fraction'],
    ['They may ship up to 12,000 troops.', 12000, 'up-to', 'troops'],
    ['Unemployment fell to 4.5% last year.', 4.5, 'exact', '%'],
    ['Militias took nearly a dozen jetliners.', 12, 'approx', 'jetliners'],
    ['Two dozen jetliners were taken.', 24, 'approx', 'jetliners'],
    ['Twenty-five jetliners were taken.', 25, 'exact', 'jetliners'],
    ['Twenty five jetliners were taken.', 25, 'exact', 'jetliners'],
    ['Seventy thousand people marched.', 70000, 'exact', 'people'],
    ['It was reattached after one five-hour operation.', 5, 'exact', 'hour'],
  ])('%s', (text, value, qualifier, unit) => {
    expect(one(text)).toMatchObject({ value, qualifier, unit });
  });
  // Number words join only as tens and a unit: two counts side by side are two numbers.
  it('reads "two three-bedroom houses" as two houses of three bedrooms', () => {
    expect(findNumbers('They built two three-bedroom houses.').map((n) => n.value)).toEqual([2, 3]);
  });
  // One reader of qualifiers: every phrase of the table, as the matcher and the stance rules will see it.
  it.each([
    ['no more than 50 soldiers', 'at-most'],
    ['not more than 50 soldiers', 'at-most'],
    ['no greater than 50 soldiers', 'at-most'],
    ['at most 50 soldiers', 'at-most'],
    ['a maximum of 50 soldiers', 'at-most'],
    ['no fewer than 50 soldiers', 'at-least'],
    ['no less than 50 soldiers', 'at-least'],
    ['at least 50 soldiers', 'at-least'],
    ['more than 50 soldiers', 'more-than'],
    ['greater than 1,000 soldiers', 'more-than'],
    ['over 50 soldiers', 'more-than'],
    ['just over 50 soldiers', 'just-over'],
    ['a little over 50 soldiers', 'just-over'],
    ['slightly more than 50 soldiers', 'just-over'],
    ['just short of 50 soldiers', 'just-under'],
    ['in excess of 50 soldiers', 'more-than'],
    ['fewer than 50 soldiers', 'less-than'],
    ['just under 50 soldiers', 'just-under'],
    ['under 50 soldiers', 'less-than'],
    ['up to 50 soldiers', 'up-to'],
    ['as many as 50 soldiers', 'up-to'],
    ['about 50 soldiers', 'approx'],
    ['close to 50 soldiers', 'approx'],
    ['more or less 50 soldiers', 'approx'],
    ['~50 soldiers', 'approx'],
    ['50 soldiers', 'exact'],
  ])('%s is %s', (text, qualifier) => {
    expect(findNumbers(text)[0]).toMatchObject({ value: text.includes('1,000') ? 1000 : 50, qualifier });
  });
  // One span told in two units is one figure, in the larger: the span "3.2 hours" tells, not a rival of it.
  it.each([
    [
      'Children spent an average of 3 hours and 12 minutes a day on screens.',
      '3 hours and 12 minutes',
      3.2,
      'hours',
    ],
    ['He was jailed for two years and six months.', 'two years and six months', 2.5, 'years'],
    ['The rescue took 2 hours 40 minutes.', '2 hours 40 minutes', 2 + 40 / 60, 'hours'],
  ])('reads "%s" as one span', (text, raw, value, unit) => {
    const [n, ...rest] = findNumbers(text);
    expect(rest).toEqual([]);
    expect(n).toMatchObject({ raw, unit });
    expect(n.value).toBeCloseTo(value, 6);
  });
  it('keeps a span that tells a later time apart from the span before it', () => {
    expect(
      findNumbers('It took 3 hours, and 40 minutes later the fire was out.').map((n) => n.value),
    ).toEqual([3, 40]);
  });
  // An age is its own quantity however it is written, so that "girls as young as 13" neither conflicts
  // with "seven girls" nor with "aged 13 and 14".
  it.each([
    ['A 22-year-old man was held.', [[22, 'exact']]],
    ['The man, 22 years old, was held.', [[22, 'exact']]],
    [
      'Seven girls as young as 13 became pregnant.',
      [
        [7, 'exact', 'girls'],
        [13, 'at-least'],
      ],
    ],
    [
      'Seven schoolgirls aged 13 and 14 fall pregnant.',
      [
        [7, 'exact', 'schoolgirls'],
        [13, 'exact'],
        [14, 'exact'],
      ],
    ],
    ['Pupils aged 12 to 15 and 13 and 14-year-old girls.', [[12], [15], [13], [14]]],
    ['Headline: Schoolgirls Aged 13 And 14 Fall Pregnant', [[13], [14]]],
    ['He left school at the age of 16.', [[16, 'exact']]],
    ['Police said Kim Smith, 45, was arrested.', [[45, 'exact']]],
  ] as const)('reads the ages of %s', (text, ages) => {
    const found = findNumbers(text, tokensOf(text)).map((n) => [n.value, n.qualifier, n.unit]);
    expect(found).toHaveLength(ages.length);
    ages.forEach(([value, qualifier, unit], i) => {
      expect(found[i][0]).toBe(value);
      if (qualifier) expect(found[i][1]).toBe(qualifier);
      expect(found[i][2]).toBe(unit ?? AGE_UNIT);
    });
  });
  it('reads a figure the sentence denies as denied, counting what the figure it corrects counts', () => {
    const read = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit, n.denied ?? false]);
    expect(read('The plant employs 1,800 people, not 2,000.')).toEqual([
      ['1,800', 'people', false],
      ['2,000', 'people', true],
    ]);
    expect(read('The plan would cut 900 jobs, not the 1,200 the company announced.')).toEqual([
      ['900', 'jobs', false],
      ['1,200', 'jobs', true],
    ]);
    expect(read('Police arrested 40 people rather than 12.').map((n) => n[2])).toEqual([false, true]);
    // The figure a rejection names as what it rejects.
    expect(
      read(
        "The army rejected the health ministry's figure of 30 dead, saying 12 people had been killed.",
      ).map((n) => [n[0], n[2]]),
    ).toEqual([
      ['30', true],
      ['12', false],
    ]);
    expect(read("Police disputed the organisers' estimate of 40,000 protesters.").map((n) => n[2])).toEqual([
      true,
    ]);
    expect(read('The ministry rejected the plan to cut 300 jobs.').map((n) => n[2])).toEqual([false]);
    expect(
      read('His agent denied reports that his client would earn 250,000 pounds a week.').map((n) => n[2]),
    ).toEqual([true]);
    // The figure a revision replaces; a change over time keeps the figure it started from.
    expect(
      read(
        'The office revised its estimate of October inflation down to 3.1%, from the 3.2% it published.',
      ).map((n) => [n[0], n[2]]),
    ).toEqual([
      ['3.1%', false],
      ['3.2%', true],
    ]);
    expect(read('The toll was corrected from 12 to 21.').map((n) => n[2])).toEqual([true, false]);
    expect(read('Consumer prices rose 3.2% in October, up from 2.9% in September.').map((n) => n[2])).toEqual(
      [false, false],
    );
    // A clause that opens with "Not" says "within", and denies nothing.
    expect(read('Not 24 hours after the attack, police arrested a suspect.').map((n) => n[2])).toEqual([
      false,
    ]);
    // A negated verb is not a denied figure.
    expect(read('The earthquake did not kill 12 people.').map((n) => n[2])).toEqual([false]);
    expect(read('No more than 12 people were hurt.').map((n) => n[2])).toEqual([false]);
  });
  it('reads "between 40 and 50" as a range: a lower and an upper bound counting the same thing', () => {
    const read = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.value, n.qualifier, n.unit]);
    expect(read('The floods left between 40 and 50 people missing.')).toEqual([
      [40, 'at-least', 'people'],
      [50, 'at-most', 'people'],
    ]);
    expect(read('Damage was put at between $2 million and $3 million.')).toEqual([
      [2e6, 'at-least', '$'],
      [3e6, 'at-most', '$'],
    ]);
    expect(read('The trail had moved two or three inches higher.')).toEqual([
      [2, 'at-least', 'inches'],
      [3, 'at-most', 'inches'],
    ]);
    // Not a range: two counts joined by "and", or two guesses far apart.
    expect(read('He has 5 or 50 cats.').map((n) => n[1])).toEqual(['exact', 'exact']);
    expect(read('Police arrested 40 men and 50 women.').map((n) => n[1])).toEqual(['exact', 'exact']);
  });
  it('reads the noun after a hyphenated modifier as what a figure counts, and a figure joined to its noun as before', () => {
    const units = (text: string) => findNumbers(text, tokensOf(text)).map((n) => n.unit);
    expect(units('The team tracked about 48,000 middle-aged adults.')).toEqual(['adults']);
    expect(units('It sold 20 state-owned firms.')).toEqual(['firms']);
    expect(units('It has 40 year-round residents.')).toEqual(['residents']);
    expect(units('A 10-mile queue formed.')).toEqual(['mile']);
    expect(units('Police found 5 year-old girls.')).toEqual([AGE_UNIT]);
    // A scale's name before the figure is its unit, as after it.
    expect(units('A magnitude 6.4 earthquake struck off the coast.')).toEqual(['magnitude']);
    expect(units('A 6.2-magnitude earthquake shook the region.')).toEqual(['magnitude']);
    expect(units('It made landfall as a Category 4 storm.')).toEqual(['category']);
  });
  it('reads no age into a count after a place or a list of counts', () => {
    expect(findNumbers('In Texas, 45 people died.', tokensOf('In Texas, 45 people died.'))[0].unit).toBe(
      'people',
    );
    const text = 'Aged 30, he had 3 children and 2 dogs.';
    expect(findNumbers(text, tokensOf(text)).map((n) => n.unit)).toEqual([AGE_UNIT, 'children', 'dogs']);
  });
  it('reads "one" as a count of the person, casualty or point after it, and not as a pronoun or idiom', () => {
    const read = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null]);
    expect(read('One person was killed in the blast.')).toEqual([['One', 'person']]);
    expect(read('Rovers are one point clear at the top.')).toEqual([['one', 'point']]);
    expect(read('The fire killed one firefighter.')).toEqual([['one', 'firefighter']]);
    // A span of time, and a count after "just" or "only".
    expect(read('Menzel had just one year left on his contract.')).toEqual([['one', 'year']]);
    expect(read('Only one passenger survived.')).toEqual([['one', 'passenger']]);
    for (const text of [
      'It is one of the largest.',
      'No one was hurt.',
      'At one point the crowd surged.',
      'A release on at least one website said so.',
      'The vet removed one lump and then another.',
    ])
      expect(read(text), text).toEqual([]);
  });

  it('reads a part as counting what its whole counts ("124 of the 300 seats")', () => {
    const units = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null]);
    expect(units('The Liberal Union won 124 of the 300 seats in parliament.')).toEqual([
      ['124', 'seats'],
      ['300', 'seats'],
    ]);
    expect(units('Seven out of 12 voters agreed.')).toEqual([
      ['Seven', 'voters'],
      ['12', 'voters'],
    ]);
    // Out of ten (or a hundred) is a share: "Seven out of 10 voters" are 70 percent of them.
    expect(units('Seven out of 10 voters agreed.')).toEqual([['Seven out of 10', 'fraction']]);
  });

  it('reads a fraction of a scale as its part, and a crowd as people', () => {
    const read = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null, Math.round(n.value)]);
    expect(read('He must pay a fine of a quarter of a million dollars.')).toEqual([
      ['a quarter of a million', 'dollars', 250000],
    ]);
    expect(read('A sellout crowd of 65,000 watched the final.')).toEqual([['65,000', 'people', 65000]]);
    // A whole and a half, in words.
    const exact = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null, n.value]);
    expect(exact('Three and a half percent is all the government will offer.')).toEqual([
      ['Three and a half percent', '%', 3.5],
    ]);
    expect(exact('The strike lasted two and a half days.')).toEqual([['two and a half', 'days', 2.5]]);
  });

  it('reads a score or a tally as one figure of two counts, and a range that runs up as two', () => {
    const read = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null]);
    expect(read('Portugal beat Morocco 3-2 after extra time.')).toEqual([['3-2', 'score']]);
    expect(read('The committee backed the plan by seven votes to four.')).toEqual([
      ['seven votes to four', 'score'],
    ]);
    // A second count in a word that is no figure alone ("one" is mostly a pronoun).
    expect(read('The board voted six to one to lower its key rate.')).toEqual([['six to one', 'score']]);
    expect(read('They won by five votes to one.')).toEqual([['five votes to one', 'score']]);
    expect(read('It fell from six to one.')).toEqual([['six', null]]);
    expect(read('The sentence was raised by a three-to-two majority.')).toEqual([['three-to-two', 'score']]);
    expect(read('The law passed with 214 votes in favour and 139 against.')).toEqual([
      ['214 votes in favour and 139', 'score'],
    ]);
    expect(read('The repairs will take 3-4 days.')).toEqual([
      ['3', 'days'],
      ['4', 'days'],
    ]);
    const [a, b, c] = ['won 2-1', 'won 2-1 on Sunday', 'won 1-0'].map(
      (t) => findNumbers(t, tokensOf(t))[0].value,
    );
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('reads an age told by its decade as a lower and an upper bound over the same words', () => {
    const read = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.value, n.unit, n.qualifier]);
    expect(read('A man in his 60s died at the scene.')).toEqual([
      ['in his 60s', 60, AGE_UNIT, 'at-least'],
      ['in his 60s', 69, AGE_UNIT, 'at-most'],
    ]);
    expect(read('She was in her late thirties.')).toEqual([
      ['in her late thirties', 36, AGE_UNIT, 'at-least'],
      ['in her late thirties', 39, AGE_UNIT, 'at-most'],
    ]);
    expect(read('Prices rose in the 1960s.')).toEqual([]);
  });

  it('reads a fraction a change goes by as a share ("by a third", "by half")', () => {
    const read = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit, Math.round(n.value * 100)]);
    expect(read('Walking cuts the risk of a heart attack by a third.')).toEqual([
      ['a third', 'fraction', 33],
    ]);
    expect(read('Profits fell by half.')).toEqual([['half', 'fraction', 50]]);
    expect(read('The ban is backed by a third of voters.')).toEqual([['a third', 'fraction', 33]]);
    // A fraction of a percentage point is a change of a rate, no share.
    expect(read('The bank raised rates by a quarter of a percentage point.')).toEqual([
      ['a quarter of a percentage point', 'percentage', 25],
    ]);
    expect(read('The bank raised its key rate by half a point to four and a half per cent.')).toEqual([
      ['half a point', 'percentage', 50],
      ['four and a half per cent', '%', 450],
    ]);
  });

  it('reads a count in dozens as a round telling', () => {
    const read = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.value, n.qualifier]);
    expect(read('Two dozen people were injured when the roof gave way.')).toEqual([
      ['Two dozen', 24, 'approx'],
    ]);
  });

  it('reads the level a change reached, and from which way', () => {
    const read = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.reached ?? null]);
    expect(read("The storm's maximum sustained winds dropped to 115 mph.")).toEqual([['115', 'down']]);
    expect(read('Inflation jumps to 3.2% in October, from 2.9% in September.')).toEqual([
      ['3.2%', 'up'],
      ['2.9%', null],
    ]);
    expect(read('Lena weakened to a Category 3 storm.')).toEqual([['3', 'down']]);
    expect(read('He was sentenced to 12 years in prison.')).toEqual([['12', null]]);
  });

  it('reads which way a figure changes something, and not the level it reaches', () => {
    const read = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.change ?? null]);
    expect(read('Net profit fell 18 percent to 2.1 billion euros.')).toEqual([
      ['18 percent', 'down'],
      ['2.1 billion', null],
    ]);
    expect(read('A net profit of 2.1 billion euros, up 18 percent from a year earlier.')).toEqual([
      ['2.1 billion', null],
      ['18 percent', 'up'],
    ]);
    expect(read('The group reported an 18 percent fall in quarterly profit.')).toEqual([
      ['18 percent', 'down'],
    ]);
    expect(read('Sales rose by about 5% in May; shares lost 6 percent.')).toEqual([
      ['about 5%', 'up'],
      ['6 percent', 'down'],
    ]);
    // A part a whole is made up of is no rise.
    expect(read('Cabin crew costs make up roughly 20 percent of its expenses.')).toEqual([
      ['roughly 20 percent', null],
    ]);
    // A bound is no rise, and a count lost no fall.
    expect(read('Up to 18 percent of voters; the team lost 3 games.')).toEqual([
      ['Up to 18 percent', null],
      ['3', null],
    ]);
  });
  it('reads a count of no one harmed, and which harm each count of people tells of', () => {
    const read = (text: string) => {
      const counts = [...findNumbers(text, tokensOf(text)), ...findNone(text)];
      return counts.map((n) => [n.raw, n.value, harmOf(text, n, counts)]);
    };
    expect(read('No one was injured in the blast, the fire service said.')).toEqual([
      ['No one', 0, HARM_INJURY],
    ]);
    expect(read('There were no casualties.')).toEqual([['no casualties', 0, HARM_DEATH | HARM_INJURY]]);
    expect(read('Nobody was killed or injured.')).toEqual([['Nobody', 0, HARM_DEATH | HARM_INJURY]]);
    expect(read('None of the 150 passengers was hurt.')).toEqual([
      ['150', 150, HARM_INJURY],
      ['None of the 150 passengers', 0, HARM_INJURY],
    ]);
    // Some were harmed: "no one else", "no serious injuries".
    expect(read('No one else was hurt, and there were no serious injuries.')).toEqual([]);
    // Each figure's own harm: after it up to the next clause, else the nearest before it.
    expect(read('Two people were killed and five injured.')).toEqual([
      ['Two', 2, HARM_DEATH],
      ['five', 5, HARM_INJURY],
    ]);
    expect(read('The blast tore through the depot, killing 14 people and injuring 31.')).toEqual([
      ['14', 14, HARM_DEATH],
      ['31', 31, HARM_INJURY],
    ]);
    expect(read('About 40 firefighters were sent.')).toEqual([['About 40', 40, 0]]);
  });

  it('reads a temperature however its scale is written, and no name as one', () => {
    const read = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null]);
    expect(read('Last year was 1.48C above pre-industrial levels.')).toEqual([['1.48C', CELSIUS]]);
    expect(read('Temperatures reached 47.6 degrees Celsius (117.7F) in Montoro.')).toEqual([
      ['47.6', CELSIUS],
      ['117.7F', FAHRENHEIT],
    ]);
    expect(read('Madrid hit 41C; Seville saw 106 °F and 41.2°C.')).toEqual([
      ['41C', CELSIUS],
      ['106 °F', FAHRENHEIT],
      ['41.2°C', CELSIUS],
    ]);
    // A model's letter is no temperature's scale.
    expect(read('He bought an iPhone 5C and a 3D printer.')).toEqual([]);
  });

  it('reads a unit of measure written onto its figure, and no name or million as one', () => {
    const read = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null]);
    expect(read('Sludge stretches along 120km of coastline; winds of 70mph and 110km/h.')).toEqual([
      ['120km', 'km'],
      ['70mph', 'mph'],
      ['110km/h', 'km/h'],
    ]);
    expect(read('It carried 5kg of resin, dropped 120mm of rain, burned 1,200ha and made 300MW.')).toEqual([
      ['5kg', 'kg'],
      ['120mm', 'mm'],
      ['1,200ha', 'ha'],
      ['300MW', 'MW'],
    ]);
    // Fused "m" is the scale of "£40m"; "5G" is a name. Where a length is spoken of, it is metres.
    expect(read('A £40m deal for a 5G mast.')).toEqual([['£40m', '£']]);
    expect(read('Catfish grow as long as 4m; a 12m-wide crater.')).toEqual([
      ['4m', 'm'],
      ['12m', 'm'],
    ]);
    expect(findNumbers('It can grow as long as 4m.')[0].value).toBe(4);
    // A length told in feet and inches is one figure, in feet.
    const catfish = findNumbers('A giant 8ft 9in catfish and a man 6 feet 2 inches tall.');
    expect(catfish.map((n) => [n.raw, n.unit, n.value])).toEqual([
      ['8ft 9in', 'ft', 8.75],
      ['6 feet 2 inches', 'feet', 6 + 2 / 12],
    ]);
  });

  it('reads a part in a whole as the share it is', () => {
    const read = (text: string) =>
      findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.unit ?? null, n.value]);
    expect(read('Lumenet put the risk of a collision at 1 in 50.')).toEqual([['1 in 50', 'fraction', 0.02]]);
    expect(read('One in five adults smokes, and the risk is one in 10,000.')).toEqual([
      ['One in five', 'fraction', 0.2],
      ['one in 10,000', 'fraction', 0.0001],
    ]);
    expect(read('Four out of five transactions now happen on a phone; 12 out of 15 jurors agreed.')).toEqual([
      ['Four out of five', 'fraction', 0.8],
      ['12', 'jurors', 12],
      ['15', 'jurors', 15],
    ]);
    // Its qualifier is the share's: "Roughly one in eleven" is about 9 percent.
    expect(
      findNumbers('Roughly one in eleven participants reported nausea.').map((n) => [n.raw, n.qualifier]),
    ).toEqual([['Roughly one in eleven', 'approx']]);
    // Not a count in a time, nor more of a part than its whole.
    expect(read('He scored 3 in 2 games and 1 in 2015.')).toEqual([
      ['3', null, 3],
      ['2', 'games', 2],
      ['1', null, 1],
    ]);
  });

  it('reads no figure in a clock time, and both sides of a ratio', () => {
    expect(findNumbers('Liftoff took place at 21:42 local time.')).toEqual([]);
    expect(findNumbers('The vote was 3:1 in favour.').map((n) => n.value)).toEqual([3, 1]);
  });

  it('reads half of a scale word as half of it', () => {
    const read = (text: string) => findNumbers(text, tokensOf(text)).map((n) => [n.raw, n.value]);
    expect(read('The restructuring will cost up to half a billion dollars.')).toEqual([
      ['up to half a billion', 5e8],
    ]);
    expect(read('Half a dozen people were hurt.')).toEqual([['Half a dozen', 6]]);
  });

  it('leaves days and years to the date finder', () => {
    expect(findNumbers('They were moved from Oct. 8-13 and since August 2023, ready by Nov. 1.')).toEqual([]);
    // The end of a range written out is a day too, not a count beside "seven vessels".
    expect(findNumbers('The first 1,500 were shipped from October 8 to 13.').map((n) => n.value)).toEqual([
      1500,
    ]);
    expect(findNumbers('Talks ran from Dec. 16 through 22; 13 delegates came.').map((n) => n.value)).toEqual([
      13,
    ]);
  });
});

describe('dayKey', () => {
  it("names the same days in two outlets' words, with or without a publication date to place them", () => {
    const keys = (t: string, pub?: string) => findDates(t, pub).map(dayKey);
    expect(keys('shipped from October 8 to 13')).toEqual(['10-08/10-13']);
    expect(keys('transported from Oct. 8-13', '2024-10-21')).toEqual(['10-08/10-13']);
    expect(keys('released on Saturday', '2024-10-21')).toEqual(['10-19']);
    expect(keys('published on 19 October')).toEqual(['10-19']);
    // A month, a season or an unplaced weekday names no day.
    expect(keys('in August, last summer, on Saturday')).toEqual([undefined, undefined, undefined]);
  });
});

describe('findTimes', () => {
  it('reads clock times in minutes after midnight, and whether they are told loosely', () => {
    const read = (t: string) => findTimes(t).map((x) => [x.raw, x.minutes, x.approximate]);
    expect(read('The crush happened at about 11:40 p.m. at the north gate.')).toEqual([
      ['11:40 p.m.', 1420, true],
    ]);
    expect(read('Liftoff took place at 21:42 local time, at noon in Lisbon.')).toEqual([
      ['21:42', 1302, false],
      ['noon', 720, false],
    ]);
    // A figure and a score are no times.
    expect(read('Shares rose 3.5 pm in a 2:1 win.')).toEqual([]);
  });

  it('reads a time told in words when the part of the day after it says which half of the day it is', () => {
    const read = (t: string) => findTimes(t).map((x) => [x.raw, x.minutes, x.approximate]);
    expect(read('The helicopter lifted them off at about half past four on Sunday morning.')).toEqual([
      ['half past four', 270, true],
    ]);
    expect(read('The alarm was raised at a quarter to ten on Friday night.')).toEqual([
      ['a quarter to ten', 1305, false],
    ]);
    expect(read("The fire started at ten o'clock at night, and again at 4:30 a.m.")).toEqual([
      ["ten o'clock", 1320, false],
      ['4:30 a.m.', 270, false],
    ]);
    // Morning or afternoon unsaid: no time.
    expect(read('They met at half past four.')).toEqual([]);
  });
});

describe('findDates', () => {
  it('resolves ranges, deadlines and relative days against the publication date', () => {
    const t = 'Shipped from Oct. 8-13, ready by Nov. 1, released on Saturday, signed last summer.';
    expect(findDates(t, '2024-10-21').map((d) => [d.raw, d.iso, d.isoEnd])).toEqual([
      ['from Oct. 8-13', '2024-10-08', '2024-10-13'],
      ['by Nov. 1', '2024-11-01', undefined],
      ['on Saturday', '2024-10-19', undefined],
      ['last summer', '2024-06-01', '2024-08-31'],
    ]);
  });

  it('reads a month before a comma and a count as the month, a day of every week as its weekday', () => {
    const raws = (t: string) => findDates(t).map((d) => d.raw);
    expect(raws('In February, 19 people died when a bus station was hit.')).toEqual(['In February']);
    expect(raws('It opened in June, 2024 was a hard year.')).toEqual(['2024']);
    expect(raws('Branch libraries will close on Sundays.')).toEqual(['on Sundays']);
  });
});

describe('findAttribution', () => {
  const attr = (t: string) => findAttribution(t, tokensOf(t));
  it('reads a noun ending in -ly as the speaker, not as an adverb before the verb', () => {
    expect(attr('The family said she died peacefully at home.')?.source).toBe('family');
    expect(attr('The national assembly said the law would pass.')?.source).toBe('national assembly');
    expect(attr('The ministry later said the talks had ended.')?.source).toBe('ministry');
  });
  it('separates the name from the role', () => {
    expect(
      attr("Ukraine's military intelligence chief Kyrylo Budanov said that 2,600 soldiers will go."),
    ).toEqual({
      source: 'Kyrylo Budanov',
      role: "Ukraine's military intelligence chief",
      verb: 'said',
    });
  });
  it('reads the speaker after a lowercase role of a witness, a keeper or a watch manager', () => {
    const who = (t: string) => {
      const a = attr(t);
      return a && [a.source, a.role ?? null];
    };
    expect(
      who('"It shook the whole building," said resident Lena Ortiz, 54, who lives on the third floor.'),
    ).toEqual(['Lena Ortiz', 'resident']);
    expect(who('"It shook the whole building," said mum-of-two Lena Ortiz.')).toEqual([
      'Lena Ortiz',
      'mum-of-two',
    ]);
    expect(who('"They were very lucky," said coastguard watch manager Declan Moore.')).toEqual([
      'Declan Moore',
      'coastguard watch manager',
    ]);
    expect(who('"She is doing well," said zoo vet Dr Anneke Vos.')).toEqual(['Anneke Vos', 'zoo vet']);
    // A person, then the body they serve: the body is part of the role.
    expect(
      who('"It was an accident," Chief Inspector Marta Kell of the Brevik regional police told reporters.'),
    ).toEqual(['Marta Kell', 'Chief Inspector of the Brevik regional police']);
    expect(who('Professor Jane Smith of the University of Leeds said the risk was low.')).toEqual([
      'Professor Jane Smith',
      'of the University of Leeds',
    ]);
    // A body's own name keeps its "of".
    expect(who('The Church of England said the risk was low.')).toEqual(['Church of England', null]);
    expect(who('Secretary of State Antony Blinken said the risk was low.')).toEqual([
      'Secretary of State Antony Blinken',
      null,
    ]);
    expect(
      who('Chief operating officer Tomas Brandt said: "We restored trading as fast as we could."'),
    ).toEqual(['Tomas Brandt', 'Chief operating officer']);
    // A verb in the phrase still makes it a clause.
    expect(attr('Officials investigating the case said the fire was deliberate.')).toBeNull();
  });
  it('reads a role in apposition that opens with a named owner', () => {
    expect(
      attr(
        'Dr. Ines Calloway, Westmarch County\'s public health director, said: "We are tracing every vendor."',
      ),
    ).toEqual({ source: 'Ines Calloway', role: "Westmarch County's public health director", verb: 'said' });
    expect(
      attr("Ines Calloway, the county's public health director, said the outbreak was serious.")?.role,
    ).toBe("the county's public health director");
  });
  it("reads an initialism's points, a chief's title and a wire dateline as no ends of a name", () => {
    expect(attr("The scheme collapsed in 2023, according to the U.S. Attorney's Office.")?.source).toBe(
      "U.S. Attorney's Office",
    );
    expect(attr('Chief Executive Marta Lindqvist said the company had no plans to close its plant.')).toEqual(
      {
        source: 'Marta Lindqvist',
        role: 'Chief Executive',
        verb: 'said',
      },
    );
    expect(attr('The Executive Committee said the plan was approved.')?.source).toBe('Executive Committee');
    expect(
      attr(
        'ASHFORD, Oct 28 (Transworld Wire) - Norvane Systems said on Tuesday its quarterly profit fell 38%.',
      ),
    ).toEqual({ source: 'Norvane Systems', verb: 'said' });
  });
  it('reads the speaker after an inverted verb up to what closes it, and never the subject of what was said', () => {
    const who = (t: string) => {
      const a = attr(t);
      return a && [a.source, a.role ?? null];
    };
    expect(who('"No," says KFC spokesperson William Rausch.')).toEqual([
      'William Rausch',
      'KFC spokesperson',
    ]);
    expect(who('"No," said Army Gen. Martin Dempsey, the chairman.')).toEqual([
      'Martin Dempsey',
      'Army Gen.',
    ]);
    expect(who('"No," said Dylan about the creature.')).toEqual(['Dylan', null]);
    // A lowercase role before the name, a participle in it; a clause before a name is no role.
    expect(who('The plant will reopen, said chief operating officer Marcus Pell.')).toEqual([
      'Marcus Pell',
      'chief operating officer',
    ]);
    expect(who('"We will rebuild," said company spokesman Tom Reyes on Tuesday.')).toEqual([
      'Tom Reyes',
      'company spokesman',
    ]);
    expect(who('Prices rose sharply, said reports from Reuters.')).toBe(null);
    expect(who('"The country is getting older," said chief statistician Miriam Osei at the launch.')).toEqual(
      ['Miriam Osei', 'chief statistician'],
    );
    // Reporting verbs that tell how it was said.
    expect(who('"The benefits clearly outweigh the risks," Halvern boss Marcus Ebbe boasted.')).toEqual([
      'Marcus Ebbe',
      'Halvern boss',
    ]);
    expect(who('"We are still pulling people out of the rubble," sobbed Mayor Irena Vos.')).toEqual([
      'Irena Vos',
      'Mayor',
    ]);
    expect(
      who('"Quillon has let its customers down badly," fumed watchdog chief Marguerite Olsson.'),
    ).toEqual(['Marguerite Olsson', 'watchdog chief']);
    expect(who('The mayor vowed to reopen the bridge within a year.')).toEqual(['mayor', null]);
    // A reporting verb inside the quote is the speaker's own words, not the attribution.
    expect(
      who('"They told our reps on Monday that Ashford is on the list," said union secretary Gail Thornbury.'),
    ).toEqual(['Gail Thornbury', 'union secretary']);
    expect(who('"The copies," said I hurriedly.')).toEqual(['I', null]);
    // The role first, a possessive or a pronoun's, and the name between commas.
    expect(who('His lawyer, Mark Feld, said Dalton would appeal the conviction.')).toEqual([
      'Mark Feld',
      'His lawyer',
    ]);
    expect(who("'We will appeal,' Mr Chauhan's lawyer, Navkiran Singh, told AFP.")).toEqual([
      'Navkiran Singh',
      "Mr Chauhan's lawyer",
    ]);
    // Who is told is not who speaks; who follows "said" and goes on with a verb is what was said.
    expect(
      who('A guest at the dinner, who asked not to be identified, told Bloomberg the party was small.'),
    ).toBe(null);
    expect(
      who('The caller, who gave only her first name, said Brown turned around and charged at him.'),
    ).toBe(null);
  });
  it('reads "according to X, role," and trailing speakers', () => {
    expect(attr('According to Ihor Solovey, head of the centre, the video shows recruits.')).toEqual({
      source: 'Ihor Solovey',
      role: 'head of the centre',
      verb: 'according to',
    });
    // Inverted after a quote, the role first and the name in apposition.
    expect(
      attr('"We will not negotiate with criminals," said the city\'s technology director, Raj Patel.'),
    ).toEqual({
      source: 'Raj Patel',
      role: "the city's technology director",
      verb: 'said',
    });
    // A role of someone's ("Woods' agent"), and where it was said after the name.
    expect(
      attr('"These claims are absolutely false," said Woods’ agent, Mark Steinberg, in a statement.'),
    ).toEqual({ source: 'Mark Steinberg', role: 'Woods’ agent', verb: 'said' });
    // A time that opens the sentence is no part of the speaker's name.
    expect(attr('On Tuesday Mark Olberholtzer told the Galveston Daily News he was mystified.')).toEqual({
      source: 'Mark Olberholtzer',
      verb: 'told',
    });
    expect(attr('Sunday Times editor Ben Taylor said the story was true.')?.role).toBe('Sunday Times editor');
    expect(attr('The bridge was safe, said the engineer, who asked not to be named.')).toBeNull();
    // What follows the comma is the sentence's own clause (a verb) or a relative clause, not a role.
    expect(
      attr(
        'According to reports, an iPhone game designer decided he had had enough with his job, so he quit.',
      ),
    ).toEqual({ source: 'reports', verb: 'according to' });
    expect(attr('According to the agency, which monitors the war, 40 people died.')).toEqual({
      source: 'agency',
      verb: 'according to',
    });
    expect(attr('The first 1,500 were shipped, the National Intelligence Service claimed.')).toEqual({
      source: 'National Intelligence Service',
      verb: 'claimed',
    });
    expect(attr('“I can’t confirm those reports,” Austin said Saturday.')).toMatchObject({
      source: 'Austin',
      verb: 'said',
    });
    expect(attr('Lloyd Austin told reporters he could not confirm it.')).toMatchObject({
      source: 'Lloyd Austin',
      verb: 'told',
    });
  });
  // An organisation's name holds prepositions and title words that elsewhere begin a role.
  it.each([
    [
      'The Kenya National Commission on Human Rights said 23 people were injured.',
      'Kenya National Commission on Human Rights',
    ],
    [
      "Ukraine's Ministry of Foreign Affairs said the troops had crossed.",
      "Ukraine's Ministry of Foreign Affairs",
    ],
    [
      'The International Committee of the Red Cross said 40 aid workers were killed.',
      'International Committee of the Red Cross',
    ],
    ['The State Department said 300 people were evacuated.', 'State Department'],
  ])('keeps an organisation whole: %s', (text, source) => {
    expect(attr(text)).toEqual({ source, verb: 'said' });
  });
  it.each([
    [
      'Data from the Bureau of Labor Statistics showed unemployment fell to 3.5 percent.',
      'Bureau of Labor Statistics',
      'showed',
    ],
    [
      'Figures from the Office for National Statistics show inflation rose to 3.2 percent.',
      'Office for National Statistics',
      'show',
    ],
    ['A survey by Gallup found that 62 percent of Americans support the measure.', 'Gallup', 'found'],
  ])('takes who published figures, a survey or a study as its source: %s', (text, source, verb) => {
    expect(attr(text)).toEqual({ source, verb });
  });
  it.each([
    'The study found that 1 in 5 adults was affected.',
    'Data showed unemployment fell to 3.5 percent.',
    'The video showed soldiers standing in line.',
    'Police found 12 bodies in the house.',
  ])('names no source for a finding nobody is named for: %s', (text) => {
    expect(attr(text)).toBeNull();
  });
  it('ends the author of a report at the verb of its finding', () => {
    expect(
      attr('A report by the Government Accountability Office found that 40 percent was misspent.'),
    ).toEqual({
      source: 'Government Accountability Office',
      verb: 'claimed',
    });
  });
  it.each([
    [
      'The Syrian Observatory for Human Rights, a Britain-based war monitor, said 35 people were killed.',
      'Syrian Observatory for Human Rights',
      'a Britain-based war monitor',
    ],
    [
      'The head of the World Health Organization, Tedros Adhanom Ghebreyesus, said 5 million doses were sent.',
      'Tedros Adhanom Ghebreyesus',
      'head of the World Health Organization',
    ],
    ['Mr. Johnson, 54, said he had lost his job.', 'Johnson', 'Mr.'],
  ])('reads a speaker and a role set apart by commas either way round: %s', (text, source, role) => {
    expect(attr(text)).toEqual({ source, role, verb: 'said' });
  });
  it.each([
    ['Foreign Minister Andrii Sybiha said the troops had crossed.', 'Andrii Sybiha', 'Foreign Minister'],
    ['Secretary General Mark Rutte said the troops had crossed.', 'Mark Rutte', 'Secretary General'],
    ['Prime Minister Keir Starmer said 5,000 homes would be built.', 'Keir Starmer', 'Prime Minister'],
  ])('still takes a title before a name as the role: %s', (text, source, role) => {
    expect(attr(text)).toEqual({ source, role, verb: 'said' });
  });
  it('ignores the speaker talking about their own words and passive accusations', () => {
    expect(attr('Let me say this about taxes.')).toBeNull();
    expect(attr('Now North Korea is accused of supplying manpower.')).toBeNull();
  });
  // A number's separator is not a clause boundary, and an aside in brackets is not part of the source.
  it.each([
    [
      "The port handled 1.2 million containers according to the authority's annual report (and employs about 2,800) says the mayor.",
      { source: "authority's annual report", verb: 'according to' },
    ],
    [
      'According to the 2,800-page report by the inspectorate, the fleet was grounded.',
      { source: '2,800-page report by the inspectorate', verb: 'according to' },
    ],
    [
      'According to the 3.5 million residents of the city, the water is safe.',
      { source: '3.5 million residents of the city', verb: 'according to' },
    ],
    [
      "The ministry's 1,200-page report said the dam was unsafe.",
      { source: "ministry's 1,200-page report", verb: 'said' },
    ],
    [
      'According to a 1,500-word statement from the ministry, talks stalled.',
      { source: '1,500-word statement from the ministry', verb: 'according to' },
    ],
  ])('%s', (text, expected) => {
    expect(attr(text)).toEqual(expected);
  });
});

describe('findHedges', () => {
  it('finds hedging words once each', () => {
    expect(findHedges('A video purportedly shows troops who may be sent; they may go, allegedly.')).toEqual([
      'purportedly',
      'may',
      'allegedly',
    ]);
  });
});

describe('parseSentences and what wink learns', () => {
  it('reads a possessive the same way before and after a sentence that ends with one', () => {
    // A made-up name, so no other test has taught it to wink already.
    const sentence = "The opening in Quillbrook's screen was narrow.";
    const tokens = () => parseSentences(sentence)[0].tokens.map((t) => `${t.text}/${t.pos}`);
    const before = tokens();
    // wink keeps a possessive before a full stop whole and learns it as a word.
    parseSentences("That assumption was none of Quillbrook's.");
    expect(tokens()).toEqual(before);
    expect(before).toContain("'s/PART");
    expect(before.some((t) => t.startsWith('Quillbrook/'))).toBe(true);
  });
});

describe('parseBlocks', () => {
  // Lines that wink could run together or split differently if it read them as one text.
  const texts = [
    'Troops massed on the border\nofficials said on Monday that 2,600 were ready.',
    '• First point without a stop\n• Second point, in the U.S.\nthird line in lower case.',
    '"We will fight. We will win," he said. Officials at Snopes.com which checked it disagreed.',
    "It was none of Quillbrook's.\nQuillbrook's office did not answer.",
    '',
    '   ',
    'A headline\r\n\r\nA paragraph after blank lines. And a second sentence?',
    'Prices rose 3.5 per cent in Oct. and fell in Nov.',
  ];

  it('gives each text the sentences it gets alone', () => {
    const together = parseBlocks(texts);
    expect(together).toHaveLength(texts.length);
    texts.forEach((text, i) => {
      expect(together[i]).toEqual(parseSentences(text));
    });
  });

  it('gives each line of a text the sentences it gets alone, at its offset', () => {
    texts.forEach((text, i) => {
      const lines = [...text.matchAll(/[^\n\r]+/g)];
      const alone = lines.flatMap((m) => {
        const base = m.index ?? 0;
        return parseSentences(m[0]).map((s) => ({ ...s, start: s.start + base, end: s.end + base }));
      });
      expect(parseBlocks(texts)[i]).toEqual(alone);
    });
  });
});

describe('originKey', () => {
  // Pairs that name one source, and pairs that must stay apart.
  const same: [string, string][] = [
    ['Kyrylo Budanov', 'Budanov'],
    ['the Pentagon', 'Pentagon'],
    ['Volodymyr Zelensky', 'Volodymyr Zelenskyy'],
    ['President Zelenskiy', 'Zelensky'],
    ['Zelenski', 'Zelenskyy'],
    ['Muammar Gaddafi', 'Gadafi'],
    ['Recep Tayyip Erdoğan', 'Erdogan'],
    ["Ukraine's military intelligence", 'military intelligence'],
  ];
  const apart: [string, string][] = [
    ['Kyrylo Budanov', 'Dmitry Peskov'],
    ['Pat Ryder', 'Lloyd Austin'],
    ['Putin', 'Patton'],
    ['Rutte', 'Root'],
    ['Amy', 'Ams'],
  ];
  it.each(same)('"%s" and "%s" are one source', (a, b) => expect(originKey(a)).toBe(originKey(b)));
  it.each(apart)('"%s" and "%s" are two sources', (a, b) => expect(originKey(a)).not.toBe(originKey(b)));
  // A speaker is one person under two spellings one letter apart; short names stay apart.
  const speakers: [string, string, boolean][] = [
    ['Mark Olberholtzer', 'Jeff Oberholtzer', true],
    ['Dana Ortiz', 'Mark Hellman', false],
    ['Berg', 'Borg', false],
    ...apart.map(([a, b]): [string, string, boolean] => [a, b, false]),
  ];
  it.each(speakers)('"%s" and "%s": one speaker %s', (a, b, one) => expect(sameOrigin(a, b)).toBe(one));
});
