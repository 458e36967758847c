import { describe, expect, it } from 'vitest';
import { analyzeSentences } from '../claims/index.ts';
import type { SentenceAnalysis } from '../model/sentence.ts';
import { alignScore, alignSentences, overlap, saysAlike } from './align.ts';
import { featuresSymmetric, prepare } from './features.ts';
import { indexTerms, matchEvidence, queryTerms, similarity } from './index.ts';
import { ParaphraseMemo, paraphraseProbability } from './model.ts';
import { isMsrpDev, parseMsrp } from './msrp.ts';
import { compatible, quantitiesOf, sameScale, unitsAgree } from './numbers.ts';
import { contentStems, sortedOverlapCount, tokens } from './text.ts';

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

const q = (text: string) => quantitiesOf(text)[0];

describe('remembered words of a sentence', () => {
  it('gives the same words on every call and lets no caller change them for the next', () => {
    const text = 'Officials said 2,600 troops had not arrived.';
    const first = tokens(text);
    expect(tokens(text)).toBe(first);
    expect(first).toEqual(['officials', 'said', '2,600', 'troops', 'had', 'not', 'arrived']);
    expect(() => (first as string[]).push('x')).toThrow(TypeError);
    expect(contentStems(text)).toBe(contentStems(text));
    expect(() => (contentStems(text) as string[]).reverse()).toThrow(TypeError);
    expect(contentStems(text)).toEqual(['offici', '2,600', 'troop', 'arriv']);
  });

  it('reads a long text afresh each time rather than keeping it', () => {
    const long = 'Troops arrived. '.repeat(100);
    expect(tokens(long)).not.toBe(tokens(long));
    expect(tokens(long)).toHaveLength(200);
  });
});

describe('multiset overlap of sorted token lists', () => {
  it('counts each shared token as often as both lists hold it', () => {
    const bag = (xs: string[]) => [...xs].sort();
    expect(sortedOverlapCount(bag(['a', 'b', 'b', 'c']), bag(['b', 'b', 'b', 'd', 'a']))).toBe(3);
    expect(sortedOverlapCount(bag([' th', 'the', 'he ', ' th']), bag([' th', 'he ']))).toBe(2);
    expect(sortedOverlapCount([], bag(['a']))).toBe(0);
    expect(sortedOverlapCount(bag(['Z', 'a', 'é']), bag(['é', 'a', 'Z']))).toBe(3);
  });
});

describe('paraphrase memo', () => {
  it('answers either order as the model does, also when a figure makes the features differ by order', () => {
    const pairs = [
      [
        'Close to 11,000 North Korean troops are in Russia, Budanov said.',
        'Nearly 11,000 North Korean troops are stationed in Russia, according to Budanov.',
      ],
      ['Police found 5 cars and 12 bikes on the bridge.', 'Police found 5 cars on the bridge.'],
    ].map(([a, b]) => [prepare(a), prepare(b)] as const);
    expect(pairs.map(([a, b]) => featuresSymmetric(a, b))).toEqual([true, false]);
    const memo = new ParaphraseMemo();
    for (const [a, b] of pairs) {
      expect(memo.probability(a, b)).toBe(paraphraseProbability(a, b));
      expect(memo.probability(b, a)).toBe(paraphraseProbability(b, a));
      expect(memo.probability(a, b)).toBe(paraphraseProbability(a, b));
    }
    expect(paraphraseProbability(...pairs[1])).not.toBe(paraphraseProbability(pairs[1][1], pairs[1][0]));
  });
});

describe('quantities', () => {
  it('reads qualifiers, scales and dates', () => {
    expect(q('more than 11,000 soldiers')).toMatchObject({
      value: 11000,
      qualifier: 'more-than',
      raw: 'more than 11,000',
    });
    expect(q('close to 11,000 troops')).toMatchObject({ value: 11000, qualifier: 'approx' });
    expect(q('some 1.2million troops')).toMatchObject({ value: 1_200_000 });
    expect(q('up to 12,000 troops')).toMatchObject({ qualifier: 'up-to', unit: 'troops' });
    expect(quantitiesOf('ready by Nov. 1')).toEqual([]);
    expect(quantitiesOf('since August 2023')).toEqual([]);
  });

  it('treats qualifiers touching the same value as compatible and different values as conflicting', () => {
    expect(compatible(q('close to 11,000'), q('more than 11,000'))).toBe(true);
    // Close by, on one side: "just under 5%" is no 3.99%, "a little over 300" no 350.
    expect(compatible(q('just under 5%'), q('3.99%'))).toBe(false);
    expect(compatible(q('just under 5%'), q('4.9%'))).toBe(true);
    expect(compatible(q('a little over 300'), q('350'))).toBe(false);
    expect(compatible(q('a little over 300'), q('305'))).toBe(true);
    // ... and not on the other: "just over 200 votes" is 212, no 195; "just under 5%" no 5.2%.
    expect(compatible(q('just over 200 votes'), q('212 votes'))).toBe(true);
    expect(compatible(q('just over 200 votes'), q('195 votes'))).toBe(false);
    expect(compatible(q('just under 5%'), q('5.2%'))).toBe(false);
    expect(compatible(q('just over 10'), q('11'))).toBe(true);
    expect(compatible(q('just over 200'), q('about 200'))).toBe(true);
    // A round count under a hundred is told to its rounding: "just over 30 pupils" may be 34, not 36.
    expect(compatible(q('just over 30 pupils'), q('34 pupils'))).toBe(true);
    expect(compatible(q('just over 30 pupils'), q('36 pupils'))).toBe(false);
    // An approximate whole share that is not round is told to its last digit; a round one more loosely.
    expect(compatible(q('About 54 per cent'), q('51.8 percent'))).toBe(false);
    expect(compatible(q('About 54 per cent'), q('54.3 percent'))).toBe(true);
    expect(compatible(q('about 30 percent'), q('28.9 percent'))).toBe(true);
    // Two limits are two values of one maximum; a limit holds any figure within it.
    expect(compatible(q('fines of up to 1,000 pounds'), q('fined up to 500 pounds'))).toBe(false);
    expect(compatible(q('up to 1,000 pounds'), q('up to £1,000'))).toBe(true);
    expect(compatible(q('up to 1,000 pounds'), q('500 pounds'))).toBe(true);
    expect(compatible(q('nearly 11,000'), q('more than 11,000'))).toBe(true);
    expect(compatible(q('11,000'), q('more than 11,000'))).toBe(true);
    expect(compatible(q('around 10,000'), q('more than 11,000'))).toBe(false);
    expect(compatible(q('close to 10,000'), q('more than 11,000'))).toBe(false);
    expect(compatible(q('10,000'), q('12,000'))).toBe(false);
    // An approximate small count is at least one either way: "nearly a dozen" jetliners may be 11.
    expect(compatible(q('nearly a dozen jetliners'), q('11 jetliners'))).toBe(true);
    expect(compatible(q('about 60 feet'), q('about 40 feet'))).toBe(false);
    expect(compatible(q('about 4.5%'), q('5.2%'))).toBe(false);
    // A round count of two digits is as loose as its rounding, within limits.
    expect(compatible(q('about 40 kilometres'), q('42 kilometres'))).toBe(true);
    expect(compatible(q('about 20 people'), q('22 people'))).toBe(false);
    // An approximate whole share rounds a decimal one.
    expect(compatible(q('about 2 percent'), q('2.3%'))).toBe(true);
    expect(compatible(q('about 1%'), q('0.8%'))).toBe(true);
    expect(compatible(q('about 2 percent'), q('2.8%'))).toBe(false);
  });

  it('reads two round figures as one count only when the finer rounds to the coarser', () => {
    expect(compatible(q('85 million euros'), q('80 million euros'))).toBe(false);
    expect(compatible(q('$4.6 billion'), q('$4.2 billion'))).toBe(false);
    expect(compatible(q('1.45 million people'), q('1.5 million people'))).toBe(true);
    expect(compatible(q('2,100 homes'), q('2,000 homes'))).toBe(true);
    // A figure that is not round is what a round one rounds, as before.
    expect(compatible(q('a $2,084 tip'), q('a $2,000 tip'))).toBe(true);
  });

  it('reads a whole percentage as what a finer one rounds to', () => {
    expect(compatible(q('shares rose 14%'), q('shares closed up 14.2%'))).toBe(true);
    expect(compatible(q('41.3% of the vote'), q('41.26% of the vote'))).toBe(true);
    expect(compatible(q('shares rose 14%'), q('shares closed up 14.6%'))).toBe(false);
    // Up is no fall, however close.
    expect(compatible(q('shares rose 14%'), q('shares fell 14.2%'))).toBe(false);
  });

  it('counts people and each kind of people as one thing, but no two kinds as one', () => {
    const agree = (a: string, b: string) => unitsAgree(q(a), q(b));
    expect(agree('Seven patients are in hospital.', 'Six people have been admitted.')).toBe(true);
    expect(agree('11,000 troops', 'about 10,000 soldiers')).toBe(true);
    expect(agree('40 militants were killed.', '48 fighters were killed.')).toBe(true);
    expect(agree('23 civilians were killed.', '40 fighters were killed.')).toBe(false);
    expect(agree('seven children', '23 civilians')).toBe(false);
    expect(agree('25 workers were trapped.', '23 miners were trapped.')).toBe(true);
  });

  it('compares temperatures across their scales', () => {
    expect(compatible(q('a high of 117.7F'), q('a high of 47.6C'))).toBe(true);
    expect(compatible(q('a high of 117F'), q('a high of 41.2C'))).toBe(false);
    expect(unitsAgree(q('a high of 106 °F'), q('a high of 41.2°C'))).toBe(true);
  });

  it('reads a share told as a fraction as the percentage it is, loosely', () => {
    expect(compatible(q('a third of voters'), q('34% of voters'))).toBe(true);
    expect(compatible(q('nearly half of the staff'), q('47 percent of the staff'))).toBe(true);
    expect(compatible(q('two-thirds of homes'), q('67% of homes'))).toBe(true);
    expect(compatible(q('a quarter of voters'), q('40% of voters'))).toBe(false);
    expect(compatible(q('more than half of voters'), q('70% of voters'))).toBe(true);
    expect(sameScale(q('half of them'), q('50%'))).toBe(true);
    // A share is no count: "half of them" is not 0.5 soldiers, nor 50 of them.
    expect(sameScale(q('half of them'), q('50 soldiers'))).toBe(false);
    expect(unitsAgree(q('a third of voters'), q('34% of voters'))).toBe(true);
  });

  // Each row: our statement, theirs, whether both can be true. The qualifiers are read by src/nlp/numbers.ts.
  it.each([
    ['no more than 50', '60', false],
    ['at most 50', '60', false],
    ['not more than 50', '40', true],
    ['greater than 1,000', '900', false],
    ['greater than 1,000', '1,500', true],
    ['no fewer than 200', '150', false],
    ['no less than 200', '250', true],
    ['fewer than 100', '120', false],
    ['up to 12,000', '10,000', true],
    ['more or less 500', '510', true],
    ['more or less 500', '700', false],
    ['~11,000', 'about 11,000', true],
    ['employs around 400 people', 'employs 420 people', true],
    ['nearly 200 cancers', '186 cancers', true],
    ['around 400 people', '450 people', false],
  ])('%s against %s: compatible %s', (ours, theirs, expected) => {
    expect(compatible(q(ours), q(theirs))).toBe(expected);
  });

  // A measure converted to another unit is one quantity, as far as a rounded conversion reaches.
  it.each([
    ['a 2-kilometre radius', 'within about 1.2 miles', true],
    ['within three miles of the plant', 'a 2-kilometre radius', false],
    ['a 5 km race', 'a 3-mile race', true],
    ['Wind gusts reached 110 km/h', 'gusts of 68 mph', true],
    ['Wind gusts reached 110 km/h', 'gusts of 81 miles per hour', false],
    ['40,000 litres of solvent', '10,500 gallons of solvent', true],
    ['4,000 litres of solvent', '10,500 gallons of solvent', false],
    ['500 acres', '200 hectares', true],
    ['500 acres', '300 hectares', false],
    ['cut rates by 25 basis points', 'cut by 0.25 percentage points', true],
    ['cut rates by 25bp', 'cut by half a percentage point', false],
    ['a 450-basis-point increase', 'up by 4.5 percentage points', true],
    ['the crown lost about 18pc', 'a fall of 18 per cent', true],
    ['will pay four point two billion dollars', 'agreed to pay $4.2 billion', true],
  ])('%s against %s: compatible %s', (ours, theirs, expected) => {
    expect(unitsAgree(q(ours), q(theirs))).toBe(true);
    expect(compatible(q(ours), q(theirs))).toBe(expected);
  });

  it('reads a distance an hour as a speed, and keeps pounds apart from kilograms', () => {
    expect(q('gusts of 110 km/h')?.unit).toBe('km/h');
    expect(q('driving at 90 kilometres an hour')?.unit).toBe('km/h');
    expect(q('winds of 70 miles per hour')?.unit).toBe('mph');
    expect(unitsAgree(q('a 110 km/h gust'), q('a 110 km stage'))).toBe(false);
    expect(unitsAgree(q('weighed 280 pounds'), q('weighed 127 kilograms'))).toBe(false);
  });
});

describe('index terms', () => {
  const claim = sentence(
    'Kyrylo Budanov said more than 11,000 North Korean soldiers would be ready by Nov. 1.',
  );

  it('keys on names, numbers and pairs of them, never on function words or dates', () => {
    const terms = indexTerms(claim);
    expect(terms).toContain('#11000');
    expect(terms).toContain('budanov');
    expect(terms.some((t) => t.includes('&'))).toBe(true);
    for (const t of ['the', 'would', 'said', 'nov', '#1']) expect(terms).not.toContain(t);
    expect(terms.length).toBeLessThanOrEqual(15);
  });

  it('queries with a subset of the stored keys', () => {
    const query = queryTerms(claim, 3);
    for (const t of query) expect(indexTerms(claim)).toContain(t);
    expect(query.filter((t) => !t.includes('&')).length).toBeLessThanOrEqual(3);
  });

  it('gives different wordings of one number the same key', () => {
    expect(indexTerms(sentence('Budanov counted 11000 soldiers.'))).toContain('#11000');
  });
});

describe('match evidence', () => {
  it('counts a day both sentences name as a shared detail', () => {
    const read = (text: string) => analyzeSentences([{ kind: 'paragraph', text }], '2024-10-21')[0];
    const a = read(
      'The first 1,500 were shipped on Russian navy vessels to Vladivostok from October 8 to 13.',
    );
    const b = read(
      'Intelligence said these soldiers were transported from Oct. 8-13 via seven Russian naval vessels.',
    );
    const e = matchEvidence(a, b);
    expect(e.sharedDays).toBe(1);
    expect(
      matchEvidence(a, read('The first 1,500 were shipped on Russian navy vessels in August.')).sharedDays,
    ).toBe(0);
  });
});

describe('similarity', () => {
  it('ranks a rewording of a fact above a different fact about the same people', () => {
    const a = sentence(
      'Budanov said close to 11,000 North Korean troops are in Russia and will be ready to fight by Nov. 1.',
    );
    const b = sentence(
      'Budanov indicated that nearly 11,000 North Korean troops are stationed in Russia, ready to fight by November 1.',
    );
    const c = sentence(
      'Budanov said the first group of 2,600 soldiers will be deployed to the Kursk region.',
    );
    const ab = similarity(a, b);
    expect(ab).toBeGreaterThan(similarity(a, c));
    expect(ab).toBeGreaterThanOrEqual(0);
    expect(ab).toBeLessThanOrEqual(1);
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a), 1);
  });
});

describe('MSRP format', () => {
  it('parses the tab-separated file and splits deterministically', () => {
    const text =
      '\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t1\t2\tA cat sat.\tThe cat sat.\r\n0\t3\t4\tX rose.\tY fell.\r\n';
    const pairs = parseMsrp(text);
    expect(pairs).toHaveLength(2);
    expect(pairs[0]).toMatchObject({ quality: 1, id1: '1', id2: '2', s2: 'The cat sat.' });
    expect(isMsrpDev(pairs[0])).toBe(isMsrpDev({ ...pairs[0] }));
  });
});

describe('saysAlike', () => {
  it('reads two lines of one speaker and role as sharing nothing they say, and a repeated line as alike', () => {
    const [betrayal, challenge, same] = analyzeSentences([
      {
        kind: 'paragraph',
        text: 'Union president Marcus Hale said the decision was "a betrayal of the workers".',
      },
      { kind: 'paragraph', text: 'Union president Marcus Hale said the union would challenge the move.' },
      { kind: 'paragraph', text: "'It's Kevin being Kevin,' his cousin Keith told CBC." },
    ]);
    expect(betrayal.attribution?.role).toBe('Union president');
    expect(saysAlike(betrayal, challenge)).toBe(false);
    expect(saysAlike(same, { ...same })).toBe(true);
  });

  it('asks two lines of one speaker for more than a word in common, beyond whom they told', () => {
    const read = (text: string) => analyzeSentences([{ kind: 'paragraph', text }])[0];
    const search = read(
      'Mountain rescue team leader Gareth Pryce said it was "one of the longest searches" the team had carried out in its 50-year history.',
    );
    const kit = read(
      'Team leader Gareth Pryce said the rescue showed the value of carrying emergency kit on short walks.',
    );
    expect(saysAlike(search, kit)).toBe(false);
    expect(
      saysAlike(
        read('Oberholtzer told CBS News that he had hired a lawyer to make Twitter remove the posting.'),
        read('Oberholtzer told CBS News that he no longer owned the vehicle.'),
      ),
    ).toBe(false);
    // Two lines of one speaker about one thing still say alike.
    expect(
      saysAlike(
        read(
          "The Pentagon's press secretary confirmed the death of Ahmed Abdi Godane in a brief written statement.",
        ),
        read(
          'The Pentagon has confirmed that Ahmed Abdi Godane, the leader of al-Shabaab, was killed in an air strike.',
        ),
      ),
    ).toBe(true);
    // A closing speaker named by a common noun is who spoke, not what was said.
    expect(
      saysAlike(
        read('They were in and out in less than eight minutes, the museum said.'),
        read('Three guards were on duty at the time of the raid, the museum said.'),
      ),
    ).toBe(false);
    // Nor is one number word that counts other things in each.
    expect(
      saysAlike(
        read('More than forty people were injured in the crash.'),
        read('The fog was so dense that drivers could see less than forty metres ahead.'),
      ),
    ).toBe(false);
    expect(
      saysAlike(
        read('More than forty people were injured in the crash.'),
        read('Forty people were hurt, police said.'),
      ),
    ).toBe(true);
    // Nor is what a closing named speaker is ("said Andrew Hollis, chief inspector of ...").
    expect(
      saysAlike(
        read(
          'The lorry was travelling at about 50 mph when it left the road, said Mary Cole, chief inspector of the Road Safety Board.',
        ),
        read('The Road Safety Board said its inspectors would stay at the scene until Friday.'),
      ),
    ).toBe(false);
  });
});

describe('alignSentences', () => {
  it('pairs a sentence that states two facts with the statement of each', () => {
    // Two seed outlets: The Korea Herald states the video's release and what it shows in one sentence,
    // World News Desk in two; the release scores about three quarters of what it shows.
    const ours = [
      sentence(
        "World News: On October 18, Ukraine's Center for Strategic Communication and Information Security released a video purportedly showcasing North Korean soldiers at a Russian military camp, gearing up to participate in the ongoing conflict in Ukraine.",
      ),
      sentence('The video shows troops in military uniforms lining up to receive equipment.'),
    ];
    const theirs = [
      sentence(
        "Ukraine's Center for Strategic Communication and Information Security on Saturday released a video via its official X account showing what it claimed were North Korean soldiers lining up and receiving uniforms and equipment in Russia's training ground in the Far East region.",
      ),
    ];
    expect(alignSentences(ours, theirs, 0.2).map((a) => [a.ours, a.theirs])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('pairs the sentence that states the same fact, not a one-word line its words cover', () => {
    const ours = [sentence('Banksy has not been arrested.')];
    const theirs = [
      sentence('Banksy?'),
      sentence('Banksy has not been arrested, despite a report stating the contrary.'),
    ];
    // The one-word line scores higher (all of it is covered), yet says nothing to align with.
    expect(alignScore(overlap(ours[0], theirs[0]))).toBeGreaterThan(alignScore(overlap(ours[0], theirs[1])));
    expect(alignSentences(ours, theirs, 0.2)).toEqual([{ ours: 0, theirs: 1, score: expect.any(Number) }]);
    expect(alignSentences(theirs, ours, 0.2)).toEqual([{ ours: 1, theirs: 0, score: expect.any(Number) }]);
  });

  it('scores each pair it aligns exactly as the pair alone scores', () => {
    // The alignment scores whole articles through an index of their stems; each pair's score must be
    // the very number `overlap` gives it, whichever sentences share no stem at all.
    const ours = [
      'Close to 11,000 North Korean troops are in Russia, the intelligence chief said.',
      'The weather was mild.',
      'Seoul summoned the Russian ambassador on Tuesday.',
      'North Korea denied sending any troops.',
    ].map(sentence);
    const theirs = [
      'Nearly 11,000 North Korean soldiers are stationed in Russia, according to the intelligence chief.',
      'Markets rose on Monday.',
      'The Russian ambassador was summoned in Seoul.',
      'Pyongyang has denied sending troops to Russia.',
      'Troops, troops and more troops.',
    ].map(sentence);
    const aligned = alignSentences(ours, theirs, 0);
    expect(aligned.length).toBeGreaterThanOrEqual(3);
    for (const a of aligned) expect(a.score).toBe(alignScore(overlap(ours[a.ours], theirs[a.theirs])));
    for (const a of alignSentences(theirs, ours, 0))
      expect(a.score).toBe(alignScore(overlap(theirs[a.ours], ours[a.theirs])));
  });
});
