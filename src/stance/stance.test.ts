import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSentences } from '../claims/index.ts';
import { claimMask, DEFAULT_CLAIM_THRESHOLD, type SentenceAnalysis } from '../model/sentence.ts';
import { findNumbers } from '../nlp/numbers.ts';
import { parseText } from '../nlp/parse.ts';
import { parseCsv, toCsv } from '../util/csv.ts';
import { refutingWords, tellingRefutations } from './cues.ts';
import { fncScore, parseStances } from './fnc.ts';
import { figuresDiffer, numberConflict } from './index.ts';
import { type ArticleReading, judgeBoth, judgePair, negatesClaim } from './pair.ts';

const SEEDS = join(import.meta.dirname, '../../test/fixtures/seeds');

function sentence(text: string): SentenceAnalysis {
  return {
    text,
    start: 0,
    end: text.length,
    score: 1,
    attribution: null,
    numbers: findNumbers(text),
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
  });

  it('round-trips quoted CSV fields with commas, quotes and line breaks', () => {
    const rows = [['a, "b"', 'line\nbreak']];
    expect(parseCsv(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ...rows]);
    expect(parseStances('Headline,Body ID\nSome headline,7\n')).toEqual([
      { headline: 'Some headline', bodyId: '7' },
    ]);
  });
});

describe('refuting words', () => {
  it('reads "stage" as a refutation only as the verb of a fake', () => {
    const refuting = (text: string) => refutingWords(text) > 0;
    expect(refuting('Rapper Kanye West took the stage as Beck was accepting the award.')).toBe(false);
    expect(refuting('The project is at an early stage.')).toBe(false);
    expect(refuting('Protesters staged a sit-in outside the embassy.')).toBe(false);
    expect(refuting('Did Josh Paler Lin Stage His Viral Video?')).toBe(true);
    expect(refuting('A witness says the whole scene was staged.')).toBe(true);
    expect(refuting('Did they stage it?')).toBe(true);
  });

  it('reads "dismiss" as a refutation only when what it dismisses is a telling, not a person fired', () => {
    const refuting = (text: string) => refutingWords(text) > 0;
    expect(refuting('Absent from duty for 25 years, CPWD official dismissed')).toBe(false);
    expect(refuting('He was dismissed from service on Thursday for unauthorised absence.')).toBe(false);
    expect(refuting('The minister ordered his dismissal in order to set an example.')).toBe(false);
    expect(refuting("The attorney's office has dismissed 849 misdemeanor marijuana cases.")).toBe(false);
    expect(refuting('Iraqi Official Dismisses Unfounded Reports That ISIS Fighters Have Ebola')).toBe(true);
    expect(refuting('The spokesman dismissed the speculation.')).toBe(true);
    expect(refuting('Comcast dismisses the rumor as nonsense.')).toBe(true);
    expect(refuting('The Kremlin dismissed it as a provocation.')).toBe(true);
    expect(refuting('The claims were dismissed by the ministry.')).toBe(true);
  });

  it('reads "reject" as a refutation unless what it rejects is an action put forward (an offer, a bid, an appeal)', () => {
    const refuting = (text: string) => refutingWords(text) > 0;
    expect(refuting('Penmore Bank rejects takeover offer from rival Harwick')).toBe(false);
    expect(refuting('Valmonte rejected a £50m bid in July.')).toBe(false);
    expect(refuting('The court rejected his appeal on Monday.')).toBe(false);
    expect(refuting('The ministry rejected the reports as false.')).toBe(true);
    expect(refuting('Police reject claims that the video was staged.')).toBe(true);
    expect(refuting('The Pentagon rejected the idea outright.')).toBe(true);
  });

  it('reads "a figment of the imagination" as a refutation, as it does "a myth"', () => {
    const refuting = (text: string) => refutingWords(text) > 0;
    expect(refuting('The pumpkin-spice condom is just a figment of your own gross imagination')).toBe(true);
    expect(refuting('The claim is a myth.')).toBe(true);
  });

  it.each([
    ['The fake story named the man in the video.', 1],
    ['The video is fake, police said.', 1],
    ['It was a false alarm, and fake news spread fast.', 2],
    ['The claim is false and the photo is fake.', 2],
    ['They were issued fake identification documents to pass as Russian nationals.', 0],
    ['He sold fake passports and false identities to migrants, police said.', 0],
  ])('tells a refuted story from a fake thing: %s', (text, n) => {
    expect(tellingRefutations(text)).toBe(n);
  });
});

describe('judgePair', () => {
  const claim = sentence(
    'Officials said more than 11,000 North Korean soldiers are in Russia and will be ready to fight by Nov. 1.',
  );
  const report = (sentences: SentenceAnalysis[]) => ({ sentences, side: 'report' as const });
  const debunkOf = (sentences: SentenceAnalysis[]) => ({ sentences, side: 'debunk' as const });
  const stances = (ours: SentenceAnalysis[], theirs: SentenceAnalysis[]) =>
    judgePair(report(ours), report(theirs)).map((j) => [j.ours, j.theirs, j.detail.stance, j.detail.basis]);

  /**
   * Their judgements of ours, two articles of three sentences that differ only in the middle one, each
   * sentence analysed as the pipeline analyses it (figures with their tokens, days, speakers).
   */
  const judgedBetween = (first: string, last: string) => {
    const article = (middle: string) =>
      report([first, middle, last].map((t) => analyzeSentences([{ kind: 'paragraph', text: t }])[0]));
    return (ours: string, theirs: string) => judgePair(article(ours), article(theirs));
  };
  /** The number and date conflicts of `judgedBetween`. */
  const disputesBetween = (first: string, last: string) => {
    const judged = judgedBetween(first, last);
    return (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.detail.stance === 'disputes')
        .map((j) => j.detail.numberConflict);
  };

  it('disputes who said a lone quote, its speaker named in the sentence before', () => {
    const read = (text: string) => report(analyzeSentences([{ kind: 'paragraph', text }]));
    const ours = read(
      'Health Secretary Miriam Castell ordered a review of the price rise on Tuesday. "This is indefensible," Castell told reporters outside parliament. "We will not stand by while patients are priced out of their own treatment."',
    );
    const theirs = read(
      'The opposition called for an emergency debate on the price rise. Its members met on Tuesday evening. "We will not stand by while patients are priced out of their own treatment," said Dev Anand, the opposition\'s health spokesperson.',
    );
    const quote = judgePair(ours, theirs).filter((j) => j.ours === 2 && j.theirs === 2);
    expect(quote.map((j) => [j.detail.stance, j.detail.numberConflict])).toEqual([
      ['disputes', { ours: 'Miriam Castell', theirs: 'Dev Anand' }],
    ]);
  });

  it('reads a denial of a telling named with words of its own, and a subject that did not do what it is said to', () => {
    const judged = judgedBetween(
      'The actor stars in the hit drama The Glass Coast, now in its third season.',
      'His next film is due to open in cinemas in the autumn.',
    );
    const stance = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    const arrested =
      'Heartthrob Dacey Vornholt was arrested on Saturday night after a brawl outside a Harlow nightclub, Starbuzz can reveal.';
    expect(
      stance(
        arrested,
        'Harlow police have dismissed weekend reports that film star Dacey Vornholt was arrested outside a city nightclub.',
      ),
    ).toEqual(['disputes']);
    // "No officer had confirmed" says the confirming was not done: it confirms no police source's confirmation.
    expect(
      stance(
        'A police source confirmed the arrest to Starbuzz.',
        'Starbuzz Daily\'s article cited an unnamed "police source", but police said no officer had confirmed any arrest.',
      ),
    ).toEqual([]);
  });

  it('does not confirm a quote by the same words given to another speaker', () => {
    const judged = judgedBetween(
      'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
      'The attack has disabled the city billing, permit and court systems since Thursday.',
    );
    const confirms = (ours: string, theirs: string) =>
      judged(ours, theirs).some((j) => j.ours === 1 && j.theirs === 1 && j.detail.stance === 'confirms');
    const mayor =
      '"We will not negotiate with criminals," Mayor Linda Park said at a news conference on Monday.';
    expect(
      confirms(
        mayor,
        '"We will not negotiate with criminals," said the city\'s technology director, Raj Patel.',
      ),
    ).toBe(false);
    // The same speaker, named another way, still confirms.
    expect(
      confirms(mayor, '"We will not negotiate with criminals," Linda Park told reporters on Monday.'),
    ).toBe(true);
    // A last name stands for the person its article named in full before.
    const article = (...texts: string[]) =>
      report(analyzeSentences(texts.map((text) => ({ kind: 'paragraph' as const, text }))));
    const byLastName = article(
      'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
      'Mayor Linda Park spoke to reporters at City Hall on Monday.',
      '"We will not negotiate with criminals," Park said.',
    );
    const quoteBy = (speaker: string) =>
      judgePair(
        byLastName,
        article(
          'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
          `"We will not negotiate with criminals," said ${speaker}.`,
        ),
      ).some((j) => j.ours === 2 && j.theirs === 1 && j.detail.stance === 'confirms');
    expect(quoteBy("the city's technology director, Raj Patel")).toBe(false);
    expect(quoteBy('city technology director Raj Patel')).toBe(false);
    expect(quoteBy('Mayor Linda Park')).toBe(true);
    // Two people named in full, given the same words, dispute who said them.
    const speakerConflict = judgePair(
      byLastName,
      article(
        'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
        '"We will not negotiate with criminals," said city technology director Raj Patel.',
      ),
    ).find((j) => j.ours === 2 && j.theirs === 1)?.detail;
    expect(speakerConflict).toMatchObject({
      stance: 'disputes',
      numberConflict: { ours: 'Linda Park', theirs: 'Raj Patel' },
    });
    // So does a quote "she said" after the sentence that named her, against the same words another says.
    const bySheSaid = article(
      'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
      'The city will not pay the hackers anything, Mayor Linda Park said at City Hall on Monday.',
      '"We will not negotiate with criminals," she said.',
    );
    const againstShe = (speaker: string) =>
      judgePair(
        bySheSaid,
        article(
          'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
          `"We will not negotiate with criminals," ${speaker} said.`,
        ),
      ).find((j) => j.ours === 2 && j.theirs === 1)?.detail;
    expect(againstShe('city technology director Raj Patel')).toMatchObject({
      stance: 'disputes',
      numberConflict: { ours: 'Linda Park', theirs: 'Raj Patel' },
    });
    expect(againstShe('Mayor Linda Park')).toMatchObject({ stance: 'confirms' });
    // Not when her article names the other speaker too: "she" may be either of them.
    const bothNamed = article(
      'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
      'The city will not pay the hackers anything, Mayor Linda Park said at City Hall, beside Raj Patel.',
      '"We will not negotiate with criminals," she said.',
    );
    expect(
      judgePair(
        bothNamed,
        article(
          'The city of Brookfield will not pay a ransom to the hackers who shut down its computer systems last week.',
          '"We will not negotiate with criminals," city technology director Raj Patel said.',
        ),
      ).find((j) => j.ours === 2 && j.theirs === 1)?.detail.stance,
    ).not.toBe('disputes');
    // A person named with the body they serve after the name is that person, not the body.
    expect(
      confirms(
        mayor,
        '"We will not negotiate with criminals," Chief Inspector Marta Kell of the Brookfield police told reporters.',
      ),
    ).toBe(false);
    // Two people who share a title are two speakers; a doctor's title does not hide a name.
    const councillor =
      '"This budget punishes the people who can least afford it," said Councilmember Dana Whitfield, who voted no.';
    expect(
      confirms(
        councillor,
        'Councilmember Owen Brady, who voted against the budget, said: "This budget punishes the people who can least afford it."',
      ),
    ).toBe(false);
    expect(
      confirms(
        '"The virus moves fast in a crowded ship," said the ship\'s doctor, Dr. Ana Lowe.',
        '"The virus moves fast in a crowded ship," state epidemiologist Dr. Peter Quill said.',
      ),
    ).toBe(false);
    expect(
      confirms(
        '"Nobody is above the law in this state," U.S. Attorney Carla Munro said after the hearing.',
        '"Nobody is above the law in this state," Assistant U.S. Attorney Dean Foyle told reporters.',
      ),
    ).toBe(false);
  });

  it('disputes a count of the hurt named by the harm alone against one named by who they are', () => {
    const disputes = disputesBetween(
      'Firefighters from four stations fought the blaze at the depot on the edge of town for six hours.',
      'The cause of the fire is not yet known, and the depot will stay closed this week.',
    );
    expect(
      disputes(
        'Fire at Halden bus depot injures 9 drivers, dozens of homes evacuated',
        'Dozens of homes evacuated and 12 hurt in Halden bus depot fire',
      ),
    ).toEqual([{ ours: '9', theirs: '12' }]);
    // The dead are no count of the hurt.
    expect(
      disputes(
        'Fire at Halden bus depot kills 9 drivers, dozens of homes evacuated',
        'Dozens of homes evacuated and 12 hurt in Halden bus depot fire',
      ),
    ).toEqual([]);
  });

  it('holds a denial against what others say of its speaker and of its figure, not against its own words or another figure', () => {
    const judged = judgedBetween(
      'An audit found that patient records from Corran General Hospital had been passed to an outside firm.',
      'The hospital said it was reviewing how the records had been shared.',
    );
    const disputed = (ours: string, theirs: string) =>
      judged(ours, theirs).some((j) => j.ours === 1 && j.theirs === 1 && j.detail.stance === 'disputes');
    const denial = 'Harrow Analytics denied that it had received the patient records from the hospital.';
    // Its own account agrees with its denial.
    expect(
      disputed(
        'Harrow Analytics said it had received the patient records from the hospital under a contract signed last year.',
        denial,
      ),
    ).toBe(false);
    expect(
      disputed(
        'The audit found that Harrow Analytics had received the patient records from the hospital.',
        denial,
      ),
    ).toBe(true);
    const wage =
      "The striker's agent, Tomas Ferrante, denied reports that his client would earn 300,000 pounds a week.";
    expect(
      disputed('Keller will earn around £200,000 a week at Caldwell, according to the club.', wage),
    ).toBe(false);
    expect(
      disputed('Keller will earn £300,000 a week at Caldwell, according to people close to the deal.', wage),
    ).toBe(true);
  });

  it('holds a denial of a proposition against a claim that words its where and how otherwise, not against a doubt', () => {
    const judged = judgedBetween(
      'Thousands of people marched through the centre of Brenholt on Saturday to protest against the pension reform.',
      'Organisers said they would hold another march next month.',
    );
    const disputed = (ours: string, theirs: string) =>
      judged(ours, theirs).some((j) => j.ours === 1 && j.theirs === 1 && j.detail.stance === 'disputes');
    const denial = 'Police denied that any officers had been injured during the march.';
    expect(
      disputed('Three officers were injured during clashes near City Hall, organisers said.', denial),
    ).toBe(true);
    expect(disputed('It was unclear whether any officers had been injured during the march.', denial)).toBe(
      false,
    );
    // A denial's scope ends where it goes on to what its speaker says.
    expect(
      disputed(
        '"We notified the regulator within days of confirming the fault," the chief executive said.',
        'The company denies delaying its report and says it notified the regulator within days of confirming the fault.',
      ),
    ).toBe(false);
    expect(
      disputed(
        'Engineers found cracks in the Sarn dam above Teluma, the Beacon can reveal.',
        'Officials denied reports that the Sarn dam upstream of Teluma had been damaged.',
      ),
    ).toBe(true);
    // A proposition is about what it says of whom it names, not about every line that names them.
    const overloaded =
      'Kessel Lines, which operates the route, denied that the Saint Brenna had been overloaded.';
    expect(
      disputed(
        'The Saint Brenna went down at around 9:30 p.m., shortly after leaving Port Hallam, the coastguard said.',
        overloaded,
      ),
    ).toBe(false);
    expect(
      disputed('The Saint Brenna had been overloaded when it left Port Hallam, survivors said.', overloaded),
    ).toBe(true);
  });

  it('reads a thing called a fake as denied, and lets a question confirm nothing', () => {
    const judged = judgedBetween(
      'A memo said to come from the city council of Port Ellery has been widely shared online this week.',
      'The council said it would ask the police to find out who had written the memo.',
    );
    const stances = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    expect(
      stances(
        'Petrol cars will be banned in Port Ellery from 2030, according to a leaked council memo.',
        'A memo claiming Port Ellery will ban petrol cars is a fake, the city council said on Saturday.',
      ),
    ).toEqual(['disputes']);
    expect(
      stances(
        'The leaked memo says petrol cars will be banned in Port Ellery from 2030.',
        'Will petrol cars really be banned in Port Ellery from 2030?',
      ),
    ).toEqual([]);
  });

  it('neither confirms nor disputes by the figures of a sentence set in another time', () => {
    const judged = judgedBetween(
      'A strong earthquake shook the Sarn Valley before dawn on Tuesday, toppling houses in several towns.',
      'Rescue teams were still searching collapsed buildings in the town of Teluma on Wednesday.',
    );
    const links = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    expect(
      links(
        'In 2009 a magnitude 4.8 tremor rattled windows across the valley but caused no injuries.',
        'In 2016 a magnitude 4.8 tremor rattled windows across the valley, damaging two churches.',
      ),
    ).toEqual([]);
    expect(
      links(
        'In 1987 a magnitude 6.8 earthquake in the valley killed 112 people and destroyed much of the old town.',
        'A magnitude 6.4 earthquake struck the valley on Tuesday, killing at least 41 people.',
      ),
    ).toEqual([]);
    // An earlier event of the story's kind, dated.
    expect(
      links(
        'Three inmates escaped from the Harlow Ridge prison late on Sunday by crawling through a tunnel.',
        'The last escape from Harlow Ridge was in 2015, when two inmates climbed over a fence.',
      ),
    ).toEqual([]);
    // A quake is an earthquake: two magnitudes of it are one figure.
    expect(
      links(
        'A magnitude 6.4 earthquake struck the valley on Tuesday, killing at least 41 people.',
        'The regional observatory measured the quake at magnitude 6.1.',
      ),
    ).toEqual(['disputes']);
    // Both of one time: their figures are one.
    expect(
      links(
        'A magnitude 6.8 earthquake struck the valley on Tuesday, killing at least 41 people.',
        'A magnitude 6.4 earthquake struck the valley on Tuesday, killing at least 41 people.',
      ),
    ).toEqual(['disputes']);
  });

  it('disputes by the year a thing was done in when both say what was done then, not by years of other events', () => {
    const disputes = disputesBetween(
      'An audit of the Brenfield Institute found that grant money had been spent on consultancy fees.',
      'The institute has said it will cooperate fully with the regulator over the coming weeks.',
    );
    expect(
      disputes(
        'The analytics firm Dataworks said it had received the patient files under a contract signed in 2020.',
        'The contract with Dataworks to share the patient files was signed in 2018, according to the audit.',
      ),
    ).toEqual([{ ours: '2020', theirs: '2018' }]);
    // One deed, in a past form of one verb anywhere before each year.
    expect(
      disputes(
        'The company was fined by the Industrial Safety Authority in 2021 for breaches in solvent storage.',
        'The Industrial Safety Authority fined Brightwater 240,000 euros in 2023 over how it stored solvents.',
      ),
    ).toEqual([{ ours: '2021', theirs: '2023' }]);
    // Joined in one year, went on leave in another: two events of one man.
    expect(
      disputes(
        'The ministry said the engineer joined the public works department in 1984 and rose to lead its roads office.',
        'The engineer went on leave in 1994 after joining the public works department a decade earlier.',
      ),
    ).toEqual([]);
  });

  it('disputes by the day an event happens on, when both days tell of it and neither is quoted', () => {
    const disputes = disputesBetween(
      'Shops that break the rules face fines of up to 5,000 euros, the ministry said.',
      'Environment minister Petra Holm said the ban would cut plastic waste by 30,000 tonnes a year.',
    );
    const ban =
      'Valdoria will ban single-use plastic bags from January 1, 2027, the environment ministry announced.';
    expect(
      disputes(
        ban,
        "Valdoria's ban on single-use plastic bags will take effect on March 1, 2027, the environment ministry said.",
      ),
    ).toEqual([{ ours: 'January 1, 2027', theirs: 'March 1, 2027' }]);
    // A deadline is not the day itself, and a day inside a quote is what its speaker said.
    expect(
      disputes(
        ban,
        'Shops have until March 1, 2027 to sell their single-use plastic bags, the environment ministry said.',
      ),
    ).toEqual([]);
    expect(
      disputes(
        ban,
        'The environment ministry said: "Valdoria will ban single-use plastic bags from March 1, 2027."',
      ),
    ).toEqual([]);
  });

  it('disputes by the day of an announcement, which is the news, and not by the day of a saying', () => {
    const disputes = disputesBetween(
      'The combined company will have about 48,000 employees and operations in 31 countries.',
      'Shares in both companies rose sharply in early trading after the news.',
    );
    expect(
      disputes(
        'Norvale Freight agreed to buy rival Castellan Logistics in a deal valued at $4.2 billion, the companies announced on Tuesday.',
        'Hundreds of jobs are at risk after Norvale Freight and Castellan Logistics announced on Wednesday that they would merge.',
      ),
    ).toEqual([{ ours: 'Tuesday', theirs: 'Wednesday' }]);
    expect(
      disputes(
        'Norvale Freight agreed to buy rival Castellan Logistics in a deal valued at $4.2 billion, the companies said on Tuesday.',
        'Norvale Freight agreed to buy rival Castellan Logistics for $4.2 billion, a spokesman told reporters on Wednesday.',
      ),
    ).toEqual([]);
  });

  it('disputes an age of one person both sentences name, however differently the rest is worded', () => {
    const disputes = disputesBetween(
      'Solène made more than 70 films over six decades, from the 1960s to the 2010s.',
      'Her last film, a drama set in Porto, was released in 2019.',
    );
    expect(
      disputes(
        'Marguerite Solène, the French actress who captivated audiences in "The Glass Harbour" and "Winter Orchard," has died aged 86, her agent said on Monday.',
        'The actress Marguerite Solène has died in Lisbon at the age of 84, her family said.',
      ),
    ).toEqual([{ ours: '86', theirs: '84' }]);
    // A thing's age beside a name is no person's age.
    expect(
      disputes(
        'Historians on Thursday opened up a 113-year-old time capsule hidden in a statue atop the Old State House.',
        'That 100-year-old capsule was extracted from a golden lion statue that had perched atop the Old State House.',
      ),
    ).toEqual([]);
  });

  it('reads the dead and the missing of one event as two tallies, not rival counts', () => {
    const judged = judgedBetween(
      'A section of the Stari Most bridge collapsed into the Varna River on Friday evening.',
      'The bridge carried some 25,000 vehicles a day between the two halves of the city.',
    );
    const stances = judged(
      'Twelve people are now confirmed dead after the Stari Most bridge collapsed in Dresko, and rescuers are still searching for at least 11 missing, officials said.',
      'The death toll from the collapse of the Stari Most bridge in Dresko rose to 12 on Saturday afternoon, with 11 people still unaccounted for, the emergency service said.',
    )
      .filter((j) => j.ours === 1 && j.theirs === 1)
      .map((j) => j.detail.stance);
    expect(stances).toEqual(['confirms']);
  });

  it('disputes two counts of one kind of people that one thing befell, in sentences that say much the same', () => {
    const disputes = disputesBetween(
      'Families gathered at the mine entrance overnight, many wrapped in blankets against the desert cold.',
      'The mine is operated by Minera Atacama, which employs about 1,200 people at the site.',
    );
    const lead =
      'Twenty-three miners were trapped about 450 metres underground after a tunnel collapsed at the San Lorenzo copper mine in northern Chile on Monday night, officials said.';
    expect(
      disputes(
        lead,
        'Rescuers freed four miners on Tuesday from the San Lorenzo copper mine in northern Chile, where a tunnel collapse late on Monday left 25 workers trapped, but 21 remain underground, authorities said.',
      ),
    ).toEqual([{ ours: 'Twenty-three', theirs: '25' }]);
    // Not a count of what befell others: the rescuers who reached them are not the trapped.
    expect(
      disputes(
        lead,
        'Rescuers freed four miners on Tuesday from the San Lorenzo copper mine in northern Chile, where a tunnel collapse late on Monday was reached by 25 workers, authorities said.',
      ),
    ).toEqual([]);
  });

  it('disputes two figures of one quantity named by the same words before them, or twice another', () => {
    const disputes = disputesBetween(
      'Norvane Systems will shed 2,300 jobs worldwide after a sharp drop in orders.',
      'Demand for factory automation equipment weakened in Europe and China.',
    );
    expect(
      disputes(
        'The company said profit fell to $298 million in the third quarter.',
        'Net profit fell to $312 million from $503 million a year earlier.',
      ),
    ).toEqual([{ ours: '$298 million', theirs: '$312 million' }]);
    expect(
      disputes(
        'The judge ordered Ostrowski to pay a $500,000 fine on top of restitution.',
        'Judge Helena Marquez also ordered Ostrowski to pay $14.6 million in restitution and fined him $250,000.',
      ),
    ).toEqual([{ ours: '$500,000', theirs: '$250,000' }]);
    // What someone asked for is not what came of it.
    expect(
      disputes(
        "Ostrowski's lawyer, Raymond Oyelaran, had sought a sentence of six years, citing his client's age.",
        'Ostrowski was sentenced to 12 years in prison for running a Ponzi scheme.',
      ),
    ).toEqual([]);
  });

  it('disputes two counts of one thing done to one kind of thing, however the rest is worded', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    expect(
      disputes(
        'Volunteers and park staff surveyed nine ponds between Ashby Mill and the old quarry over the summer.',
        'Biologists from Tarnwell University surveyed eleven ponds in the valley, comparing them with a survey of 2015.',
      ),
    ).toEqual([{ ours: 'nine', theirs: 'eleven' }]);
    expect(
      disputes(
        'About 300 people were evacuated from nearby streets as a precaution, police said.',
        'Police evacuated 180 residents from homes on Mill Road as smoke drifted over the town.',
      ),
    ).toEqual([{ ours: 'About 300', theirs: '180' }]);
    // A span of time one verb spends on many things.
    expect(
      disputes(
        'She served three years in jail for fraud.',
        'A local paper reported that the 31-year-old from Elm Park served two years in the navy.',
      ),
    ).toEqual([]);
  });

  it('holds a score or a tally as one figure: the same agrees, another disputes, however each is written', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const win = 'Ardmore beat Kelso 3-2 after extra time on Sunday to win the Northern Cup.';
    expect(
      disputes(win, 'Ardmore beat Kelso 3-2 after extra time on Sunday to win the Northern Cup final.'),
    ).toEqual([]);
    expect(
      disputes(
        win,
        'Ardmore beat Kelso 3-1 after extra time on Sunday to win the Northern Cup final in Dunmore.',
      ),
    ).toEqual([{ ours: '3-2', theirs: '3-1' }]);
    expect(
      disputes(
        'The planning committee voted 8-3 in favour of the 30,000-seat stadium at Mill Road.',
        'Members of the planning committee voted by 7 votes to 4 in favour of the 30,000-seat stadium at Mill Road.',
      ),
    ).toEqual([{ ours: '8-3', theirs: '7 votes to 4' }]);
  });

  it('disputes a round crowd with a count it does not round, and holds no capacity against a crowd', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const fans = 'Ardmore beat Kelso 3-2 after extra time on Sunday in front of 41,836 fans at Hollin Park.';
    expect(disputes(fans, 'A sellout crowd of 45,000 watched at Hollin Park on Sunday.')).toEqual([
      { ours: '41,836', theirs: '45,000' },
    ]);
    expect(disputes(fans, 'A sellout crowd of 42,000 watched at Hollin Park on Sunday.')).toEqual([]);
    expect(disputes(fans, 'Hollin Park, which holds 45,000, was close to full on Sunday.')).toEqual([]);
  });

  it('holds no part of a group against its whole, nor what a plant can do against what it does', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const dead = 'Three people died and five others were injured in the avalanche, the institute said.';
    expect(
      disputes(dead, 'Five others were injured in the avalanche, two of them seriously, the institute said.'),
    ).toEqual([]);
    expect(
      disputes(dead, 'Two people died and five others were injured in the avalanche, the institute said.'),
    ).toEqual([{ ours: 'Three', theirs: 'Two' }]);
    const treats = 'The plant normally treats about 18 million gallons a day, the authority said.';
    expect(disputes(treats, 'The plant can treat 30 million gallons a day, the authority said.')).toEqual([]);
    expect(
      disputes(treats, 'The plant normally treats about 30 million gallons a day, the authority said.'),
    ).toEqual([{ ours: 'about 18 million', theirs: 'about 30 million' }]);
  });

  it('confirms no count by what a place or a vessel can hold', () => {
    const judged = judgedBetween(
      'A freight train carrying caustic soda derailed near Marrowby early on Tuesday.',
      'Residents within a mile of the site were told to stay indoors.',
    );
    const stances = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    const leaked =
      'An estimated 25,000 gallons of the caustic solution had leaked into a drainage ditch by Tuesday afternoon, officials said.';
    expect(stances('Each tank car can hold up to 25,000 gallons of liquid.', leaked)).toEqual([]);
    expect(
      stances(
        'The bridge was designed to carry up to 30,000 vehicles a day, according to the city engineer.',
        'The bridge, built in 1968, carried about 22,000 vehicles a day across the river.',
      ),
    ).toEqual([]);
    // A capacity beside the count still states the count.
    expect(
      stances(
        "The county's shelters, which can hold 7,000 people, took in about 2,300 evacuees on Wednesday night.",
        'Around 2,300 people spent the night in county shelters on Wednesday night, emergency officials said.',
      ),
    ).toEqual(['confirms']);
  });

  it('counts one kind of people against another count of the same people', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    // "One" counts the inmate after it, and inmates are people: two counts of the dead of one riot.
    expect(
      disputes(
        'One inmate was killed and six prison officers were injured during a riot at Grayvale Correctional Facility, the state prison service said on Monday.',
        'Two inmates died and six officers were hurt when rioting swept through Grayvale Correctional Facility, the Observer has learned.',
      ),
    ).toEqual([{ ours: 'One', theirs: 'Two' }]);
    // Two kinds of people are two counts, though both are people.
    expect(
      disputes(
        'Two inmates died when rioting swept through Grayvale Correctional Facility, officials said.',
        'Six officers died when rioting swept through Grayvale Correctional Facility, officials said.',
      ),
    ).toEqual([]);
  });

  it("holds no figure of an earlier event of the kind against the story's", () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const dead = 'Three people died in the avalanche on the Gamsrinne slope, the institute said.';
    expect(
      disputes(dead, 'Last winter, two people died in an avalanche on the neighbouring Kesselkopf slope.'),
    ).toEqual([]);
    const notice = 'The boil notice is expected to last five days, the water authority said.';
    expect(disputes(notice, "The water authority's last boil notice, in 2021, lasted nine days.")).toEqual(
      [],
    );
    expect(
      disputes(notice, 'The boil notice is expected to last nine days, the water authority said.'),
    ).toEqual([{ ours: 'five', theirs: 'nine' }]);
  });

  it('holds no figure a poll or a forecast gave against the outcome', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const results = 'Official results gave National Renewal 36.4 percent and Civic Union 35.8 percent.';
    expect(
      disputes(
        results,
        'The Kestrel Research exit poll had shown Civic Union on 38 percent, ahead of National Renewal on 34 percent.',
      ),
    ).toEqual([]);
    expect(
      disputes(results, 'Official results gave National Renewal 38.1 percent and Civic Union 35.8 percent.'),
    ).toEqual([{ ours: '36.4 percent', theirs: '38.1 percent' }]);
    const prices = 'Prices rose 0.4% compared with February, the statistics office said.';
    expect(
      disputes(prices, 'Prices rose 0.4% in March, beating the 0.2% rise forecast by economists.'),
    ).toEqual([]);
    expect(
      disputes(prices, 'Prices rose 0.2% in March compared with February, the statistics office said.'),
    ).toEqual([{ ours: '0.4%', theirs: '0.2%' }]);
  });

  it('holds no turnout against a share of the vote', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const turnout =
      'Turnout in the Northmarch autonomy referendum was 48 percent, the electoral commission said.';
    expect(
      disputes(
        turnout,
        'Voters in the Northmarch referendum approved the statute, with 54.3 percent voting in favour.',
      ),
    ).toEqual([]);
    expect(
      disputes(
        turnout,
        'Turnout in the Northmarch autonomy referendum was 61.2 percent, the commission said.',
      ),
    ).toEqual([{ ours: '48 percent', theirs: '61.2 percent' }]);
  });

  it('holds no share of one whole against a share of another, nor two levels that share only a verb', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const costs =
      "Cabin crew costs account for about 12 percent of the airline's operating expenses, according to its annual report.";
    expect(
      disputes(
        costs,
        'The union represents about 4,500 cabin crew at the airline, roughly 80 percent of its cabin staff.',
      ),
    ).toEqual([]);
    expect(
      disputes(
        costs,
        "Cabin crew costs make up roughly 20 percent of the airline's operating expenses, the report shows.",
      ),
    ).toEqual([{ ours: 'about 12 percent', theirs: 'roughly 20 percent' }]);
    expect(
      disputes(
        'The union wants a 9% increase to make up for inflation, which reached 6 percent last year.',
        "Local hotels reported a surge in bookings, with the hoteliers' association saying occupancy near the airport had reached 95 percent.",
      ),
    ).toEqual([]);
    // A change is no share of a whole.
    expect(
      disputes(
        'Veltrix Q3: cloud up 23%, hardware down, 1,800 roles cut',
        'Veltrix Systems will cut 1,800 jobs, roughly 6 percent of its workforce, the company said.',
      ),
    ).toEqual([]);
    // Figures of two quarters are two figures; of one quarter, rivals.
    const q3 =
      'Veltrix Systems posted third-quarter revenue of $4.21bn, an 8% increase on the prior-year quarter.';
    expect(disputes(q3, 'Veltrix posted fourth-quarter revenue of about $4.4 billion.')).toEqual([]);
    expect(disputes(q3, 'Veltrix posted third-quarter revenue of about $4.4 billion.')).toEqual([
      { ours: '$4.21bn', theirs: 'about $4.4 billion' },
    ]);
  });

  it('holds no figure of one place against a figure of another', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    expect(
      disputes(
        'In Galway, the average new tenancy now costs 1,950 euros a month.',
        'The average new tenant in Limerick now pays about 1,400 euros a month, the figures show.',
      ),
    ).toEqual([]);
    expect(
      disputes(
        'In Galway, the average new tenancy now costs 1,950 euros a month.',
        'The average new tenant in Galway now pays about 1,400 euros a month, the figures show.',
      ),
    ).toEqual([{ ours: '1,950', theirs: 'about 1,400' }]);
    // A place that begins a body's name is where the body is, not where the figure is.
    expect(
      disputes(
        'Three people were treated for smoke inhalation at Ardmore General Hospital, a hospital spokesman said.',
        'Two people were treated in hospital for smoke inhalation, the Kelso County health department said.',
      ),
    ).toEqual([{ ours: 'Three', theirs: 'Two' }]);
  });

  it('holds no bid turned down against the fee agreed', () => {
    const disputes = disputesBetween(
      'The committee met for two days in the capital to review the plans of the agency.',
      'Officials are expected to publish a full report on the matter early next year.',
    );
    const fee = 'Caldwell agreed a £42m fee with Dunmore for Keller, according to sources at both clubs.';
    expect(
      disputes(
        'Dunmore had rejected an opening offer of £30m from Caldwell before the clubs reached agreement, according to sources at both clubs.',
        fee,
      ),
    ).toEqual([]);
    expect(
      disputes(
        'Caldwell agreed a £30m fee with Dunmore for Keller, according to sources at both clubs.',
        fee,
      ),
    ).toEqual([{ ours: '£30m', theirs: '£42m' }]);
  });

  it('holds no figure against one of another tally, another event or a request, nor a rate against the one it rose from', () => {
    const judged = judgedBetween(
      'Hurricane Odessa made landfall near Bell Harbor early on Tuesday.',
      'More than 300,000 households were without power on Wednesday.',
    );
    const between = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    // The injured are not the dead, though the dead were 12 the day before.
    expect(
      between(
        'At least 12 people were injured when part of the roof of a shelter collapsed during the storm, officials said.',
        'The number of people killed by the storm rose to 17 on Wednesday, up from 12 on Tuesday, officials said.',
      ),
    ).toEqual([]);
    // A record of an earlier event is not this one's count.
    expect(
      between(
        "The theft is the largest from a European museum since thieves took 113 million euros' worth of jewels from Dresden in 2019.",
        'Thieves stole crown jewels worth 60 million euros from the Aldermere museum on Sunday.',
      ),
    ).toEqual([]);
    // What a union campaigned for is not the rate the law sets.
    expect(
      between(
        'The union, which had campaigned for 14 florins an hour, said the new minimum wage was a first step.',
        'The new minimum wage of 12.90 florins an hour takes effect in January, the ministry said.',
      ),
    ).not.toContain('disputes');
    // The old rate is given by a change that starts from it.
    expect(
      between(
        'The old minimum wage of 11.40 florins an hour had been unchanged since 2022.',
        'The law raises the minimum wage from 11.40 florins to 12.90 florins an hour.',
      ),
    ).not.toContain('disputes');
  });

  it('holds no tally against the rise that took another to it, nor against a group a sentence points back at', () => {
    const disputes = disputesBetween(
      'Residents within three kilometres of the Brennock Chemicals plant were told to stay indoors.',
      'The company said it was cooperating with the regulator.',
    );
    const three =
      'Three people have died and more than two dozen have been injured after an explosion at a chemical plant in Halvergate.';
    expect(
      disputes(
        three,
        'The death toll from the explosion at the chemical plant in Halvergate rose to five on Friday after two workers died of their injuries in hospital.',
      ),
    ).toEqual([]);
    expect(
      disputes(
        three,
        'The two men who died on Friday had been treated at Tane Valley Hospital since the explosion.',
      ),
    ).toEqual([]);
    // A toll given as a count still disputes.
    expect(
      disputes(
        three,
        'Two people died in the explosion at the chemical plant in Halvergate, officials said.',
      ),
    ).toEqual([{ ours: 'Three', theirs: 'Two' }]);
  });

  it('reads a total of people its parts add up to as given, not a rival count', () => {
    const disputes = disputesBetween(
      'An Aeralis A320 returned to Port Ellery after the crew shut down one engine.',
      'Passengers left the aircraft by the emergency slides on the runway.',
    );
    const parts = 'The nine-year-old aircraft was carrying 174 passengers and 6 crew.';
    expect(disputes('A total of 180 passengers and crew were on the aircraft.', parts)).toEqual([]);
    expect(disputes(parts, 'A total of 180 passengers and crew were on the aircraft.')).toEqual([]);
    // A total the parts do not add up to still disputes.
    expect(disputes('A total of 190 passengers and crew were on the aircraft.', parts)).toEqual([
      { ours: '190', theirs: '174' },
    ]);
  });

  it('disputes a temperature given otherwise, however its scale is written', () => {
    const disputes = disputesBetween(
      'Land areas saw record heat across much of the northern hemisphere, the report said.',
      'The ten warmest years on record have all occurred in the past decade.',
    );
    expect(
      disputes(
        'Last year the global average surface temperature was 1.52 degrees Celsius above pre-industrial levels, the observatory said.',
        'Last year the global average surface temperature was 1.48C above pre-industrial levels, the institute said.',
      ),
    ).toEqual([{ ours: '1.52', theirs: '1.48C' }]);
  });

  it('disputes two values of a quantity its words name, though one gives no unit', () => {
    const disputes = disputesBetween(
      'The census counted 18.4 million people living in the country this spring.',
      'Officials said the full regional tables will be published in December.',
    );
    // The subject of a verb giving a level names the quantity ("median age ... is now 43").
    expect(
      disputes(
        'The national median age is now 43, the statistics office said.',
        'The national median age rose to 41.3 years, from 39.8 a decade earlier.',
      ),
    ).toEqual([{ ours: '43', theirs: '41.3' }]);
    // So does the noun a sum is of, or the noun after it.
    const club = disputesBetween(
      'Harwick Rovers sacked their manager on Sunday after a run of defeats.',
      'The club said a new manager would be named before the next match.',
    );
    expect(
      club(
        'The sacked manager will walk away with a staggering £4 million pay-off.',
        'He is expected to receive a pay-off of around £2.5m, the club said.',
      ),
    ).toEqual([{ ours: '£4 million', theirs: 'around £2.5m' }]);
    // Two quantities of one name but other subjects stay apart: a median age is no median income.
    expect(
      disputes(
        'The national median age is now 43, the statistics office said.',
        'The national median income rose to 41,300 euros, the office said.',
      ),
    ).toEqual([]);
  });

  it('disputes two counts of one tally of people however their clauses word it, not a count of one place', () => {
    const disputes = disputesBetween(
      'A flash flood swept through the town of Brenholt after a night of heavy rain.',
      'Rescue teams from three neighbouring districts joined the search on Wednesday.',
    );
    expect(
      disputes(
        'Seven people remain missing, police said.',
        "Five people are still unaccounted for, the council's emergency office said on Tuesday evening.",
      ),
    ).toEqual([{ ours: 'Seven', theirs: 'Five' }]);
    // A town's dead are a part of the quake's.
    const quake = disputesBetween(
      'A powerful earthquake struck the Sarn Valley before dawn on Tuesday, flattening older buildings.',
      'Aftershocks continued through the day, the geological survey said.',
    );
    expect(
      quake(
        'Twenty-three people died in Teluma when the earthquake shook the town, the mayor said.',
        'The earthquake killed at least 41 people across the valley, officials said.',
      ),
    ).toEqual([]);
  });

  it("compares measures across units, holds a figure named as another's against its own, and reads no dateline as the day", () => {
    const disputes = disputesBetween(
      'A freight train and a passenger train collided outside Harwick on Monday evening.',
      'Investigators from the rail accident branch arrived at the scene overnight.',
    );
    expect(
      disputes(
        'The passenger train was travelling at about 70 mph at the time of the collision, the inspector said.',
        'The passenger train had been travelling at around 50 miles per hour, according to the operator.',
      ),
    ).toEqual([{ ours: 'about 70', theirs: 'around 50' }]);
    // A conversion rounded is one measure.
    expect(
      disputes(
        'Police ordered the evacuation of homes within a 3-kilometre radius of the plant.',
        'Residents living within two miles of the plant were told to leave their homes.',
      ),
    ).toEqual([]);
    // "Below the 130 mph figure given in ..." names the advisory's figure to dispute it, not to state it.
    const storm = disputesBetween(
      'Hurricane Odessa struck the coast near Bell Harbor early on Tuesday.',
      'Power was cut to more than 200,000 homes across the region.',
    );
    expect(
      storm(
        'The storm made landfall with maximum sustained winds of 130 mph (209 km/h), the hurricane center said.',
        "The researchers estimate Odessa's maximum sustained winds at landfall at 120 mph (193 km/h), below the 130 mph figure given in the hurricane center's advisories.",
      ),
    ).toEqual([{ ours: '130', theirs: '120' }]);
    // A wire's dateline is the day it filed, not the day the line opened.
    const metro = disputesBetween(
      'The new metro line links the airport to the city centre.',
      'Thousands of people queued to ride the trains on the first morning.',
    );
    expect(
      metro(
        'CASTELLMAR, June 7 (Meridian Wire) - Castellmar opened its new metro Line 4, a 14.6-kilometre line with 12 stations.',
        "Castellmar's Line 4, a 9-mile driverless metro, entered passenger service on June 6.",
      ),
    ).toEqual([]);
  });

  it('confirms nothing between a figure of the year before and one of this year', () => {
    const judged = judgedBetween(
      'A wildfire burning near the town of Pellmoor forced hundreds of families from their homes.',
      'Firefighters from three regions were sent to the fire lines on Sunday.',
    );
    const stances = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    expect(
      stances(
        'Last year, fires in the Westvale region burned 1,200 hectares in total, the lowest figure in a decade.',
        'The fire has now burned some 1,200 hectares of forest and farmland.',
      ),
    ).toEqual([]);
    expect(
      stances(
        'National figures show 38 hospitals reported ransomware incidents last year.',
        'The hospital trust has faced 38 attempted cyberattacks so far this year, its annual report shows.',
      ),
    ).toEqual([]);
    // A day of this week is this year's, against a year before that opens or closes its sentence.
    expect(
      stances(
        'Last year, Calder Valley Railway reported 14 derailments across its network, according to federal records.',
        "Calder Valley Railway's eastbound train derailed 14 cars at Marrowby early on Wednesday, the operator said.",
      ),
    ).toEqual([]);
    expect(
      stances(
        'The Varena Pass recorded 14 accidents last year, according to the regional roads authority.',
        'A bus carrying 40 passengers crashed off the Varena Pass road on Sunday morning, killing 14 people.',
      ),
    ).toEqual([]);
    // A year before that dates one of two things a sentence tells frames nothing.
    const court = judgedBetween(
      'A former charity director was jailed for 12 years on Thursday for stealing from donors.',
      'The judge said the fraud had lasted for more than a decade.',
    );
    expect(
      court(
        "Ostrowski's former bookkeeper, Linda Pryce, 49, pleaded guilty to conspiracy last year and was sentenced to three years in April.",
        "Ostrowski's bookkeeper, Linda Pryce, was sentenced to three years earlier this year.",
      )
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance),
    ).toEqual(['confirms']);
    // One time on both sides still confirms.
    expect(
      stances(
        'The fire has burned 1,200 hectares of forest and farmland, officials said.',
        'The fire has now burned some 1,200 hectares of forest and farmland.',
      ),
    ).toEqual(['confirms']);
  });

  it('disputes counts of things counted one by one that are one apart, not spans or measures', () => {
    const disputes = disputesBetween(
      'The Harbor City Herons won the championship final at the Riverside Arena on Sunday.',
      'It was the Herons first title since 1987, and their coach said the team had earned it.',
    );
    expect(
      disputes(
        'Marcus Oyelaran scored 41 points and grabbed 12 rebounds for the Herons.',
        'Herons forward Marcus Oyelaran scored 40 points in the final.',
      ),
    ).toEqual([{ ours: '41', theirs: '40' }]);
    expect(
      disputes(
        'The blast left a 39-foot-wide crater near the airport, the government committee said.',
        'The blast left a 40-foot-wide crater near the airport, the government committee said.',
      ),
    ).toEqual([]);
    // Any thing named and counted, not only points and people.
    expect(
      disputes(
        'The new line has 12 stations linking the airport to the city centre, the transport authority said.',
        'The new line has 13 stations linking the airport to the city centre, officials said.',
      ),
    ).toEqual([{ ours: '12', theirs: '13' }]);
  });

  it('disputes a sentence that gives one thing the opposite state, and confirms one that gives it the same', () => {
    const judged = judgedBetween(
      'Floodwater from the burst Ellerby dam swept through the lower valley overnight, the council said.',
      'Engineers will inspect the remaining walls of the reservoir on Thursday, officials said.',
    );
    const closed = 'The main road bridge into the town remains closed to traffic, the council said.';
    const middle = (theirs: string) =>
      judged(closed, theirs)
        .filter((j) => j.ours === 1)
        .map((j) => [j.detail.stance, j.detail.numberConflict]);
    expect(
      middle('The main road bridge into the town reopened to traffic on Tuesday, the council said.'),
    ).toEqual([['disputes', { ours: 'remains closed', theirs: 'reopened' }]]);
    expect(
      middle('The main road bridge into the town is still closed to traffic, the council said.'),
    ).toEqual([['confirms', undefined]]);
  });

  it('confirms nothing by a sentence that dates an earlier event of the kind', () => {
    const judged = judgedBetween(
      'Southvale Water said the restrictions were caused by the prolonged dry weather across the region.',
      'The regulator said it was monitoring the reservoirs and would publish weekly figures.',
    );
    const stances = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1)
        .map((j) => j.detail.stance);
    const last = 'The last hosepipe ban in the area was in 2018 and lasted eleven weeks, the company said.';
    expect(
      stances(
        last,
        'A hosepipe ban in the area was announced on Monday and starts this week, the company said.',
      ),
    ).toEqual([]);
    expect(
      stances(last, 'The company last imposed a hosepipe ban in the area in 2018, the company said.'),
    ).toEqual(['confirms']);
  });

  it('disputes by the weekday or the month an event happens in, not the day it was told', () => {
    const disputes = disputesBetween(
      'The Ridgeback Fire has burned about 18,000 acres above Pinecrest, fire officials said.',
      'More than 1,100 firefighters are assigned to the blaze, supported by 12 helicopters.',
    );
    const started = 'The fire started on Monday afternoon near a campground off Highway 9, officials said.';
    expect(
      disputes(
        started,
        'The fire broke out on Sunday afternoon near a campground off Highway 9, officials said.',
      ),
    ).toEqual([{ ours: 'Monday', theirs: 'Sunday' }]);
    // Nor is the day of what came after the event the event's.
    expect(
      disputes(
        'The river peaked at 4.6 metres above normal late on Tuesday morning, the flood agency said.',
        'The river peaked at 4.6 metres above normal before slowly falling on Wednesday, the flood agency said.',
      ),
    ).toEqual([]);
    // A weekday alone against a day written with its weekday.
    expect(
      disputes(
        'The museum of maritime history reopens on Saturday after a four-year renovation, the council said.',
        'The museum of maritime history will reopen on Sunday June 15 after a four-year renovation, the council said.',
      ),
    ).toEqual([{ ours: 'Saturday', theirs: 'Sunday June 15' }]);
    // One deed right before two weekdays, though the words between differ.
    expect(
      disputes(
        'The asbestos was found in the science block by roofers carrying out repairs on Monday morning.',
        'Roofers found the asbestos on Tuesday while working on the building, Valley Radio has been told.',
      ),
    ).toEqual([{ ours: 'Monday', theirs: 'Tuesday' }]);
    // Sunday is the day the forestry department told of it, not the day the fire started.
    expect(
      disputes(
        started,
        'The forestry department on Sunday confirmed that the fire started near a campground off Highway 9.',
      ),
    ).toEqual([]);
    // A clock time too: not one told loosely within the hour.
    expect(
      disputes(
        'The crush happened at about 10:15 p.m. near the main stage, police said.',
        'The crush happened at about 11:40 p.m. near the main stage, police said.',
      ),
    ).toEqual([{ ours: '10:15 p.m.', theirs: '11:40 p.m.' }]);
    // A time of a named zone is another clock than a local time.
    expect(
      disputes(
        'The crush happened at about 10:15 p.m. near the main stage, police said.',
        'The crush happened at about 03:15 GMT near the main stage, police said.',
      ),
    ).toEqual([]);
    // Two times told loosely to the minute are as far apart as they read.
    expect(
      disputes(
        'The blast at the Brennock Chemicals site happened at about 2:40 a.m. local time, residents said.',
        'The blast at the Brennock Chemicals site happened at about 3.40am, residents said.',
      ),
    ).toEqual([{ ours: '2:40 a.m.', theirs: '3.40am' }]);
    expect(
      disputes(
        'The central section of the bridge collapsed shortly before 7 p.m. during the evening rush hour.',
        'The central section of the bridge collapsed at 6:40 p.m. during the evening rush hour.',
      ),
    ).toEqual([]);
    // One clock time told two ways on two days: one event, whose day differs, however the clauses are worded.
    expect(
      disputes(
        'The central section of the bridge, about 60 meters long, collapsed shortly before 7 p.m. on Friday during the evening rush hour.',
        'The collapse happened at 6:40 p.m. on Thursday, when a section of roughly 60 metres fell into the water.',
      ),
    ).toEqual([{ ours: 'Friday', theirs: 'Thursday' }]);
    // So is one figure of one thing: a sentence of so many years on two days.
    expect(
      disputes(
        'A Brennport financial adviser who stole from hundreds of local families was sentenced to 12 years behind bars on Wednesday.',
        'A federal judge on Thursday sentenced Brennport investment adviser Gerald Ostrowski to 12 years in prison for running a Ponzi scheme.',
      ),
    ).toEqual([{ ours: 'Wednesday', theirs: 'Thursday' }]);
    // And a crowd told as a magnitude ("Thousands", "Tens of thousands") is one crowd, whose day differs.
    expect(
      disputes(
        'Thousands of people marched through the centre of Brennmouth on Saturday to protest against government plans to raise the state pension age to 68.',
        "Tens of thousands of people marched through Brennmouth on Sunday in protest at the government's plan to raise the pension age.",
      ),
    ).toEqual([{ ours: 'Saturday', theirs: 'Sunday' }]);
    // A change is told on its own day, not the day of the state it changed from.
    expect(
      disputes(
        'She was flown to Dunmore General Hospital, where she was in critical condition on Sunday night, a hospital spokesman said.',
        'Her condition was upgraded on Monday from critical to serious but stable, a hospital spokesman said.',
      ),
    ).toEqual([]);
    // A short sentence is its day's clause, however differently the two are worded.
    expect(
      disputes('The election will be held on Oct. 26.', 'The election will take place on 19 October.'),
    ).toEqual([{ ours: 'Oct. 26', theirs: '19 October' }]);
    expect(
      disputes(
        'A follow-up meeting of deputy ministers will be held in Bern in May, the Swiss foreign ministry said.',
        'Deputy foreign ministers will meet again in Bern in June, according to the Swiss foreign ministry.',
      ),
    ).toEqual([{ ours: 'May', theirs: 'June' }]);
    // A month with its year, and a day written out against a month alone.
    expect(
      disputes(
        'The rise will apply from January 2027, the university confirmed.',
        'The new fee comes into force in September 2027.',
      ),
    ).toEqual([{ ours: 'January 2027', theirs: 'September 2027' }]);
    expect(
      disputes('The next meeting is due on December 18.', 'The next meeting is due in January.'),
    ).toEqual([{ ours: 'December 18', theirs: 'January' }]);
    expect(
      disputes('The next meeting is due on December 18.', 'The next meeting is due in December.'),
    ).toEqual([]);
  });

  it('reads the value a change started from as no count now, for or against a figure of theirs', () => {
    const disputes = disputesBetween(
      'The economy added 42,000 jobs in the month, more than economists had expected.',
      'Youth unemployment stood at 11.2 percent, the statistics office said.',
    );
    // Their 4.3 percent is November's rate; ours 4.3 percent was October's, so theirs disputes our 4.1.
    expect(
      disputes(
        "Valdoria's unemployment rate fell to 4.1 percent in November from 4.3 percent in October, the statistics office said.",
        "Valdoria's jobless rate rose to 4.3 percent in November, the statistics office said on Friday.",
      ),
    ).toEqual([{ ours: '4.1 percent', theirs: '4.3 percent' }]);
  });

  it("links a named source's denial to what it denies, not to whatever else the source said", () => {
    const judged = judgedBetween(
      'A crowd crush at the Sunfield festival killed nine people on Saturday night, police said.',
      'The festival site was closed on Sunday while investigators examined the main gate.',
    );
    const denied = (ours: string, theirs: string) =>
      judged(ours, theirs).some((j) => j.ours === 1 && j.theirs === 1 && j.detail.basis === 'denial');
    const denial = 'Brightline Events denied that the festival had been oversold.';
    expect(
      denied('The festival had been oversold by thousands of tickets, a police source said.', denial),
    ).toBe(true);
    expect(
      denied(
        'Festival organiser Brightline Events said it was devastated and was cooperating fully with police.',
        denial,
      ),
    ).toBe(false);
    // A denial that points back names nothing of its own to dispute.
    expect(
      denied(
        "The ship's operator, Aster Maritime, estimated the cost of the clean-up at 40 million euros.",
        'Aster Maritime denied the report.',
      ),
    ).toBe(false);
  });

  it('disputes a count of the harmed by a report that no one suffered that harm', () => {
    const disputes = disputesBetween(
      'A gas explosion destroyed a warehouse in Leeds early on Tuesday, the fire service said.',
      'About 40 firefighters were sent to the scene on Kirkstall Road.',
    );
    const injured =
      'Two workers were injured in the blast and taken to hospital with burns, the fire service said.';
    expect(disputes(injured, 'No one was injured in the blast, the fire service said.')).toEqual([
      { ours: 'Two', theirs: 'No one' },
    ]);
    expect(
      disputes(injured, 'There were no casualties, West Yorkshire Fire and Rescue Service said.'),
    ).toEqual([{ ours: 'Two', theirs: 'no casualties' }]);
    // No one killed says nothing of the hurt; no one else hurt says some were.
    expect(disputes(injured, 'No one was killed in the blast, the fire service said.')).toEqual([]);
    expect(disputes(injured, 'No one else was hurt in the blast, the fire service said.')).toEqual([]);
  });

  it('disputes by no figure that ours gives exactly, though theirs names nothing it counts', () => {
    const disputes = disputesBetween(
      'A powerful earthquake struck the east of Varosha before dawn on Tuesday, officials said.',
      'More than 40 aftershocks followed the main shock, the strongest of them measuring 5.1.',
    );
    expect(
      disputes(
        'The quake had a magnitude of 6.8 and struck at a depth of 10 kilometres, the U.S. Geological Survey said.',
        "Varosha's seismology institute measured the quake at magnitude 7.0, higher than the 6.8 reported by the U.S. Geological Survey.",
      ),
    ).toEqual([]);
  });

  it('reads a figure in a name ("Channel 9") as no count', () => {
    const disputes = disputesBetween(
      "The measles outbreak at the children's hospital has reached 27 cases.",
      'Seven patients are in hospital, the health department said.',
    );
    expect(
      disputes(
        '"One infected person can infect up to nine out of ten unvaccinated people around them," she said.',
        'More than 80 percent of the patients were unvaccinated, according to county data reviewed by Channel 9.',
      ),
    ).toEqual([]);
  });

  it('does not dispute a level by the level a change reached from beyond it', () => {
    const disputes = disputesBetween(
      'Hurricane Lena made landfall near Port Alden on Tuesday as a Category 4 storm.',
      'More than 200,000 homes and businesses lost power across the state on Tuesday.',
    );
    const landfall =
      'The storm had maximum sustained winds of 130 mph at landfall, the hurricane center said.';
    // Winds that dropped to 115 mph blew harder before: 130 at landfall is that earlier level.
    expect(
      disputes(
        landfall,
        "The storm's maximum sustained winds dropped to 115 mph, the hurricane center said.",
      ),
    ).toEqual([]);
    // Winds that rose to 115 mph never blew at 130 before.
    expect(
      disputes(landfall, "The storm's maximum sustained winds rose to 115 mph, the hurricane center said."),
    ).toEqual([{ ours: '130', theirs: '115' }]);
  });

  it('disputes a small count by one a step or two away, though their ratio is two', () => {
    const disputes = disputesBetween(
      'Jonas Berg scored twice as Rovers came from behind to beat City 3-1 on Saturday.',
      'Manager Elena Voss said her players had earned the right to dream.',
    );
    expect(
      disputes(
        'Rovers are one point clear at the top with 12 games remaining.',
        'The win puts Rovers two points clear at the top with 12 matches to play.',
      ),
    ).toEqual([{ ours: 'one', theirs: 'two' }]);
    // Three and six are as likely a part and the whole.
    expect(
      disputes(
        'Three fans were arrested after the match, police said.',
        'Six fans were arrested after the match, police said.',
      ),
    ).toEqual([]);
  });

  it('disputes a rise by a fall of the same size, showing which way each went', () => {
    const ours = sentence(
      'Norvik Motors reported a third-quarter net profit of 2.1 billion euros, up 18 percent from a year earlier.',
    );
    expect(
      numberConflict(
        ours,
        sentence('Norvik Motors said its third-quarter net profit fell 18 percent to 2.1 billion euros.'),
      ),
    ).toEqual({ ours: 'up 18 percent', theirs: 'down 18 percent' });
    expect(
      numberConflict(
        ours,
        sentence('Norvik Motors said its third-quarter net profit rose 18 percent to 2.1 billion euros.'),
      ),
    ).toBeUndefined();
  });

  it('does not set a sentence that states another of ours against this one by its figures', () => {
    const ours = [
      'Norvik Motors said on Thursday that its third-quarter net profit fell 18 percent to 2.1 billion euros, hurt by weak demand for electric cars.',
      'Revenue slipped 3 percent to 38.4 billion euros, the German carmaker said.',
      'Chief executive Lena Brandt told analysts that the company would cut 4,000 administrative jobs by 2026.',
    ].map(sentence);
    const theirs = (second: string) =>
      [
        'German carmaker Norvik Motors will cut 4,000 jobs in administration by 2026, chief executive Lena Brandt said on Thursday.',
        second,
        'The company employs around 120,000 people worldwide.',
      ].map(sentence);
    const disputed = (second: string) =>
      judgePair(report(ours), report(theirs(second)))
        .filter((j) => j.detail.stance === 'disputes')
        .map((j) => [j.ours, j.theirs, j.detail.numberConflict]);
    // Their sales figures are our revenue sentence's, not rivals of our profit's.
    expect(disputed('Sales fell 3 percent to 38.4 billion euros.')).toEqual([]);
    // A profit figure of theirs that differs still disputes ours.
    expect(disputed('Net profit fell 12 percent to 2.3 billion euros in the third quarter.')).toEqual([
      [0, 1, { ours: '18 percent', theirs: '12 percent' }],
    ]);
  });

  it('does not confirm by a sentence that shares only names with ours', () => {
    const named = (text: string, names: string[]) => ({
      ...sentence(text),
      entities: names.map((name) => ({ text: name, type: 'person' as const })),
    });
    const ours = [
      named('Doctors in Bali told Dylan Thomas that a spider had burrowed under his skin.', ['Dylan Thomas']),
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
      sentence('Shares fell sharply in early trading after the announcement.'),
    ];
    const theirs = [
      named('Dylan Thomas has been contacted for comment.', ['Dylan Thomas']),
      sentence('Rain is expected over the weekend across the north.'),
      sentence('The festival drew record crowds this year.'),
    ];
    expect(stances(ours, theirs)).toEqual([]);
    // The same pair of sentences, saying something alike of him, confirms.
    const said = [
      named('Dylan Thomas was told by doctors that a spider burrowed under his skin.', ['Dylan Thomas']),
    ];
    expect(stances(ours, [...said, ...theirs.slice(1)])).toEqual([[0, 0, 'confirms', 'same-fact']]);
  });

  it('does not confirm a count by a sentence that gives only a clock time', () => {
    const judged = judgedBetween(
      'An Aeralis A320 returned to Port Ellery after the crew shut down one engine.',
      'Passengers left the aircraft by the emergency slides on the runway.',
    );
    const stancesOf = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    const injured =
      'The airport said 11 occupants were injured during the evacuation, two of whom went to hospital.';
    expect(stancesOf(injured, 'The plane landed at 11:15 local time, according to the airport.')).toEqual([]);
    // Two that name one route beyond their speaker still tell one fact.
    expect(
      stancesOf(
        'The 3.2-kilometre march from Central Station to Parliament Square was peaceful for most of the day.',
        'The march set off from Central Station shortly after 11am and made its way along Kingsway to Parliament Square.',
      ),
    ).toEqual(['confirms']);
    // A sentence that gives the count as well still speaks to it.
    expect(
      stancesOf(
        injured,
        'The plane landed at 11:15 local time and 11 occupants were injured during the evacuation, the airport said.',
      ),
    ).toEqual(['confirms']);
  });

  it('disputes a report by a denial of it, whatever the speaker goes on to say or the aside describes', () => {
    const judged = judgedBetween(
      'Ashcombe Rovers won planning consent for a 32,000-seat stadium on Wednesday.',
      'Construction is due to start next spring.',
    );
    const between = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    expect(
      between(
        'The club has agreed a ten-year naming-rights deal for the stadium with Vantora Energy worth about 4 million pounds a year, according to two people familiar with the negotiations.',
        'The club denied a report that it had agreed a naming-rights deal for the new stadium with Vantora Energy, saying no agreement had been reached with any sponsor.',
      ),
    ).toEqual(['disputes']);
    expect(
      between(
        'Two participants developed Guillain-Barre syndrome within six weeks of vaccination, according to trial documents.',
        'Corvane denied a newspaper report that two trial participants had developed Guillain-Barre syndrome, a rare neurological disorder, after vaccination.',
      ),
    ).toEqual(['disputes']);
  });

  it('confirms no statement by its refusal, nor by "no plans to" or "no cases of" it', () => {
    const judged = judgedBetween(
      'The Civic Union won 78 of the 150 seats in the National Assembly.',
      'Turnout was 67.2 percent, the highest since 2009.',
    );
    const stancesOf = (ours: string, theirs: string) =>
      judged(ours, theirs)
        .filter((j) => j.ours === 1 && j.theirs === 1)
        .map((j) => j.detail.stance);
    const conceded = 'Prime Minister Tomas Reiner conceded defeat on Monday night in a speech to supporters.';
    expect(
      stancesOf(
        conceded,
        'Prime Minister Tomas Reiner refused to concede defeat on Monday night in a speech to supporters.',
      ),
    ).toEqual([]);
    expect(
      stancesOf(
        conceded,
        'Prime Minister Tomas Reiner conceded on Monday night in a speech to his supporters.',
      ),
    ).toEqual(['confirms']);
    // A refusal agrees with a negation of the same verb.
    expect(
      stancesOf(
        'Prime Minister Tomas Reiner did not concede defeat on Monday night in a speech to supporters.',
        'Prime Minister Tomas Reiner refused to concede defeat on Monday night in a speech to supporters.',
      ),
    ).toEqual(['confirms']);
    const closing =
      'The union said it had been told the Ashford plant on Kellerman Road would close by the end of next year.';
    expect(
      stancesOf(
        closing,
        'Lindqvist said the company had no plans to close its Ashford plant on Kellerman Road.',
      ),
    ).not.toContain('confirms');
    const developed =
      'Two participants in the trial developed Guillain-Barre syndrome within six weeks of vaccination.';
    expect(
      stancesOf(
        developed,
        'Corvane said no cases of Guillain-Barre syndrome had been found among trial participants.',
      ),
    ).toEqual([]);
    // What "no commitment to" frames is negated as far as "not" reaches, not only its first word.
    expect(
      stancesOf(
        'The county council has agreed to pay for the repair of the sea wall, the Courier understands.',
        'The county council said it had made no commitment to fund the repair of the sea wall.',
      ),
    ).toEqual([]);
  });

  it('confirms no line that only says someone did not comment, and still one that goes on to a fact', () => {
    const ours = [
      sentence('The army has not commented on the air strike on the hospital in Al-Qasr.'),
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
    ];
    const theirs = [
      sentence('The army has not commented on the air strike on the hospital in Al-Qasr, officials said.'),
      sentence('Rain is expected over the weekend across the north.'),
    ];
    expect(stances(ours, theirs)).toEqual([]);
    const facts = [
      sentence(
        'Phelps has not commented on the post and spent October in rehab after his drink-driving arrest in Baltimore.',
      ),
    ];
    const arrest = [
      sentence('Phelps spent October in rehab after his drink-driving arrest in Baltimore, his agent said.'),
    ];
    expect(stances(arrest, facts)).toEqual([[0, 0, 'confirms', 'same-fact']]);
  });

  it('confirms the sentence that states the same fact, and only that one', () => {
    const theirs = [
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
      sentence(
        'Close to 11,000 North Korean troops are in Russia and will be ready to fight by Nov. 1, officials said.',
      ),
      sentence('North Korea has been sending artillery shells to Russia for a year.'),
    ];
    expect(stances([claim], theirs)).toEqual([[0, 1, 'confirms', 'same-fact']]);
  });

  it('disputes a different count of the same thing, from an outlet that does not also give ours', () => {
    const theirs = [
      sentence(
        'Around 10,000 North Korean soldiers are in Russia and will be ready to fight by Nov. 1, officials said.',
      ),
    ];
    const [j] = judgePair(report([claim]), report(theirs));
    expect(j.detail).toMatchObject({
      stance: 'disputes',
      basis: 'numbers',
      numberConflict: { ours: 'more than 11,000', theirs: 'Around 10,000' },
    });
    const both = [...theirs, sentence('Another official put the number at 12,000 North Korean soldiers.')];
    expect(judgePair(report([claim]), report(both)).filter((x) => x.detail.basis === 'numbers')).toEqual([]);
  });

  it('reads a larger toll published half a day or more later as the same tally moved on, not a dispute', () => {
    const monday = [
      sentence('A wildfire in northern California destroyed 300 homes on Monday, fire officials said.'),
      sentence('Officials said 12 people had been killed by the fire.'),
    ];
    const tuesday = [
      sentence('The wildfire in northern California has destroyed 410 homes, the state fire agency said.'),
      sentence('Officials said 15 people had been killed by the fire.'),
    ];
    const dated = (sentences: SentenceAnalysis[], publishedAt?: string) => ({
      ...report(sentences),
      ...(publishedAt ? { publishedAt } : {}),
    });
    const numbers = (a: ReturnType<typeof dated>, b: ReturnType<typeof dated>) =>
      judgePair(a, b)
        .filter((x) => x.detail.basis === 'numbers')
        .map((x) => x.detail.numberConflict?.ours);
    const mon = '2025-08-04T09:00:00Z';
    const tue = '2025-08-05T15:00:00Z';
    expect(numbers(dated(monday, mon), dated(tuesday, tue))).toEqual([]);
    expect(numbers(dated(tuesday, tue), dated(monday, mon))).toEqual([]);
    // Undated, or published the same morning, the two counts disagree.
    expect(numbers(dated(monday), dated(tuesday))).toEqual(['300', '12']);
    expect(numbers(dated(monday, mon), dated(tuesday, '2025-08-04T11:00:00Z'))).toEqual(['300', '12']);
    // A later, smaller toll is a dispute: revised down, or outlets that disagree.
    expect(numbers(dated(tuesday, mon), dated(monday, tue))).toEqual(['410', '15']);
    // A count that is no tally of the event (an estimate of troops) disagrees whatever the dates.
    const troops = (n: string) => [sentence(`Officials said ${n} North Korean soldiers are in Russia.`)];
    expect(numbers(dated(troops('8,000'), mon), dated(troops('10,000'), tue))).toEqual(['8,000']);
  });

  it('reads a figure a sentence denies ("1,800 people, not 2,000") as disputing ours, not stating it', () => {
    const numbers = (a: SentenceAnalysis[], b: SentenceAnalysis[]) =>
      judgePair(report(a), report(b))
        .filter((x) => x.detail.basis === 'numbers')
        .map((x) => x.detail.numberConflict);
    const plant = [sentence('The plant employs about 2,000 people, according to the union.')];
    const union = [sentence('The union said the plant employs 1,800 people, not 2,000.')];
    expect(numbers(plant, union)).toEqual([{ ours: 'about 2,000', theirs: '1,800' }]);
    expect(numbers(union, plant)).toEqual([{ ours: '1,800', theirs: 'about 2,000' }]);
    // Its figure of the same noun is the one it gives instead, and parts that add up to the figure it
    // denies do not give that figure.
    const moved = [
      sentence(
        'The union said the plant employs 1,800 people, not 2,000, because 200 workers were moved to Michigan.',
      ),
    ];
    expect(numbers(plant, moved)).toEqual([{ ours: 'about 2,000', theirs: '1,800' }]);
    const cuts = [
      sentence('Carmaker Veltra said on Tuesday it would cut 1,200 jobs and close its Ohio plant.'),
    ];
    const fewer = [
      sentence("The union said Veltra's plan would cut 900 jobs, not the 1,200 the carmaker announced."),
    ];
    expect(numbers(cuts, fewer)).toEqual([{ ours: '1,200', theirs: '900' }]);
    // A rejection of our figure, with the figure its source gives instead: before, the figure it names
    // was read as given beside 12 and the sentence confirmed ours.
    const analysed = (text: string) => analyzeSentences([{ kind: 'paragraph', text }]);
    const toll = analysed(
      'An air strike on the market in Dorvan killed 30 people on Saturday, the health ministry said.',
    );
    const rejected = analysed(
      "The army rejected the health ministry's figure of 30 dead in the Dorvan strike, saying 12 people had been killed.",
    );
    expect(numbers(toll, rejected)).toEqual([{ ours: '30', theirs: '12' }]);
    // Ten times apart two figures are rarely one quantity, but a denial says they are, either way round;
    // and "middle-aged" is no noun the figure counts.
    const study = analysed(
      'The University of Leeds team tracked about 48,000 middle-aged adults for a decade.',
    );
    const check = analysed(
      "The Lancet study followed 4,800 adults, not 48,000, a spokesperson for the journal said, correcting the university's press release.",
    );
    expect(numbers(study, check)).toEqual([{ ours: 'about 48,000', theirs: '4,800' }]);
    expect(numbers(check, study)).toEqual([{ ours: '4,800', theirs: 'about 48,000' }]);
    // A figure ours only tells of ("makes an unconfirmed claim that ...") is no assertion to dispute.
    const told = analysed(
      'Congressman makes unconfirmed claim that Border Patrol caught at least 10 ISIS fighters.',
    );
    const denial = analysed(
      "Officials deny the congressman's claim that at least ten ISIS fighters were caught.",
    );
    expect(numbers(told, denial)).toEqual([]);
    // Giving both figures without denying either still reports both and disputes neither.
    const both = [
      sentence("The union said Veltra's plan would cut 900 jobs at first and 1,200 jobs in all."),
    ];
    expect(numbers(cuts, both)).toEqual([]);
  });

  it('disputes a figure of ours their sentence gives otherwise, though it states another of ours', () => {
    const numbers = (a: SentenceAnalysis[], b: SentenceAnalysis[]) =>
      judgePair(report(a), report(b))
        .filter((x) => x.detail.basis === 'numbers')
        .map((x) => x.detail.numberConflict);
    const ours = [
      sentence(
        'The reform would raise the retirement age from 65 to 67 by 2030, saving 1.4 billion euros a year, according to the finance ministry.',
      ),
    ];
    const theirs = [
      sentence(
        'The finance ministry says the reform, which raises the retirement age to 67 by 2030, will save 1.2 billion euros a year.',
      ),
    ];
    // The age of 67 both state; the savings differ. The 65 it rises from is no statement of the age now.
    expect(numbers(ours, theirs)).toEqual([{ ours: '1.4 billion', theirs: '1.2 billion' }]);
    expect(numbers(theirs, ours)).toEqual([{ ours: '1.2 billion', theirs: '1.4 billion' }]);
    const sales = [sentence('Veltra sold 41,000 vehicles in the quarter, down from 55,000 a year earlier.')];
    const deliveries = [sentence('Veltra delivered 41,000 vehicles in the quarter, the company said.')];
    expect(numbers(deliveries, sales)).toEqual([]);
  });

  it('reads a bare figure as counting what the same figure counts in the sentence of the same fact', () => {
    const ours = [
      sentence('Police said an estimated 40,000 protesters marched through the capital on Saturday.'),
      sentence('Organisers said nearly 60,000 protesters marched through the capital on Saturday.'),
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
    ];
    // "60,000 were marching" names nothing it counts: the sentence of ours it restates says protesters.
    const theirs = [
      sentence('The march was the largest since the election, organisers said.'),
      sentence('Organisers said 60,000 were marching through the capital by Saturday noon.'),
    ];
    const numbers = (a: SentenceAnalysis[], b: SentenceAnalysis[]) =>
      judgePair(report(a), report(b))
        .filter((x) => x.detail.basis === 'numbers')
        .map((x) => [x.ours, x.theirs, x.detail.numberConflict]);
    expect(numbers(ours, theirs)).toEqual([[0, 1, { ours: 'an estimated 40,000', theirs: '60,000' }]]);
    // Their article gives the organisers' figure, which ours also gives: no dispute of ours by it.
    expect(numbers(theirs, ours)).toEqual([]);
    // Without the sentence of ours it restates, the bare figure counts nothing that could conflict.
    expect(numbers([ours[0], ours[2]], theirs)).toEqual([]);
  });

  it('disputes by no sentence that gives our figure beside another, in either direction', () => {
    const one = [
      sentence(
        "The golfer's former 62-acre island in a Swedish lake has been put on the market, a newspaper reported on Tuesday.",
      ),
    ];
    const both = [
      sentence(
        "The estate agent's listing pegs the property at about 62 acres; a private islands website says it is about 82 acres.",
      ),
    ];
    const numbers = (a: SentenceAnalysis[], b: SentenceAnalysis[]) =>
      judgePair(report(a), report(b)).filter((x) => x.detail.basis === 'numbers');
    expect(numbers(one, both)).toEqual([]);
    expect(numbers(both, one)).toEqual([]);
    // Without our figure beside it, the other figure disputes ours.
    const other = [sentence("A private islands website says the golfer's former island is about 82 acres.")];
    expect(numbers(one, other)).toHaveLength(1);
  });

  it('disputes no record with a count, nor two figures of one story that count different things', () => {
    const fish = [
      sentence('An enormous catfish weighing 20 stone has been caught in the Po Delta in Italy.'),
    ];
    const record = [
      sentence(
        'Dino caught the fish in the Po Delta in Italy, where the biggest catfish ever caught weighed 22 stone.',
      ),
    ];
    expect(stances(fish, record).filter(([, , stance]) => stance === 'disputes')).toEqual([]);
    const named = [sentence('In the Po Delta in Italy the record for a catfish is 22 stone.')];
    expect(stances(fish, named).filter(([, , stance]) => stance === 'disputes')).toEqual([]);
    expect(
      stances(fish, [sentence('A catfish weighing 22 stone has been caught in the Po Delta in Italy.')]),
    ).toContainEqual([0, 0, 'disputes', 'numbers']);
    // "Former" and a bare "record" describe the story's own count.
    expect(
      stances(fish, [
        sentence('A record catfish weighing 22 stone has been caught in the Po Delta in Italy.'),
      ]),
    ).toContainEqual([0, 0, 'disputes', 'numbers']);
    const absent = [
      sentence('A senior official of the public works department was dismissed for an absence of 25 years.'),
    ];
    const employed = [
      sentence('The public works department dismissed a senior official it had employed for 35 years.'),
    ];
    expect(stances(absent, employed).filter(([, , stance]) => stance === 'disputes')).toEqual([]);
  });

  it('disputes by a denial about what the claim says, and leaves a "cannot confirm" unclear', () => {
    const theirs = [
      sentence(
        'A Kremlin spokesman dismissed claims of North Korean soldiers in Russia ready to fight as a hoax.',
      ),
      sentence('The Pentagon said it could not confirm that North Korean soldiers are in Russia.'),
    ];
    expect(stances([claim], theirs)).toEqual([
      [0, 0, 'disputes', 'denial'],
      [0, 1, 'unclear', 'cannot-confirm'],
    ]);
  });

  it('leaves unclear only what states a fact: not a no-comment, a "cannot confirm" or a retold fake', () => {
    const theirs = [
      sentence('Scotland Yard would not confirm the name of the man in the video, the paper said.'),
    ];
    const unclear = (text: string) =>
      stances([sentence(text)], theirs).filter(([, , stance]) => stance === 'unclear').length;
    expect(
      unclear('Police named the man in the video as a 26-year-old from west London, the paper said.'),
    ).toBe(1);
    expect(unclear('Scotland Yard declined to comment on the name of the man in the video.')).toBe(0);
    expect(unclear('The paper published the name of the man in the video without having verified it.')).toBe(
      0,
    );
    expect(unclear('The fake story named the man in the video as a 26-year-old from west London.')).toBe(0);
    expect(unclear('The man in the video is fake, the paper said of the 26-year-old from west London.')).toBe(
      0,
    );
    // "Fake" that says what a thing is states a fact like any other word.
    expect(
      unclear(
        'Police named the man in the video, who carried fake passports, as a 26-year-old from west London.',
      ),
    ).toBe(1);
  });

  it("reads a named source's denial without the source: who says it is no part of what is denied", () => {
    const analysed = (texts: string[]) =>
      analyzeSentences(texts.map((text) => ({ kind: 'paragraph' as const, text })));
    const ours = analysed([
      'Health minister Carla Novak resigned on Monday after reports that contracts worth 40 million euros were awarded to a company owned by her brother-in-law, two government officials said.',
      'The contracts, for hospital cleaning services, were signed in 2023 without a public tender.',
      'Opposition leader Marta Wrona called for a parliamentary inquiry.',
    ]);
    const theirs = (denial: string) =>
      analysed([
        denial,
        'The opposition has called for a parliamentary inquiry into the contracts.',
        'The prime minister is due to speak to parliament on Wednesday.',
      ]);
    const disputes = (denial: string) =>
      stances(ours, theirs(denial)).filter(([o, , stance]) => o === 0 && stance === 'disputes');
    // The speaker after the statement, and the speaker before a statement that is all he is reported to say.
    expect(
      disputes(
        'Health minister Carla Novak has not resigned and remains in her post, government spokesman Adam Mazur said on Monday afternoon, denying earlier reports.',
      ),
    ).toEqual([[0, 0, 'disputes', 'denial']]);
    expect(disputes('Government spokesman Adam Mazur said Novak had not resigned.')).toEqual([
      [0, 0, 'disputes', 'denial'],
    ]);
    // What is left without the speaker must still say something whole: "no U.S. ground troops were
    // involved in the operation" is no denial of an air strike by special forces.
    const strike = analysed([
      'U.S. special operations forces targeted Godane in southern Somalia in a Sept. 1 attack using manned and unmanned aircraft.',
      'The Pentagon confirmed his death on Friday.',
      'Godane had led the group since 2008.',
    ]);
    const pentagon = analysed([
      'The Pentagon said no U.S. ground troops were involved in the operation.',
      'Godane had led al-Shabab since 2008.',
      'The group has not commented on his death.',
    ]);
    expect(stances(strike, pentagon).filter(([, , stance]) => stance === 'disputes')).toEqual([]);
  });

  it('leaves unclear, not confirmed, a claim their article relays and then says it cannot confirm', () => {
    const ours = [
      sentence(
        'Northfield Rovers have agreed a £60 million fee with Stadt Kassel for striker Tomas Varga, according to two people familiar with the talks.',
      ),
      sentence('Varga scored 31 goals in all competitions last season.'),
      sentence('Rovers manager Paul Dent said he wanted one more forward before the window closes.'),
    ];
    const relayed = (doubt: string) => [
      sentence(
        'Reports on Monday said Northfield Rovers had agreed a fee of around £60 million for Stadt Kassel striker Tomas Varga.',
      ),
      sentence(doubt),
      sentence('Varga scored 31 goals for Stadt Kassel last season, the most in the league.'),
    ];
    const on = (theirs: SentenceAnalysis[]) => stances(ours, theirs).filter(([o]) => o === 0);
    expect(
      on(relayed('We have not been able to confirm the fee or that an agreement has been reached.')),
    ).toEqual([[0, 1, 'unclear', 'cannot-confirm']]);
    expect(on(relayed('The Athletic could not independently verify the reports.'))).toEqual([
      [0, 1, 'unclear', 'cannot-confirm'],
    ]);
    // A "cannot confirm" that says what it doubts, of something the sentence before did not tell, leaves
    // the confirmation.
    expect(on(relayed('The club could not confirm the presence of scouts at the match on Sunday.'))).toEqual([
      [0, 0, 'confirms', 'same-fact'],
    ]);
    expect(
      on(relayed('Police could not confirm whether the stadium roof was damaged in the storm.')),
    ).toEqual([[0, 0, 'confirms', 'same-fact']]);
  });

  it('leaves unclear only what their "cannot confirm" is about, or what it points back to', () => {
    const ours = [
      sentence('Witnesses heard shots fired inside the halls of Parliament near the library on Wednesday.'),
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
      sentence('Shares fell sharply in early trading after the announcement.'),
    ];
    const other = (text: string) => [
      sentence(text),
      sentence('Rain is expected over the weekend across the north.'),
      sentence('The festival drew record crowds this year.'),
    ];
    const unclear = (theirs: SentenceAnalysis[]) =>
      stances(ours, theirs).filter(([, , stance]) => stance === 'unclear');
    // Aligned with our claim, but what it cannot confirm is an injury.
    expect(
      unclear(
        other(
          'Witnesses heard shots fired inside Parliament near the library, and there was an unconfirmed report of a guard injured.',
        ),
      ),
    ).toEqual([]);
    expect(
      unclear(
        other(
          'Police could not confirm that shots were fired inside the halls of Parliament near the library.',
        ),
      ),
    ).toEqual([[0, 0, 'unclear', 'cannot-confirm']]);
    // "Could not verify it" points back to the sentence's own statement, which states ours.
    expect(
      unclear(
        other(
          'Witnesses heard shots fired inside the halls of Parliament near the library, but police could not verify it.',
        ),
      ),
    ).toEqual([[0, 0, 'unclear', 'cannot-confirm']]);
  });

  it('reads a claim with the sentence it leans on, and a "cannot confirm" by each of its cues', () => {
    const ours = [
      sentence('North Korea has agreed to ship up to 12,000 troops to Russia, officials said.'),
      sentence('Budanov warned 11,000 were already there and would be ready to fight by November.'),
      sentence('The central bank raised interest rates by half a point on Tuesday.'),
    ];
    // The reader sees the second and third highlighted (the first is an unremarkable lead-in).
    const reading = { ...report(ours), claims: new Set([1, 2]) };
    const unclear = (text: string) =>
      judgePair(
        reading,
        report([
          sentence(text),
          sentence('Rain is expected over the weekend across the north.'),
          sentence('The festival drew record crowds this year.'),
        ]),
      )
        .filter((j) => j.detail.stance === 'unclear')
        .map((j) => [j.ours, j.theirs, j.detail.stance, j.detail.basis]);
    // "11,000 were already there" says nothing of North Korean troops in Russia by its own words.
    expect(
      unclear('A Pentagon spokesman said he could not confirm whether North Korean troops are in Russia.'),
    ).toContainEqual([1, 0, 'unclear', 'cannot-confirm']);
    // The first cue doubts a report; the second says what the report was about.
    expect(
      unclear(
        "The Pentagon declined to confirm Ukraine's intelligence, stating it can't confirm whether North Korean troops are in Russia.",
      ),
    ).toContainEqual([1, 0, 'unclear', 'cannot-confirm']);
  });

  it('links each "cannot confirm" of a seed sentence that doubts twice to the claims it is most about', () => {
    // bne IntelliNews: "Ryder declined to confirm Ukraine's intelligence, stating that he 'can't confirm
    // whether any North Korean forces have gone to Russia'"; the fourth seed's claims lean on the troops named before.
    const seed = (prefix: string) => {
      const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix)) as string;
      const blocks = readFileSync(join(SEEDS, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((text) => ({ kind: 'paragraph' as const, text }));
      const sentences = analyzeSentences(blocks);
      const claims = new Set(
        claimMask(sentences, DEFAULT_CLAIM_THRESHOLD).flatMap((on, i) => (on ? [i] : [])),
      );
      return { sentences, side: 'report' as const, claims };
    };
    const sun = seed('003');
    const unclear = judgePair(sun, seed('002'))
      .filter((j) => j.detail.stance === 'unclear')
      .map((j) => sun.sentences[j.ours].text);
    expect(unclear.some((t) => t.startsWith('The first 1,500 were shipped'))).toBe(true);
    expect(unclear.some((t) => t.includes('warned 11,000 were already there'))).toBe(true);
  });

  it('links a denial to the claims it is most about, not to every claim of the story', () => {
    const ours = [
      claim,
      sentence('The video was filmed at a camp in the Far East, the centre said.'),
      sentence('Seoul said 1,500 troops were shipped to Vladivostok by sea.'),
    ];
    const theirs = [
      sentence('Moscow dismissed claims that North Korean soldiers are in Russia ready to fight.'),
    ];
    expect(stances(ours, theirs)).toEqual([[0, 0, 'disputes', 'denial']]);
  });

  it('never disputes a line about the reporting itself ("contacted for comment")', () => {
    const ours = [
      sentence('Dylan Thomas was treated at a Bali clinic after the holiday, his family said.'),
      sentence('The family posted photos of the red trail on social media.'),
      sentence('Dylan Thomas has been contacted for comment by the Daily Star.'),
      sentence('Doctors in Perth later removed what they believed to be a tropical spider from his chest.'),
    ];
    const theirs = [
      sentence(
        'An arachnid expert says the story of a spider burrowing under Dylan Thomas’s skin is a hoax.',
      ),
      sentence('Spiders cannot burrow under human skin, he said.'),
    ];
    const disputed = judgePair(report(ours), debunkOf(theirs))
      .filter((j) => j.detail.stance === 'disputes')
      .map((j) => j.ours);
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed).not.toContain(2);
  });

  it('lets a debunking article dispute the claims of a report it is about, with its own sentence as the quote', () => {
    const ours = [
      sentence('The Batmobile was stolen from the film set in Detroit on Sunday, local fans said.'),
      sentence('The car is worth more than a million dollars.'),
    ];
    const theirs = [
      sentence('Detroit police say the story of a stolen Batmobile is a hoax.'),
      sentence('The car was moved to a warehouse for the weekend.'),
    ];
    const judged = judgePair(report(ours), debunkOf(theirs));
    expect(judged.find((j) => j.ours === 0)?.detail).toMatchObject({ stance: 'disputes' });
    expect(judged.some((j) => j.ours === 1 && j.detail.stance === 'disputes')).toBe(false);
    // Two articles a story joined only through others: the debunk's framing is not read against the report.
    expect(
      judgePair(report(ours), debunkOf(theirs), { shared: false }).some((j) => j.detail.basis === 'debunk'),
    ).toBe(false);
    // Two articles that both debunk the story agree with each other.
    expect(judgePair(debunkOf(theirs), debunkOf(theirs)).some((j) => j.detail.stance === 'disputes')).toBe(
      false,
    );
  });

  it('lets a check of a rumour told around the story dispute nothing in a report that never mentions it', () => {
    const ours = [
      sentence(
        'A magnitude 6.4 earthquake struck southern Peru on Tuesday, killing at least 12 people, officials said.',
      ),
      sentence('The quake hit about 40 kilometres north of Arequipa at a depth of 10 kilometres.'),
      sentence('Civil defence officials said 230 homes had collapsed near the epicentre.'),
      sentence('The president declared a 60-day state of emergency in three provinces.'),
    ];
    const rumour = [
      sentence('No, a dam did not cause the Peru earthquake.'),
      sentence(
        'Posts on social media claim that the filling of a new reservoir set off the quake near Arequipa.',
      ),
      sentence('There is no evidence that the dam played any role, seismologists said.'),
    ];
    expect(judgePair(report(ours), debunkOf(rumour)).filter((j) => j.detail.stance === 'disputes')).toEqual(
      [],
    );
    expect(judgePair(debunkOf(rumour), report(ours)).filter((j) => j.detail.stance === 'disputes')).toEqual(
      [],
    );
    // A check of what the report says, of the subject it names, still disputes it.
    const check = [
      sentence('No, the Peru earthquake did not kill 12 people.'),
      sentence(
        'Officials said two people died, and posts claiming a higher toll were shared thousands of times.',
      ),
      sentence('The posts are false, seismologists said.'),
    ];
    expect(judgePair(report(ours), debunkOf(check)).some((j) => j.detail.stance === 'disputes')).toBe(true);
  });

  it('confirms nothing between two sentences that share only the names their story is told by', () => {
    const read = (paragraphs: string[]) =>
      report(analyzeSentences(paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))));
    const ours = read([
      "Spider burrows under Darwin man's skin",
      'Dylan Thomas noticed a red mark on his stomach after a night out in Bali, he told NT News.',
      '"It was as if someone had scratched me with the tip of a knife," he told NT News.',
      'Doctors at a Darwin clinic later removed the spider.',
    ]);
    const theirs = (first: string) =>
      read([
        'Experts doubt Bali spider story',
        first,
        'Spiders cannot live under human skin, a zoologist said.',
        'Thomas has not responded to requests for comment, NT News reported.',
      ]);
    const confirmed = (first: string) =>
      judgePair(ours, theirs(first))
        .filter((j) => j.detail.stance === 'confirms')
        .map((j) => [j.ours, j.theirs]);
    // Where the story first appeared says nothing of the red mark nor of the quote: the two share only
    // the paper the articles name throughout.
    expect(confirmed('The story of the spider first appeared in NT News on Tuesday.')).toEqual([]);
    // A word said besides the names ("red mark") makes the two one fact.
    expect(confirmed('Thomas noticed a red mark on his stomach in Bali, NT News reported.')).toContainEqual([
      1, 1,
    ]);
  });

  it('reads a denial as of what it denies, not of the occasion it names after it ("after the rescue")', () => {
    const ours = [
      sentence('Five hikers were airlifted off Ben Carrow after a night trapped in a snowstorm.'),
      sentence('The group was stuck at around 2,400 metres, rescuers said.'),
      sentence('Team leader Ian Dorran said the hikers had ignored warnings posted at the trailhead.'),
      sentence('One hiker was taken to hospital with hypothermia.'),
    ];
    const theirs = [
      sentence('Hikers deny ignoring warnings after dramatic Ben Carrow airlift'),
      sentence('The four walkers said the sign at the car park was buried in snow.'),
      sentence('They called for help shortly after 8 p.m. on Saturday, according to police.'),
    ];
    const disputed = (judged: ReturnType<typeof judgePair>) =>
      judged.filter((j) => j.detail.stance === 'disputes').map((j) => [j.ours, j.theirs]);
    // The denial is of ignoring warnings: it disputes the team leader's word, not the airlift it followed.
    expect(disputed(judgePair(report(ours), debunkOf(theirs)))).toEqual([[2, 0]]);
    expect(disputed(judgePair(report(ours), report(theirs)))).toEqual([[2, 0]]);
  });

  it('lets two debunks of one story confirm each other’s statements of it, said in words of their own', () => {
    const ours = [
      sentence('Banksy has not been arrested, despite reports on an American website.'),
      sentence('The street artist remains anonymous and works mostly in Bristol.'),
      sentence('His new mural appeared on a wall in the city last month.'),
    ];
    const theirs = [
      sentence('“The Banksy arrest is a hoax,” the artist’s publicist told The Independent.'),
      sentence('The story claimed that police had found paint cans in his studio.'),
      sentence('It was shared thousands of times on Facebook.'),
    ];
    const judged = judgePair(debunkOf(ours), debunkOf(theirs));
    expect(judged.map((j) => [j.ours, j.theirs, j.detail.stance, j.detail.basis])).toEqual([
      [0, 0, 'confirms', 'debunk'],
    ]);
    // A negation in another clause does not deny the debunk's own word: "never happened and … is a hoax".
    const police = [
      sentence(
        'Police said on Monday that the lion statue theft never happened and that the story is a hoax.',
      ),
      sentence('The bronze lion is in a restoration workshop, where contractors are cleaning it.'),
      sentence('Officers said residents should check with the council before sharing such posts.'),
    ];
    const council = [
      sentence(
        'Reports that the bronze lion statue was stolen from the town square are false, the council said.',
      ),
      sentence('The statue will return to the square in the spring.'),
      sentence('Photos of the empty plinth spread quickly on social media.'),
    ];
    expect(
      judgePair(debunkOf(council), debunkOf(police)).map((j) => [j.ours, j.theirs, j.detail.basis]),
    ).toContainEqual([0, 0, 'debunk']);
    // Only between two debunks that share their story: a report's sentence is no statement of a debunk.
    expect(judgePair(debunkOf(ours), debunkOf(theirs), { shared: false })).toEqual([]);
    expect(judgePair(report(ours), debunkOf(theirs)).some((j) => j.detail.stance === 'confirms')).toBe(false);
  });

  it('quotes the sentence of a debunk that states it, not its lead retelling the story, and disputes no short line', () => {
    const ours = [
      sentence('A homeless man spent the $100 a YouTuber gave him on food for other homeless people.'),
      sentence('The homeless man smiled.'),
    ];
    const theirs = [
      sentence('Last week a viral video showed a homeless man spending $100 from a YouTuber on food.'),
      sentence('The video was filmed in a park in Los Angeles on a Sunday.'),
      sentence('A witness said the homeless man buying food for others was staged by the YouTuber.'),
    ];
    const judged = judgePair(report(ours), debunkOf(theirs));
    expect(judged.filter((j) => j.detail.basis === 'debunk').map((j) => [j.ours, j.theirs])).toEqual([
      [0, 2],
    ]);
    // Read from the debunk's side: its statement is disputed by the report's claim, not its retelling lead.
    const back = judgePair(debunkOf(theirs), report(ours));
    expect(back.filter((j) => j.detail.basis === 'debunk').map((j) => [j.ours, j.theirs])).toEqual([[2, 0]]);
  });

  it('reads no refutation into a doctor, and disputes by no debunk lead that retells our sentence', () => {
    const ours = [
      sentence(
        'Doctors extracted a tropical spider that had burrowed into the scar from his appendix removal.',
      ),
      sentence('He said the spider had been living inside him for three days before it was found.'),
      sentence('The doctors sent the spider away for tests to find out what kind it was.'),
    ];
    // The debunk's lead retells our first sentence; nothing in it states the debunk ("Doctors" is no
    // "doctored"), so it disputes nothing of ours, and never that sentence.
    const theirs = [
      sentence(
        'Doctors extracted a tropical spider that had burrowed into the scar from his appendix removal.',
      ),
      sentence('The story was shared widely on social media over the weekend.'),
      sentence('His friends posted pictures of the red trail on his stomach.'),
    ];
    const debunk = debunkOf(theirs);
    expect(judgePair(report(ours), debunk).filter((j) => j.detail.stance === 'disputes')).toEqual([]);
    expect(judgePair(debunk, report(ours)).filter((j) => j.detail.stance === 'disputes')).toEqual([]);
    // Nor is "despite" a refutation: the debunk's sentence below retells ours and states nothing against it.
    const despite = [
      sentence('Despite the pain, he said the spider had been living inside him for three days.'),
      ...theirs.slice(1),
    ];
    expect(judgePair(report(ours), debunkOf(despite)).filter((j) => j.detail.stance === 'disputes')).toEqual(
      [],
    );
    // A lead that says the photo was doctored states the debunk, and disputes.
    const doctored = [sentence('The photo of the spider under his skin was doctored.'), ...theirs.slice(1)];
    expect(judgePair(report(ours), debunkOf(doctored)).some((j) => j.detail.basis === 'debunk')).toBe(true);
  });

  it('reads no debunk into the words the report itself uses for its subject ("prankster", "fake ID")', () => {
    const ours = [
      sentence(
        'A YouTuber known for his pranks gave a homeless man $100 and filmed him buying food for others.',
      ),
      sentence('The homeless man was filmed sharing the food with other people in the park.'),
      sentence('Police detained a woman travelling with a fake ID and her young son in the north.'),
    ];
    const theirs = [
      sentence('The video of a homeless man buying food has been shared millions of times this week.'),
      sentence('Later the prankster drove the homeless man back to the park in his car.'),
      sentence('She was travelling with a fake ID, officials said.'),
      sentence('There was no immediate comment from the police in the north.'),
      sentence('A witness said every scene of the video with the homeless man was staged by the YouTuber.'),
      sentence('The YouTuber insists that none of the scenes were staged.'),
    ];
    const disputes = judgePair(report(ours), debunkOf(theirs)).filter((j) => j.detail.basis === 'debunk');
    // Only the witness's "staged" states the debunk: "prankster" and "fake ID" are the report's own words
    // ("pranks" is a form of "prankster"), "no immediate comment" says nothing, and the YouTuber's "none
    // of the scenes were staged" denies the debunk.
    expect(disputes.length).toBeGreaterThan(0);
    expect(disputes.every((j) => j.theirs === 4)).toBe(true);
    // A report that denies the word ("the video was not staged") does not make it the story's own.
    const denying = [...ours, sentence('The YouTuber insists the video of the homeless man was not staged.')];
    expect(
      judgePair(report(denying), debunkOf(theirs))
        .filter((j) => j.detail.basis === 'debunk')
        .every((j) => j.theirs === 4),
    ).toBe(true);
    // When the report calls it staged itself, the debunk's "staged" is no statement of its own either,
    // and its lead speaks for it.
    const staged = [
      ...ours,
      sentence('The YouTuber said some scenes of the video were staged for the camera.'),
    ];
    expect(
      judgePair(report(staged), debunkOf(theirs)).some((j) => j.detail.basis === 'debunk' && j.theirs === 4),
    ).toBe(false);
  });

  it('lets a debunk dispute no line of a few words ("Watch the filming here.") in an article', () => {
    const ours = [
      sentence('A homeless man spent the $100 a YouTuber gave him on food for other homeless people.'),
      sentence('Watch the filming here.'),
      sentence('The clip has been shared by celebrities and charities across the country.'),
    ];
    const theirs = [
      sentence('A witness who saw the filming says every part of the video was staged.'),
      sentence('The filming took place in a park in Los Angeles on a Sunday.'),
      sentence('The witness said the crew rehearsed each scene several times.'),
    ];
    const debunk = debunkOf(theirs);
    expect(judgePair(report(ours), debunk).filter((j) => j.detail.stance === 'disputes')).toEqual([]);
    expect(judgePair(debunk, report(ours)).filter((j) => j.detail.stance === 'disputes')).toEqual([]);
    // A lone statement is what its article says, however short.
    expect(
      judgePair(report([sentence('Homeless man filmed.')]), debunk).some((j) => j.detail.basis === 'debunk'),
    ).toBe(true);
  });

  it('takes no line that names a denial as the time of something else for a statement of the debunk', () => {
    const ours = [
      sentence('Brightbasket will stop accepting cash at all of its stores from 1 June, a notice says.'),
      sentence('Brightbasket has around 31,000 staff nationwide.'),
      sentence('Shoppers said they were worried about paying for groceries without cash.'),
    ];
    const theirs = [
      sentence('Brightbasket has no plans to stop taking cash, the supermarket chain said on Thursday.'),
      sentence(
        'A petition calling on Brightbasket to keep cash had gathered 31,000 signatures by Thursday morning, before the denial was issued.',
      ),
      sentence('The chain said the notice circulating online was not one of its documents.'),
    ];
    const disputed = judgePair(report(ours), debunkOf(theirs))
      .filter((j) => j.detail.stance === 'disputes')
      .map((j) => [j.ours, j.theirs]);
    expect(disputed).not.toContainEqual([1, 1]);
  });

  it('lets a headline’s plain negation deny only when the debunk model does not read it as a report', () => {
    const ours = [sentence('Batmobile stolen from the film set in Detroit')];
    const denial = [sentence('The Batmobile was not stolen from the film set in Detroit')];
    for (const side of ['debunk', 'unsure'] as const)
      expect(judgePair(report(ours), { sentences: denial, side }).map((j) => j.detail)).toContainEqual(
        expect.objectContaining({ stance: 'disputes', basis: 'denial' }),
      );
    // A headline that negates a detail of the story ("did not know she was pregnant") denies nothing,
    // whatever side it takes: it negates her knowing, which our claim does not assert.
    const nun = [sentence('Nun gives birth to a baby boy after complaining of stomach pains')];
    const detail = [sentence('Nun who did not know she was pregnant gives birth to a baby boy')];
    for (const side of ['report', 'unsure'] as const)
      expect(
        judgePair(report(nun), { sentences: detail, side }).some((j) => j.detail.stance === 'disputes'),
      ).toBe(false);
    // "Had no idea" negates the idea, not the birth: no denial whatever side the headline takes.
    const idea = [sentence('Nun who had no idea she was pregnant gives birth to a baby boy')];
    expect(
      judgePair(report(nun), { sentences: idea, side: 'unsure' }).some((j) => j.detail.stance === 'disputes'),
    ).toBe(false);
  });

  it('reads a headline that questions the story as taking no side, not as a report a debunk disputes', () => {
    const debunk = debunkOf([sentence('Scientists say the Nicaragua meteorite crater story is a hoax')]);
    const unsure = (text: string) => ({ sentences: [sentence(text)], side: 'unsure' as const });
    const disputed = (text: string) =>
      judgePair(unsure(text), debunk).some((j) => j.detail.stance === 'disputes');
    expect(disputed('A meteorite made the crater in Nicaragua, scientists say')).toBe(true);
    expect(disputed('NASA questions whether the crater in Nicaragua was made by a meteorite')).toBe(false);
    expect(disputed('If only a meteorite really had made the crater in Nicaragua')).toBe(false);
  });

  it('makes a dispute mutual: a headline that denies ours is not confirmed by ours in return', () => {
    const ours = report([sentence('Christian Bale to play Steve Jobs in Danny Boyle biopic')]);
    const theirs = {
      sentences: [sentence("Christian Bale won't play Steve Jobs after all")],
      side: 'unsure' as const,
    };
    // Each way alone: their negation denies ours, while ours, a report, would confirm theirs.
    expect(judgePair(ours, theirs).map((j) => j.detail.stance)).toEqual(['disputes']);
    expect(judgePair(theirs, ours).map((j) => j.detail.stance)).toEqual(['confirms']);
    const { ab, ba } = judgeBoth(ours, theirs);
    expect(ab.map((j) => j.detail.stance)).toEqual(['disputes']);
    expect(ba.map((j) => [j.ours, j.theirs, j.detail.stance, j.detail.basis])).toEqual([
      [0, 0, 'disputes', 'denial'],
    ]);
  });

  it('reads a withdrawal from what a story said would be done as disputing it, whatever side the model reads', () => {
    const ours = report([sentence('Christian Bale to play Steve Jobs in an upcoming bio flick')]);
    const disputes = (text: string, other: ArticleReading = ours) =>
      judgePair(other, report([sentence(text)])).some((j) => j.detail.stance === 'disputes');
    // The debunk model reads these headlines as reports: they state news, with no refuting word.
    expect(disputes('Christian Bale Drops Out of Steve Jobs Biopic')).toBe(true);
    expect(disputes('Who Should Play Steve Jobs Now That Christian Bale Quit?')).toBe(true);
    expect(disputes('Christian Bale Pulls Out of Upcoming Steve Jobs Biopic')).toBe(true);
    // Two reports of leaving agree, in whatever words; a withdrawal of someone else's is no reversal.
    const left = report([sentence('Journalist Matt Taibbi has left First Look Media')]);
    expect(disputes("Matt Taibbi Quits Omidyar's First Look Media", left)).toBe(false);
    expect(disputes('Michael Fassbender drops out of the Steve Jobs biopic')).toBe(false);
    // A withdrawal is a debunk's news, not a report of the story: a debunk does not dispute it.
    const debunk = debunkOf([sentence("Christian Bale won't play Steve Jobs")]);
    expect(disputes('Christian Bale Bails on Steve Jobs Biopic', debunk)).toBe(false);
    // Pulling out hair withdraws from nothing.
    const hair = report([sentence('The iPhone 6 rips out beard hair when users make calls')]);
    expect(disputes('iPhone 6 users say the phone pulls out their beard hair', hair)).toBe(false);
  });

  // Sentences read as the pipeline reads them (a denial in an article needs its speaker named), in
  // articles rather than lone headlines: two sentences of filler make each an article.
  const read = (text: string) => analyzeSentences([{ kind: 'paragraph', text }])[0];
  const filler = [
    read('The ministry published a statement on its website on Friday morning.'),
    read('Officials met in the capital to discuss the matter for several hours.'),
  ];
  const article = (texts: string[], claims?: number[]) => ({
    ...report([...texts.map(read), ...filler]),
    ...(claims ? { claims: new Set(claims) } : {}),
  });
  /** The conflict their one-sentence article gives against our one sentence, if its first link has one. */
  const conflictOf = (ours: string, theirs: string) =>
    judgePair(article([ours]), article([theirs])).find((j) => j.ours === 0)?.detail.numberConflict;
  /** Whether their one-sentence article disputes our one sentence. */
  const disputedBy = (ours: string, theirs: string) =>
    judgePair(article([ours]), article([theirs])).some((j) => j.ours === 0 && j.detail.stance === 'disputes');
  /** Which of our sentences their one statement leaves in doubt. */
  const doubtedBy = (theirs: string, ours: ReturnType<typeof article>) =>
    judgePair(ours, article([theirs]))
      .filter((j) => j.detail.stance === 'unclear')
      .map((j) => j.ours);
  const RYDER =
    'Pentagon spokesperson Pat Ryder said on Oct. 17 that he "can\'t confirm whether there are North Korean forces that have gone to Russia."';
  const WEATHER = 'The weather in Seoul was mild on Thursday, with light winds from the east.';

  it('lets a named source’s negation of a whole statement in an article deny another outlet’s claim, not an aside or a restatement', () => {
    const ours = report([
      read(
        'He said that close to 11,000 North Korean troops are in Russia and will be ready to fight in Ukraine by Nov. 1.',
      ),
      ...filler,
    ]);
    const denies = (text: string, other = ours) =>
      judgePair(other, report([read(text), ...filler])).some(
        (j) => j.ours === 0 && j.detail.stance === 'disputes' && j.detail.basis === 'denial',
      );
    expect(
      denies(
        'Zelenskyy, however, believed Thursday that the North Korean soldiers had not yet been moved to Russia or Ukraine.',
      ),
    ).toBe(true);
    // An aside negates too little to deny a statement.
    const roche = report([
      read('A colleague called him out, and the competitive Roche refused to walk away.'),
      ...filler,
    ]);
    expect(denies("Roche said he's a competitive guy and couldn't walk away.", roche)).toBe(false);
    // A sentence that restates our claim negates something it adds.
    const meteorite = report([
      read(
        'All the evidence that we have confirmed on-site corresponds exactly with a meteorite, Jose Millan said.',
      ),
      ...filler,
    ]);
    expect(
      denies(
        'All the evidence that we have confirmed at the site corresponds exactly with a meteorite and not with any other type of event, scientist Jose Millan said.',
        meteorite,
      ),
    ).toBe(false);
    // Nor is "no doubt" a negation.
    expect(
      denies(
        'His friends told the Washington Post they had no doubt that close to 11,000 North Korean troops are in Russia.',
      ),
    ).toBe(false);
  });

  it('confirms a claim by its telling figure stated for the same thing, however the rest is worded', () => {
    const verdicts = (ours: string, theirs: string) =>
      judgePair(article([ours]), article([theirs]))
        .filter((j) => j.ours === 0 && j.theirs === 0)
        .map((j) => [j.detail.stance, j.detail.basis]);
    expect(
      verdicts(
        'Shares of Kestrel Systems fell 6.2% to $41.18 in early trading after the breach was disclosed.',
        'Kestrel’s shares tanked 6 per cent on the news.',
      ),
    ).toEqual([['confirms', 'numbers']]);
    expect(
      verdicts(
        'Total revenue came in at $4.2 billion, up 12 percent.',
        "Revenue rose 12% to $4.21 billion in the quarter ended Sept. 30, beating analysts' average estimate of $4.05 billion.",
      ),
    ).toEqual([['confirms', 'numbers']]);
    // Two lower bounds of one toll neither exclude nor state each other; a span is a detail of how.
    expect(
      verdicts(
        'At least 31 people were killed in the strike, officials said.',
        'The strike killed at least 43 people, according to officials.',
      ).filter(([, basis]) => basis === 'numbers'),
    ).toEqual([]);
    expect(
      verdicts(
        'The absolute risk reduction was 3.6 percentage points over a median 26 months.',
        'After a median follow-up of 26 months, 16.2% of patients taking the drug had died.',
      ).filter(([, basis]) => basis === 'numbers'),
    ).toEqual([]);
    // Nor does a sentence that cannot confirm the figure, or refutes it, state it.
    expect(
      verdicts(
        'Ferrante will earn £180,000 a week at his new club.',
        'British media reported that Ferrante would earn £180,000 a week, a figure the agency could not independently confirm.',
      ).filter(([, basis]) => basis === 'numbers'),
    ).toEqual([]);
  });

  it('reads where a change started on either side as no rival of the figure it reached', () => {
    const ours = article([
      'The Greens rose to seven seats from five at the last election, the commission said.',
    ]);
    const theirs = article(['The commission said the Greens now hold seven seats, up from four in 2019.']);
    expect(judgePair(ours, theirs).find((j) => j.ours === 0)?.detail.stance).toBe('confirms');
  });

  it('counts what was done to a figure past "a net" or "a total of" before it', () => {
    expect(
      disputedBy(
        'Employers added a net 48,000 jobs during the month.',
        'The economy added 84,000 jobs in October, the bureau said.',
      ),
    ).toBe(true);
    expect(
      disputedBy(
        'Employers added a net 48,000 jobs during the month.',
        'The economy lost 84,000 jobs in October, the bureau said.',
      ),
    ).toBe(false);
  });

  it('reads what one speaker said past their name, not without the words their name shares with it', () => {
    const ours = article([
      'The Sayed Civilian Monitor, a London-based group that documents casualties in the conflict, said at least 38 of the dead were civilians, including women who had been selling vegetables.',
    ]);
    const theirs = article(['But the Sayed Civilian Monitor said 38 of those killed were civilians.']);
    expect(judgePair(ours, theirs).find((j) => j.ours === 0)?.detail).toMatchObject({
      stance: 'confirms',
      basis: 'same-fact',
    });
  });

  it('reads a figure told again in another unit as the figure, not a rival of theirs', () => {
    const ours = article([
      'The highest gust, 158 km/h (98 mph), was recorded at Carrick Point, Met Éireann said.',
    ]);
    const theirs = article([
      'Belmullet recorded a gust of 141 km/h, while gusts of 158 km/h were measured at Carrick Point, according to Met Éireann.',
    ]);
    expect(judgePair(ours, theirs).find((j) => j.ours === 0)?.detail).toMatchObject({
      stance: 'confirms',
      basis: 'same-fact',
    });
  });

  it('sets no figure against another of a part, a forecast or another period of the same thing', () => {
    const disputed = (ours: string, theirs: string) =>
      judgePair(article([ours]), article([theirs])).some(
        (j) => j.ours === 0 && j.detail.stance === 'disputes' && j.detail.basis === 'numbers',
      );
    // A part of the dead is no count of them.
    expect(
      disputed(
        'At least 31 people have been killed in the strike, the health ministry said.',
        'Seventeen children were among the dead, according to the health ministry.',
      ),
    ).toBe(false);
    // Nor is a forecast what came.
    expect(
      disputed(
        'The weather service had issued a red warning, forecasting gusts of up to 130 km/h.',
        'The weather service said gusts reached 158 km/h at the point, the strongest of the storm.',
      ),
    ).toBe(false);
    // Nor is a statistic of one period that of another; of one period, it is.
    expect(
      disputed(
        'Official figures showed house prices rose 2.8% in the year to August.',
        'House prices rose 3.4% in the year to October, the building society said.',
      ),
    ).toBe(false);
    expect(
      disputed(
        'Official figures showed house prices rose 2.8% in the year to October.',
        'House prices rose 3.4% in the year to October, the building society said.',
      ),
    ).toBe(true);
  });

  it('disputes a day of every week, and the one day of a kind of sentences that name several', () => {
    expect(
      conflictOf(
        'Branch libraries will close on Sundays starting in July, the council said.',
        'Neighborhood branch libraries will be closed on Mondays beginning in July, the council said.',
      ),
    ).toEqual({ ours: 'Sundays', theirs: 'Mondays' });
    expect(
      conflictOf(
        'Workers were told at a meeting on Monday afternoon that the plant would shut by June 2026.',
        'Staff were told of the decision at a meeting on Tuesday morning, with production due to wind down by the end of March 2026.',
      ),
    ).toEqual({ ours: 'Monday', theirs: 'Tuesday' });
  });

  it('holds no count told as it stood at an hour of the day against a larger one, nor a plan against what was done', () => {
    expect(
      disputedBy(
        'By 6pm, police said 17 people had been arrested after clashes near the National Assembly.',
        'Police said on Sunday that 23 people had been arrested after clashes near the National Assembly.',
      ),
    ).toBe(false);
    // A count told as it ended, or a larger one at an hour, still disputes.
    expect(
      disputedBy(
        'Police said 17 people had been arrested after clashes near the National Assembly.',
        'Police said on Sunday that 23 people had been arrested after clashes near the National Assembly.',
      ),
    ).toBe(true);
    expect(
      disputedBy(
        'By 6pm, police said 31 people had been arrested after clashes near the National Assembly.',
        'Police said on Sunday that 23 people had been arrested after clashes near the National Assembly.',
      ),
    ).toBe(true);
    expect(
      disputedBy(
        'Aurelia said it expected to cancel around 300 flights on Wednesday as the strike went on.',
        'By midday, the airline had cancelled 380 flights as the strike went on, according to its website.',
      ),
    ).toBe(false);
  });

  it('disputes two margins or two terms of one holder however worded, and counts "others" and "taken to hospital" as the hurt', () => {
    const conflict = (ours: string, theirs: string) =>
      judgePair(article([ours]), article([theirs])).find(
        (j) => j.ours === 0 && j.detail.stance === 'disputes',
      )?.detail.numberConflict;
    expect(
      conflict(
        'Labour’s Grace Okafor won the Hallbrook West by-election by just 91 votes, the returning officer said.',
        'The Alliance lost one of its safest seats by a wafer-thin 19 votes after a recount.',
      ),
    ).toEqual({ ours: '91', theirs: '19' });
    // An earlier contest's margin, ten times and more apart, is another contest's.
    expect(
      conflict(
        'Okafor won the seat by 19 votes after a recount on Friday.',
        'Geoffrey Hart won it by 6,312 votes only two years ago.',
      ),
    ).toBeUndefined();
    expect(
      conflict(
        'Leskov was arrested 19 months ago and sentenced to 16 years on spying charges.',
        'Leskov was sentenced to 18 years in March after a closed trial.',
      ),
    ).toEqual({ ours: '16', theirs: '18' });
    // Another holder's term is another term.
    expect(
      conflict(
        'Leskov was arrested 19 months ago and sentenced to 16 years on spying charges.',
        'Dravonia freed seven people, including Estmark journalist Anna Leskov, while Estmark released five Dravonian citizens, among them Viktor Orlan, who was serving a 14-year sentence for espionage.',
      ),
    ).toBeUndefined();
    expect(
      conflict(
        'Two workers were killed and 14 others were taken to hospital, the fire service said.',
        'Twenty people were rushed to hospital after the explosion, the fire service said.',
      ),
    ).toEqual({ ours: '14', theirs: 'Twenty' });
  });

  it('confirms by the very sum of money of three significant digits, however each clause words it', () => {
    const stance = (ours: string, theirs: string) =>
      judgePair(article([ours]), article([theirs])).find((j) => j.ours === 0)?.detail;
    expect(
      stance(
        'Kingsford completed the signing of Mateo Ferraz for a British record fee of 112 million pounds on Tuesday.',
        'The £112m deal makes Ferraz the most expensive player in the history of the league.',
      ),
    ).toMatchObject({ stance: 'confirms', basis: 'numbers' });
    // A rounder sum recurs across the facts of one story.
    expect(
      stance(
        'The budget restores $1.5 million for the youth summer jobs program.',
        'The plan will spend $1.5 million on park maintenance across the city.',
      ),
    ).toBeUndefined();
  });

  it('leaves unclear what their article states and at once says it could not verify', () => {
    const stance = (ours: string, theirs: string[]) =>
      judgePair(article([ours]), article(theirs)).find((j) => j.ours === 0)?.detail.stance;
    expect(
      stance(
        "The national funeral directors' association said on Monday that more than 700 people had died.",
        [
          "The funeral directors' association has put the number of deaths at more than 700.",
          'TV5 was unable to independently verify that figure.',
        ],
      ),
    ).toBe('unclear');
    expect(
      stance('The health board said 35 new radiographers had been recruited.', [
        'The health board says 35 new radiographers have been recruited, but the Echo has been unable to verify that figure.',
      ]),
    ).toBe('unclear');
    expect(
      stance(
        'Staff had complained for weeks that fire alarms in the mixing hall were faulty, the union said.',
        [
          'The United Workers Union has claimed that fire alarms at the factory had not been working properly.',
          "Channel 7 has not been able to verify the union's claims about the alarms.",
        ],
      ),
    ).toBe('unclear');
    // A doubt of something else that follows leaves the confirmation standing.
    expect(
      stance('The health board said 35 new radiographers had been recruited.', [
        'The health board says 35 new radiographers have been recruited.',
        'The Echo could not confirm whether the new scanners had been delivered.',
      ]),
    ).toBe('confirms');
  });

  it('holds no figure of a place framed as a part against one of the whole country', () => {
    expect(
      disputedBy(
        'In Northmoor, the response rate was 96 per cent, the highest.',
        'The overall response rate was 94.1%.',
      ),
    ).toBe(false);
    expect(
      disputedBy(
        'The census response rate in the Tarrow region was 96 per cent.',
        'Nationally, the census response rate was 94.1%.',
      ),
    ).toBe(false);
    // A country named is as often the whole: "in the US" against "nationwide" may be one figure.
    expect(
      disputedBy(
        'The census response rate in Lorland was 96 per cent, officials said.',
        'Nationwide, the census response rate was 94.1%, officials said.',
      ),
    ).toBe(true);
  });

  it('holds no change over a span from a start against one over another span or the day', () => {
    expect(
      disputedBy(
        "Harwick's shares have gained 18 per cent this year, outperforming the sector.",
        'Harwick shares fell 3.2% after the offer was announced.',
      ),
    ).toBe(false);
    expect(
      disputedBy(
        'The crown had lost 25 percent of its value since Finance Minister Olek Varga took office.',
        'The crown has lost 18% of its value against the dollar since the start of the year.',
      ),
    ).toBe(false);
    // Over one span, they dispute.
    expect(
      disputedBy(
        'The crown had lost 25 percent of its value against the dollar since the start of the year.',
        'The crown has lost 18% of its value against the dollar since the start of the year.',
      ),
    ).toBe(true);
  });

  it('disputes another day or hour of one event in sentences worded too far apart to confirm each other', () => {
    expect(
      conflictOf(
        'Temperatures peaked at 46.2 degrees Celsius in the southern town of Almira on Thursday, July 17, a national record, the weather service said.',
        'Almira, in the far south, reached 46.2C on Wednesday, breaking the national record set in 2003.',
      ),
    ).toEqual({ ours: 'Thursday July 17', theirs: 'Wednesday' });
    expect(
      conflictOf(
        'The blaze at the Kessler Polymers plant was finally brought under control at around 11am, fire chiefs said.',
        'The fire at the Kessler Polymers plant, which was brought under control by 9 a.m., destroyed the main warehouse.',
      ),
    ).toEqual({ ours: '11am', theirs: '9 a.m.' });
  });

  it('reads "since March, when ..." as the day of what happened then, and "In February, 19 people" as a month', () => {
    expect(
      conflictOf(
        'It was the deadliest single attack in Sayed since March, when a strike on a bus station in Dar Issa killed 19 people.',
        'In February, 19 people died when a bus station in the town of Dar Issa was hit.',
      ),
    ).toEqual({ ours: 'March', theirs: 'February' });
  });

  it('disputes two tallies of a vote told by different verbs, and confirms nothing by a tally alone', () => {
    expect(
      conflictOf(
        'The budget passed 7-4, with Councilmembers Luis Reyes and Amara Fitch voting against.',
        'The council voted 8-3 late Monday to pass the $1.34 billion spending plan.',
      ),
    ).toEqual({ ours: '7-4', theirs: '8-3' });
    expect(
      conflictOf(
        'The Monetary Policy Committee voted 5-2 for the cut, the bank said.',
        'Its rate-setters voted six to one to lower the key rate, the bank said.',
      ),
    ).toEqual({ ours: '5-2', theirs: 'six to one' });
    expect(
      conflictOf(
        'The court ruled by a majority of five to two that the policy was unlawful.',
        'Judges ruled by four votes to three that the government had acted unlawfully.',
      ),
    ).toEqual({ ours: 'five to two', theirs: 'four votes to three' });
    // An earlier vote's tally is no rival of this one's.
    expect(
      conflictOf(
        'Keller has faced two confidence votes; he survived the first, in 2021, by 170 votes to 150.',
        'The motion was defeated by 163 votes to 158, with four abstentions, after a long debate.',
      ),
    ).toBeUndefined();
    // Two councils' 7-4 votes on their budgets: the tally is no telling figure of one fact.
    const basis = judgePair(
      article(['The budget passed 7-4, with Councilmembers Luis Reyes and Amara Fitch voting against.']),
      article([
        'Lakeport City Council voted 7-4 on Tuesday to adopt a $412 million budget that keeps the tax rate.',
      ]),
    ).find((j) => j.ours === 0)?.detail.basis;
    expect(basis).not.toBe('numbers');
  });

  it('reads an age by its decade as a range, and disputes an age outside it in a sentence of the same fact', () => {
    expect(
      conflictOf(
        'The 71-year-old was driving near Dunmore, Co Galway, when the tree came crashing down at around 6am.',
        'A man in his 60s died when a tree fell on his car near Dunmore, County Galway, shortly before 6 a.m.',
      ),
    ).toEqual({ ours: '71', theirs: 'in his 60s' });
    expect(
      conflictOf(
        'The 64-year-old was driving near Dunmore, Co Galway, when the tree came crashing down at around 6am.',
        'A man in his 60s died when a tree fell on his car near Dunmore, County Galway, shortly before 6 a.m.',
      ),
    ).toBeUndefined();
    // A range's two ends hold a figure between them only: "between 40 and 50" is no 74.
    expect(
      conflictOf(
        'Between 40 and 50 people were killed in the attack on the market, officials said.',
        'Officials said 74 people were killed in the attack on the market.',
      ),
    ).toEqual({ ours: '50', theirs: '74' });
    // Two people's ages in one sentence give no one age to set against another's.
    expect(
      conflictOf(
        'Corp. Nathan Cirillo, 24, was fatally shot by the assailant while he was standing guard at the memorial.',
        'It was chance that brought the two men together, when Michael Zehaf-Bibeau, 32, launched his attack as Corporal Nathan Cirillo, 25, stood guard at the memorial.',
      ),
    ).toBeUndefined();
  });

  it('confirms nothing by two bounds the same way well apart, which tell two counts', () => {
    const confirmed = (ours: string, theirs: string) =>
      judgePair(article([ours]), article([theirs])).some(
        (j) => j.ours === 0 && j.detail.stance === 'confirms',
      );
    expect(
      confirmed(
        'At least 31 people have been killed in the strike, the ministry said.',
        'The strike killed at least 43 people, according to the ministry.',
      ),
    ).toBe(false);
    expect(
      confirmed(
        'At least 42 people have been killed in the strike, the ministry said.',
        'The strike killed at least 43 people, according to the ministry.',
      ),
    ).toBe(true);
  });

  it('disputes a denial with the claim it denies, both ways, though read alone a denial asserts nothing to judge', () => {
    const claim = article(['Dervan’s main hospital collapsed in the earthquake, killing four patients.']);
    const denial = article(['The health ministry denied reports that Dervan’s main hospital had collapsed.']);
    const { ab, ba } = judgeBoth(claim, denial);
    const disputed = (js: typeof ab) =>
      js.filter((j) => j.detail.stance === 'disputes').map((j) => [j.ours, j.theirs]);
    expect(disputed(ab)).toEqual([[0, 0]]);
    expect(disputed(ba)).toEqual([[0, 0]]);
    // Read one way only, the denial gets nothing from the claim.
    expect(judgePair(denial, claim).filter((j) => j.ours === 0)).toEqual([]);
  });

  it('reads a claim that leans on the sentence before with it, for a named source’s negation as for a “cannot confirm”', () => {
    // "11,000 were already there" says where only through the sentence before it; it is the claim the
    // reader sees highlighted.
    const ours = article(
      [
        'North Korean soldiers are being sent to Russia, sparking fears they will fight in Ukraine.',
        'Kyrylo Budanov warned 11,000 were already there and will be combat ready by next month.',
      ],
      [1],
    );
    const judged = judgePair(
      ours,
      article([
        'Zelenskyy, however, believed Thursday that the North Korean soldiers had not yet been moved to Russia or Ukraine.',
      ]),
    );
    expect(
      judged.some((j) => j.ours === 1 && j.detail.stance === 'disputes' && j.detail.basis === 'denial'),
    ).toBe(true);
  });

  it('lets a “cannot confirm” doubt every claim that asserts what it doubts, the longer ones too', () => {
    const ours = article(
      [
        'A video shows North Korean troops who have arrived in Russia.',
        'Budanov said around 11,000 North Korean infantrymen are currently training in eastern Russia.',
        WEATHER,
      ],
      [0, 1, 2],
    );
    // Not the weather: it asserts nothing of the kind.
    expect(doubtedBy(RYDER, ours)).toEqual([0, 1]);
  });

  it('doubts a highlighted claim that goes on with a doubted claim’s subject', () => {
    const ours = article(
      [
        'Seoul said on Friday that at least 1,500 North Korean troops had already been shipped to Russia.',
        'The spy agency also noted that these soldiers were transported from Oct. 8-13 via seven Russian naval vessels and that they were issued fake identification documents to disguise them as Russian nationals from Siberian regions.',
        WEATHER,
      ],
      [0, 1, 2],
    );
    expect(doubtedBy(RYDER, ours)).toEqual([0, 1]);
  });

  it('lets a headline deny by a negation only of what the claim asserts', () => {
    const negates = (claim: string, theirs: string) =>
      negatesClaim(sentence(claim), sentence(theirs), { predicate: true });
    // Apple's happiness is negated, not the battery's day.
    expect(
      negates(
        'Apple Watch battery life is about a day',
        "Apple Isn't Happy With The Battery Life Of Its Watch",
      ),
    ).toBe(false);
    expect(
      negatesClaim(
        sentence('Apple Watch battery life is about a day'),
        sentence("Apple Isn't Happy With The Battery Life"),
      ),
    ).toBe(true);
    expect(
      negates('Batmobile stolen from the film set in Detroit', "Batmobile wasn't stolen, police say"),
    ).toBe(true);
    // Past a light verb to the predicate, and past "say" to what was said.
    expect(
      negates(
        'Kim Jong-un to open a restaurant in Scotland',
        'Kim Jong-un is not going to open a restaurant',
      ),
    ).toBe(true);
    expect(
      negates('Pope says dogs go to heaven', 'Pope Francis did NOT say our pets are going to heaven'),
    ).toBe(true);
  });

  it('reads "not the first time" as no negation: it happened before', () => {
    const claim = sentence(
      'A time capsule from 1795 was unearthed at the Massachusetts statehouse in Boston.',
    );
    const before = sentence('This is not the first time this time capsule was unearthed in Boston.');
    expect(negatesClaim(claim, before)).toBe(false);
    expect(negatesClaim(claim, sentence('The time capsule was not unearthed in Boston.'))).toBe(true);
    // So the two state the same fact.
    expect(stances([claim], [before])).toEqual([[0, 0, 'confirms', 'same-fact']]);
  });

  it('reads a negation by the concept it negates ("has not died" negates a death)', () => {
    expect(
      negatesClaim(
        sentence('Online rumours of the death of Axl Rose spread on Facebook.'),
        sentence('Axl Rose has not died in West Hollywood at the age of 52.'),
      ),
    ).toBe(true);
  });

  it('reads a headline\'s "Don\'t" as advice, not a denial', () => {
    const claim = sentence("Bug in iOS 8's Reset All Settings option also erases iCloud Drive documents");
    expect(
      negatesClaim(
        claim,
        sentence("Don't Reset All Settings in iOS 8 unless you want to lose your iCloud files"),
      ),
    ).toBe(false);
    expect(negatesClaim(claim, sentence('Do not reset all settings in iOS 8'))).toBe(false);
    expect(negatesClaim(claim, sentence('Resetting settings in iOS 8 does not erase iCloud documents'))).toBe(
      true,
    );
  });

  it('reads a determiner "no" as negating its noun only, and "not", "never", "no one" as negating what follows', () => {
    const claim = sentence("A Texas plumber's company truck ended up with ISIS militants in Syria.");
    expect(
      negatesClaim(claim, sentence('Texas plumber has no idea how company truck ended up with ISIS')),
    ).toBe(false);
    expect(
      negatesClaim(claim, sentence('The company truck did not end up with ISIS, the plumber says')),
    ).toBe(true);
    const streak = sentence('Residents reported a streak of light before the crater appeared.');
    expect(negatesClaim(streak, sentence('It was strange that no one reported a streak of light.'))).toBe(
      true,
    );
    expect(negatesClaim(streak, sentence('There was no streak of light, residents said.'))).toBe(true);
    // An adverb between the negation and what it negates is passed over.
    const moved = sentence(
      'North Korean personnel sent to support the operation of equipment are in Ukraine.',
    );
    expect(
      negatesClaim(moved, sentence('The North Korean soldiers had not yet been moved to Russia or Ukraine.')),
    ).toBe(true);
  });

  it('lets a denial speak between two articles the debunk model is unsure of, not between two that doubt', () => {
    // Hedged ("reportedly"), so the statement stays as unsure as the model is.
    const ours = [sentence('North Korean soldiers are reportedly in Russia ready to fight in Ukraine.')];
    const theirs = [
      sentence('Moscow dismissed claims that North Korean soldiers are in Russia ready to fight.'),
    ];
    const denies = (a: 'unsure' | 'debunk', b: 'unsure' | 'debunk') =>
      judgePair({ sentences: ours, side: a }, { sentences: theirs, side: b }).some(
        (j) => j.detail.stance === 'disputes',
      );
    expect(denies('unsure', 'unsure')).toBe(true);
    expect(denies('unsure', 'debunk')).toBe(false);
    expect(denies('debunk', 'unsure')).toBe(false);
  });

  it('lets a debunk that denies one thing of its story dispute only the sentences that assert that thing', () => {
    const analysed = (texts: string[]) =>
      texts.map((t) => analyzeSentences([{ kind: 'paragraph', text: t }])[0]);
    const debunk = {
      sentences: analysed([
        'Mill owner denies faulty wiring as inspectors visit burned Harwood warehouse',
        'The owner of the warehouse that burned down in Harwood on Sunday has denied that faulty wiring started the fire.',
        'Firefighters spent six hours bringing the blaze under control, the county fire service said.',
      ]),
      side: 'debunk' as const,
    };
    const ours = report(
      analysed([
        'A fire destroyed a three-storey warehouse in Harwood on Sunday, forcing 80 workers to leave the building.',
        'The warehouse, built in 1962, stored furniture and textiles for shops across the region.',
        'An electrician who worked at the site said the wiring had been faulty for months before the fire.',
        'The Harwood site was the second warehouse of the company to burn down since 2019.',
      ]),
    );
    const disputed = [
      ...new Set(
        judgePair(ours, debunk)
          .filter((j) => j.detail.stance === 'disputes')
          .map((j) => j.ours),
      ),
    ];
    // Only the electrician's account asserts what the owner denies; the fire itself is told alike.
    expect(disputed).toEqual([2]);
  });

  it('reads a headline the debunk model is unsure of as a report when it plainly asserts, so a debunk disputes it', () => {
    const debunk = {
      sentences: [sentence('Saudi TV did not blur out Michelle Obama, officials say')],
      side: 'debunk' as const,
    };
    const plain = [sentence("Michelle Obama's face blurred by Saudi state television")];
    const judged = judgePair({ sentences: plain, side: 'unsure' }, debunk).map((j) => j.detail.stance);
    expect(judged).toContain('disputes');
    expect(judged).not.toContain('confirms');
    // A question, a rumour or a hedge keeps the model's doubt: such a headline is as often a debunk.
    for (const text of [
      "Michelle Obama's face blurred by Saudi state television?",
      "Rumours that Michelle Obama's face was blurred by Saudi state television",
    ])
      expect(
        judgePair({ sentences: [sentence(text)], side: 'unsure' }, debunk).some(
          (j) => j.detail.stance === 'disputes',
        ),
      ).toBe(false);
  });

  it('judges two headlines at the story’s low bars only when they share their story themselves', () => {
    // Headlines are judged at a low bar because the story's own comparison of the two vouches for them;
    // when the story joined them only through other headlines, nothing does, and here they share a word,
    // not a fact.
    const ours = [sentence('Militants seized a weapons bundle dropped by US planes')];
    const theirs = [sentence('Video shows militants beheading an American journalist')];
    const verdicts = (side: 'report' | 'debunk', shared: boolean) =>
      judgePair(report(ours), { sentences: theirs, side }, { shared }).map((j) => j.detail.stance);
    expect(verdicts('report', true)).toEqual(['confirms']);
    expect(verdicts('debunk', true)).toEqual(['disputes']);
    expect(verdicts('report', false)).toEqual([]);
    expect(verdicts('debunk', false)).toEqual([]);
  });

  it('reads a figure of theirs that states one of our figures as that one, not as a rival of the other', () => {
    const ours = sentence(
      'The electoral commission said she had won 52 percent of the vote against 48 percent for President Tomas Ruel.',
    );
    const winner = (share: string) =>
      sentence(
        `Claire Moreau has been elected president, winning ${share} percent of the vote in the run-off.`,
      );
    // Their 52.3 is our 52, rounded: our 48 has no rival in their sentence.
    expect(numberConflict(ours, winner('52.3'))).toBeUndefined();
    // A share that states neither of ours still conflicts.
    expect(numberConflict(ours, winner('55'))).toMatchObject({ theirs: '55 percent' });
    // A figure that names nothing it counts states one of ours that names nothing either.
    const crash = sentence(
      'A jet carrying 86 people crash-landed at Meridia airport on Sunday, killing 14 people and injuring 31.',
    );
    expect(
      numberConflict(
        crash,
        sentence('Fourteen people died and 31 were injured when the jet overshot the runway.'),
      ),
    ).toBeUndefined();
    // The very same figure states ours whatever word follows it: their 300-member parliament is our 300
    // seats, no rival of the 151 a majority needs.
    const seats = 'The Liberal Union won 124 of the 300 seats, well short of the 151 needed for a majority.';
    expect(
      numberConflict(
        {
          ...sentence(seats),
          numbers: findNumbers(
            seats,
            parseText(seats).flatMap((x) => x.tokens),
          ),
        },
        sentence(
          'The Liberal Union emerged as the largest party with 124 seats in the 300-member parliament.',
        ),
      ),
    ).toBeUndefined();
  });

  it('reads a figure with no unit as the one of ours it states, not as a count of something else', () => {
    // Their bare "Seven" is our seven girls, not a count of the trip's five days.
    const ours = sentence('Seven girls fall pregnant after a five day school trip in Bosnia.');
    const theirs = sentence('Seven Bosnian Girls Fall Pregnant After School Trip, Parents Outraged');
    expect(numberConflict(ours, theirs)).toBeUndefined();
    // A bare figure that states none of ours still conflicts.
    expect(numberConflict(ours, sentence('Six Bosnian Girls Fall Pregnant After School Trip'))).toMatchObject(
      {
        theirs: 'Six',
      },
    );
  });

  it('reads two statements whose figures all differ as two facts, unless a day they share says one', () => {
    const read = (texts: string[]) => ({
      sentences: analyzeSentences(
        texts.map((text) => ({ kind: 'paragraph' as const, text })),
        '2024-10-21',
      ),
      side: 'report' as const,
    });
    const confirms = (a: string, b: string) =>
      judgeBoth(read([a]), read([b])).ab.some((j) => j.detail.stance === 'confirms');
    const whole =
      'Budanov believed more than 11,000 North Korean soldiers would be ready to fight by Nov. 1.';
    const part =
      'Budanov disclosed that an initial group of 2,600 North Korean soldiers is slated for deployment.';
    expect(figuresDiffer(read([whole]).sentences[0], read([part]).sentences[0])).toBe(true);
    expect(confirms(whole, part)).toBe(false);
    expect(
      confirms(
        whole,
        'Budanov said close to 11,000 North Korean soldiers would be ready to fight by Nov. 1.',
      ),
    ).toBe(true);
    // 1,500 troops and seven vessels differ, yet the shipping days they share make them one fact.
    const shipped =
      'The first 1,500 were shipped on Russian navy vessels to Vladivostok from October 8 to 13.';
    const moved =
      'These soldiers were transported from Oct. 8-13 via seven Russian naval vessels to Vladivostok.';
    expect(figuresDiffer(read([shipped]).sentences[0], read([moved]).sentences[0])).toBe(true);
    // Figures that both name nothing they count are not known to be of one kind.
    expect(
      figuresDiffer(read(['The final score was 3.']).sentences[0], read(['It ended 5.']).sentences[0]),
    ).toBe(false);
    expect(confirms(shipped, moved)).toBe(true);
    // An open bound is no statement of a figure of another order: "at least 23 people" killed and "200
    // soldiers" sent are two facts of one flood; 31 dead a day later still states at least 23.
    const toll =
      'Floods in the Brazilian state of Rio Grande do Sul have killed at least 23 people, state officials said.';
    const army =
      "Brazil's army will send 200 soldiers to the flooded state of Rio Grande do Sul, an army spokesman said.";
    expect(figuresDiffer(read([toll]).sentences[0], read([army]).sentences[0])).toBe(true);
    expect(confirms(toll, army)).toBe(false);
    const later =
      'Floods in the Brazilian state of Rio Grande do Sul have killed 31 people, state officials said.';
    expect(figuresDiffer(read([toll]).sentences[0], read([later]).sentences[0])).toBe(false);
    // One value, one side naming no unit, is the same figure.
    expect(
      figuresDiffer(
        read(['TBS speeds up Seinfeld a full 7.5 percent to add commercials.']).sentences[0],
        read(['TBS speeds up Seinfeld 7.5 to gain an extra 2 minutes of commercials.']).sentences[0],
      ),
    ).toBe(false);
  });

  it('reads two whole counts one apart as one count told two ways', () => {
    const ours = sentence('Verma was sacked after skipping work for 24 years, the ministry said.');
    expect(
      numberConflict(ours, sentence('Verma was sacked after skipping work for 25 years.')),
    ).toBeUndefined();
    expect(
      numberConflict(ours, sentence('Verma was sacked after skipping work for 22 years.')),
    ).toMatchObject({ theirs: '22' });
    // Small counts keep their difference: two dead are not three.
    expect(
      numberConflict(sentence('Two people died in the fire.'), sentence('Three people died in the fire.')),
    ).toMatchObject({ theirs: 'Three' });
  });

  it('reads a bound the same whichever words state it', () => {
    const theirs = sentence('60 soldiers were killed in the attack on Bakhmut, Ukrainian officials said.');
    for (const ours of ['No more than 50 soldiers were killed', 'At most 50 soldiers were killed']) {
      const claim = sentence(`${ours} in the attack on Bakhmut, Ukrainian officials said.`);
      expect(numberConflict(claim, theirs)).toMatchObject({ theirs: '60' });
      expect(judgePair(report([claim]), report([theirs]))[0]?.detail).toMatchObject({
        stance: 'disputes',
        basis: 'numbers',
      });
    }
  });

  it("sees two ages as one person's only when the two sentences say much the same of them", () => {
    const ours = sentence(
      'A 22-year-old man from Macedonia chopped off his own penis after his girlfriend ended their relationship.',
    );
    const numbers = (theirs: string) =>
      judgePair(report([ours]), report([sentence(theirs)])).filter((j) => j.detail.basis === 'numbers');
    expect(
      numbers(
        'Another 40-year-old man did the same a short while ago, but in his case it was not reattached.',
      ),
    ).toEqual([]);
    expect(
      numbers(
        'A 25-year-old man from Macedonia chopped off his own penis after his girlfriend ended their relationship.',
      )[0]?.detail.numberConflict,
    ).toEqual({ ours: '22', theirs: '25' });
    // One year apart is one age told on two days.
    expect(
      numbers(
        'A 23-year-old man from Macedonia chopped off his own penis after his girlfriend ended their relationship.',
      ),
    ).toEqual([]);
  });

  it('does not take a number that adds to a count ("two more days", "another 22 years") for the count', () => {
    // With the parser's tokens, as articles are read: they give "two more days" its unit.
    const parsed = (text: string) => ({
      ...sentence(text),
      numbers: findNumbers(
        text,
        parseText(text).flatMap((s) => s.tokens),
      ),
    });
    const ours = parsed('Roche spent three days in the hospital after drinking the mixture.');
    const numbers = (theirs: string) =>
      judgePair(report([ours]), report([parsed(theirs)])).filter((j) => j.detail.basis === 'numbers');
    expect(
      numbers('Roche spent a full day in the ICU and two more days in the hospital after drinking it.'),
    ).toEqual([]);
    expect(
      numbers('Roche spent four days in the hospital after drinking the mixture.')[0]?.detail,
    ).toMatchObject({
      numberConflict: { ours: 'three', theirs: 'four' },
    });
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
