/**
 * Who makes a claim. Fact-checkers check the claim *and* its source: "Budanov (Ukrainian military
 * intelligence) says ..." is a different thing to verify than the same words said by the outlet.
 */
import type { Attribution } from '../model/sentence.ts';
import { WEEKDAY_NAMES } from './dates.ts';
import { isOrganisationWord } from './entities.ts';
import { allMatches } from './matches.ts';
import type { Token } from './parse.ts';

/** Reporting verbs, in the forms that follow a subject. */
const VERBS = [
  'said',
  'says',
  'say',
  'told',
  'tells',
  'claimed',
  'claims',
  'claim',
  'stated',
  'states',
  'warned',
  'warns',
  'added',
  'adds',
  'noted',
  'notes',
  'disclosed',
  'indicated',
  'believed',
  'believes',
  'emphasized',
  'emphasised',
  'urged',
  'dismissed',
  'revealed',
  'estimated',
  'estimates',
  'announced',
  'announces',
  'confirmed',
  'confirms',
  'denied',
  'denies',
  'reported',
  'reports',
  'insisted',
  'insists',
  'argued',
  'argues',
  'alleged',
  'alleges',
  'commented',
  'explained',
  'wrote',
  'writes',
  'acknowledged',
  'admitted',
  'asserted',
  'suggested',
  'predicted',
  'testified',
  'tweeted',
  'accused',
  'described',
  'stressed',
  'reiterated',
  'concluded',
  'cautioned',
  'maintained',
  'contended',
  'rejected',
  'highlighted',
  'declared',
  'declined',
  'assured',
  'pointed out',
  'disputed',
  'boasted',
  'sobbed',
  'conceded',
  'concedes',
  'recalled',
  'recalls',
  'replied',
  'responded',
  'remarked',
  'joked',
  'pleaded',
  'lamented',
  'countered',
  'quipped',
  'recounted',
  'complained',
  // A tabloid's and a broadcaster's tellings of the same speech ("fumed watchdog chief Marguerite Olsson").
  'fumed',
  'vowed',
  'pledged',
  'promised',
  'hinted',
  'affirmed',
  'whispered',
  'shouted',
  'grumbled',
  'scoffed',
  'mused',
];
/** Forms that are often nouns ("these claims", "media reports"): accepted only when tagged or used as verbs. */
const AMBIGUOUS = new Set([
  'claims',
  'claim',
  'reports',
  'notes',
  'estimates',
  'states',
  'shows',
  'say',
  'reported',
]);
/** Titles and role nouns that belong to the role, not the name. */
const TITLES = new Set(
  (
    'president vice prime minister secretary general gen gen. rep rep. sen sen. senator representative gov gov. governor mayor ' +
    'chief head spokesperson spokesman spokeswoman director chairman chairwoman chair ambassador commander colonel col col. ' +
    'lt lt. sgt sgt. major adm adm. admiral judge justice king queen prince pope dr dr. prof prof. mr mr. mrs mrs. ms ms. ' +
    'leader official officer analyst expert ceo founder minister, deputy foreign defense defence interior state ' +
    'superintendent inspector commissioner chancellor prosecutor councillor councilor coordinator'
  ).split(' '),
);
/**
 * A wire dateline before the sentence ("ASHFORD, Oct 28 (Transworld Wire) - ", "BRENNPORT (Continental
 * Press) - "): where and by whom it was filed, no part of a speaker's name or role.
 */
export const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’-]+(?:,[^()\n]{1,40})?\s*\(([^)]{2,40})\)\s*[-–—]+\s*/u;

/** Who filed a story by its wire dateline ("Meridian Press" of "BRENNOCK, March 9 (Meridian Press) - "). */
export function datelineFiler(text: string): string | undefined {
  return DATELINE.exec(text)?.[1];
}

/** A text without its opening wire dateline. */
export function withoutDateline(text: string): string {
  return text.replace(DATELINE, '');
}

/** Nouns that make a title after "Chief" ("Chief Executive", "Chief Constable"), and a name on their own. */
const CHIEF_NOUNS = new Set(['executive', 'constable', 'economist', 'scientist', 'whip']);
/** Title words that modify a role noun and never stand right before a person's name. */
const ROLE_MODIFIERS = new Set([
  'foreign',
  'defense',
  'defence',
  'interior',
  'state',
  'deputy',
  'vice',
  'prime',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
const LEADING_JUNK = new RegExp(
  `^(?:[\\s"“”‘’'(–—-]|and\\b|but\\b|as\\b|while\\b|because\\b|although\\b|though\\b|since\\b|so\\b|however\\b|meanwhile\\b|now\\b|then\\b|also\\b|yet\\b|on\\s+(?:${WEEKDAY_NAMES})\\b|(?:last|this)\\s+(?:week|month|year|night|morning|weekend)\\b|yesterday\\b|today\\b|earlier\\b|later\\b)+`,
  'i',
);
const TRAILING_ADVERBS =
  /(?:\s+(?:also|has|have|had|was|is|then|later|earlier|previously|repeatedly|again|now|already|once|further|last (?:week|month|year)|this (?:week|month)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?!(?:family|assembly|ally|rally|daily|supply|monopoly)\b)\p{Ll}+ly))+$/u;

const MODALS =
  /(?:\s+(?:might|must|would|will|can|could|should|may|won[’']t|didn[’']t|doesn[’']t|don[’']t|just|still|once|never|always|often|[’']ve|[’']d|[’']ll))+$/i;

const VERB_RE = new RegExp(`\\b(${VERBS.map((v) => v.replace(' ', '\\s')).join('|')})\\b`, 'g');
/**
 * What a sentence needs for any of the patterns below to match: "according to" (any case), one of
 * the claim nouns, or a reporting verb. Blanking ", however," and the like never creates one (it only
 * turns punctuated words into spaces), so the original text can be tested. Sentences without any are
 * skipped, which is most of the sentences that have no source.
 */
const ATTRIBUTION_HINT = new RegExp(
  `[Aa][Cc][Cc][Oo][Rr][Dd][Ii][Nn][Gg] [Tt][Oo]|claims|assertions|statement|remarks|comments|report|found|finds|showed|show|suggest|${VERB_RE.source}`,
);

/**
 * Stand-ins for the comma of a thousands separator and the point of a decimal ("2,800", "3.5") while
 * the patterns below cut phrases at punctuation: a number is not a clause boundary. Private-use
 * characters, one for one, so offsets do not move; `unmaskNumbers` puts the originals back.
 */
const NUMBER_COMMA = '\uE000';
const NUMBER_POINT = '\uE001';
/** The same for the points of an initialism ("the U.S. Attorney's Office"): no sentence ends inside one. */
const INITIAL_POINT = '\uE002';

function maskNumbers(text: string): string {
  return text
    .replace(
      /(\d)([,.])(?=\d)/g,
      (_m, digit: string, mark: string) => digit + (mark === ',' ? NUMBER_COMMA : NUMBER_POINT),
    )
    .replace(/\b(?:\p{Lu}\.){2,}(?=\s+\p{Lu})/gu, (m) => m.replaceAll('.', INITIAL_POINT));
}

function unmaskNumbers(text: string): string {
  return text.replaceAll(NUMBER_COMMA, ',').replaceAll(NUMBER_POINT, '.').replaceAll(INITIAL_POINT, '.');
}

/**
 * The sentence's source, if it names or points to one. Pronoun sources ("he said") are returned as
 * the pronoun; the caller resolves them against earlier sentences of the same article.
 */
export function findAttribution(text: string, tokens: readonly Token[] = []): Attribution | null {
  if (!ATTRIBUTION_HINT.test(text)) return null;
  const found = attributionIn(maskNumbers(text), tokens);
  if (!found) return null;
  const { source, role, verb } = found;
  return role === undefined
    ? { source: unmaskNumbers(source), verb }
    : { source: unmaskNumbers(source), role: unmaskNumbers(role), verb };
}

function attributionIn(masked: string, tokens: readonly Token[]): Attribution | null {
  const clean = masked
    .replace(/,\s*(?:however|though|too|in turn|meanwhile)\s*,/gi, (m) => ' '.repeat(m.length))
    .replace(DATELINE, (m) => ' '.repeat(m.length));
  const according = /\baccording to\s+((?:the\s+)?[^,.;:“”"]{2,80})/i.exec(clean);
  if (according) {
    const np = cutNp(according[1]);
    const after = according.index + according[0].length;
    const appositive = /^,\s*([a-z][^,.;]{2,80}),/.exec(clean.slice(after));
    // "According to Shaun Tandon, an AFP reporter, ...": a noun phrase. "According to reports, an iPhone
    // game designer decided he had had enough, ..." is the sentence's own clause, with a verb; "which
    // monitors the war" a relative clause.
    const role =
      appositive &&
      !/^(?:which|who|whose|that|where|when)\b/.test(appositive[1]) &&
      !hasVerb(tokens, after + appositive[0].indexOf(appositive[1]), appositive[1].length)
        ? appositive[1].trim()
        : undefined;
    const split = splitNameRole(np);
    if (split)
      return {
        ...split,
        ...(role && !split.role ? { role } : {}),
        verb: 'according to',
      };
  }
  const by =
    /\b(?:claims|assertions|statements?|remarks|comments|reports?)\s+(?:made\s+)?by\s+([^,.;:]{2,80})(?:,\s*([a-z][^,.;]{2,80}),)?/.exec(
      clean,
    );
  if (by) {
    // "a report by the Accountability Office found that ...": the finding's verb ends the name.
    const split = splitNameRole(cutNp(by[1]).replace(FINDING_VERB, ''));
    if (split) return { ...split, ...(by[2] && !split.role ? { role: by[2].trim() } : {}), verb: 'claimed' };
  }
  // "Data from the Bureau of Labor Statistics showed ...", "a survey by Gallup found ...": the body that
  // published the figures is the source, as with "a report by".
  const finding = EVIDENCE_FINDING.exec(clean);
  // Named, by whom ("from the Bureau", "by Gallup") or before the noun ("a Reuters/Ipsos poll"): "the
  // study found" names no one.
  const publisher =
    finding?.[2] ??
    (finding && /\p{Lu}/u.test(finding[1].replace(/\s*\S+$/, '').replace(/^(?:The|A|An)(?:\s+|$)/, ''))
      ? finding[1]
      : undefined);
  if (finding && publisher) {
    const split = splitNameRole(cutNp(publisher));
    if (split) return { ...split, verb: finding[3] };
  }
  for (const m of allMatches(VERB_RE, clean)) {
    // A reporting verb inside a quotation is the speaker's own words ("They told our reps ...," said X).
    if (insideQuote(clean, m.index, true)) continue;
    const verb = m[1].replace(/\s+/, ' ');
    if (AMBIGUOUS.has(verb.toLowerCase()) && !isVerb(tokens, m.index, clean, m.index + m[0].length)) continue;
    const subject = subjectBefore(clean, m.index, tokens);
    if (subject) return { ...subject, verb };
    // Inverted order after a quote: ..., said Foreign Minister Andrii Sybiha.
    if (/[,”"’]\s*$/.test(clean.slice(0, m.index))) {
      // The speaker closes the attribution (", said Sybiha.", "says KFC spokesperson William Rausch",
      // "said Dylan about the creature"); a name that goes on with a verb is the subject of what was
      // said ("His lawyer, Mark Feld, said Dalton would appeal").
      // After "told" comes the listener ("..., told CNN's Don Lemon"), never the speaker.
      const rest = /^tel|^told/i.test(verb) ? '' : clean.slice(m.index + m[0].length);
      const after = INVERTED_SPEAKER.exec(rest);
      const speaker = after?.[1].replace(/\.$/, '');
      if (
        after &&
        speaker &&
        /\p{Lu}[\p{L}’'-]*$/u.test(speaker) &&
        !/\b(?:that|if|who|which|whether|when|because|then)\b/.test(speaker) &&
        !lowercaseVerb(tokens, m.index + m[0].length + after[0].indexOf(after[1]), speaker.length, clean)
      ) {
        const split = splitNameRole(speaker);
        if (split) return { ...split, verb };
      }
      // The role first, the name in apposition: ..., said the city's technology director, Raj Patel.
      const roleFirst = ROLE_THEN_NAME.exec(clean.slice(m.index + m[0].length));
      if (roleFirst) return { source: roleFirst[2], role: roleFirst[1], verb };
      // A lowercase role right before the name: ..., said chief operating officer Marcus Pell.
      const roleBefore = LOWER_ROLE_THEN_NAME.exec(rest);
      const role = roleBefore?.[1].trim();
      if (
        roleBefore &&
        role &&
        isRoleNoun(role.split(/\s+/).at(-1) ?? '') &&
        !roleHasVerb(tokens, m.index + m[0].length + roleBefore[0].indexOf(roleBefore[1]), role, clean)
      )
        // "said zoo vet Dr Anneke Vos": a title before the name is no part of it.
        return {
          source: splitNameRole(roleBefore[2].replace(/\.$/, ''))?.source ?? roleBefore[2],
          role,
          verb,
        };
    }
  }
  return null;
}

/**
 * Whether a position of a text lies inside a quotation: an odd number of straight quote marks before it,
 * or more opening curly marks than closing ones. With `closed`, the quotation must also close after it (a
 * reporting verb there is the speaker's own words, '"They told our reps ...," said X'); without, a quote
 * left open runs to the end (a day in it is what its speaker said).
 */
export function insideQuote(text: string, at: number, closed = false): boolean {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1 && (!closed || after.includes('"'));
  const curly =
    (before.match(/[“‘]/g) ?? []).length > (before.match(/[”’](?!\w)/g) ?? []).length &&
    (!closed || /[”’](?!\w)/.test(after));
  return straight || curly;
}

/**
 * The speaker after an inverted verb, a capitalised phrase up to what closes it: the sentence's end, an
 * aside, or when, where and how ("in a statement", "on Monday", "by email", "about the creature", "hurriedly").
 */
const SPEAKER_END =
  /(?=\s*(?:[,;:!?)"”]|\.?\s*$)|\s+(?:in|on|at|of|from|for|during|after|before|when|while|as|told|to|who|according|about|by|last|this|late|earlier|adding)\b|\s+\p{Ll}+ly\b)/u
    .source;
const INVERTED_SPEAKER = new RegExp(
  `^\\s+(\\p{Lu}[\\p{L}’'&/-]*\\.?(?:\\s+[\\p{L}][\\p{L}’'&/-]*\\.?){0,8}?)${SPEAKER_END}`,
  'u',
);

/**
 * After an inverted verb, a lowercase role and then the name, up to what closes the speaker: "said chief
 * operating officer Marcus Pell", "says company spokesman Tom Reyes on Tuesday". The role's last word
 * must be one of `ROLE_NOUNS`, so that "said on Monday Pell" or "said prices Rose" name no one.
 */
const LOWER_ROLE_THEN_NAME = new RegExp(
  `^\\s+((?:\\p{Ll}[\\p{L}’'-]*\\s+){1,4})(\\p{Lu}[\\p{L}’'.-]*(?:\\s+\\p{Lu}[\\p{L}’'.-]*){0,3})${SPEAKER_END}`,
  'u',
);

/** Nouns that end a role named before a person's name: the titles and the jobs people speak for. */
const ROLE_NOUNS = new Set([
  ...TITLES,
  ...(
    'manager executive economist attorney lawyer coach captain professor researcher scientist engineer editor ' +
    'partner treasurer administrator sheriff trooper ranger adviser advisor consultant surgeon doctor nurse ' +
    'principal teacher pilot owner organiser organizer campaigner activist planner historian lieutenant sergeant ' +
    'constable detective investigator auditor meteorologist forecaster geologist seismologist epidemiologist ' +
    'virologist physician warden curator producer agent negotiator strategist diplomat envoy trustee ombudsman ' +
    'marshal spokesperson secretary witness statistician boss author ' +
    // People a story quotes for what they saw or live through ("said resident Lena Ortiz", "said head keeper
    // Tomas Ribeiro", "said zoo vet Dr Anneke Vos").
    'resident neighbour neighbor survivor eyewitness passenger driver worker volunteer firefighter paramedic ' +
    'farmer fisherman skipper keeper vet veterinarian student parent mum mother father dad shopper customer ' +
    'tenant homeowner landlord commuter athlete player guard technician trader broker banker accountant ' +
    'architect contractor caretaker headteacher lecturer relative friend colleague shopkeeper chef operator controller'
  ).split(' '),
]);

/** Whether a word ends a lowercase role before a name: a role noun, or one of a family ("mum-of-two"). */
function isRoleNoun(word: string): boolean {
  return ROLE_NOUNS.has(word.toLowerCase().replace(/-of-[\p{L}]+$/u, ''));
}

/** Words the tagger may read as verbs that qualify a role ("watch manager", "operating officer"). */
const ROLE_MODIFIER_VERB =
  /^(?:watch|head|lead|acting|managing|operating|presiding|supervising|commanding|consulting)$/i;

/**
 * Whether the tagger reads a lowercase verb in the span: a capitalised word it takes for a verb is part
 * of a name ("Tim Grant"), and a possessive's "'s" no verb ("CNN's Don Lemon").
 */
function lowercaseVerb(tokens: readonly Token[], at: number, length: number, text: string): boolean {
  return tokens.some((t) => {
    if (t.start < at || t.end > at + length || (t.pos !== 'VERB' && t.pos !== 'AUX')) return false;
    const word = text.slice(t.start, t.end);
    return !/^\p{Lu}/u.test(word) && !/^[’']s$/.test(word);
  });
}

/**
 * Whether a role read before a name holds a verb, and so is a clause ("said prices hit"): a participle
 * that qualifies the next word of the role ("chief operating officer") is none.
 */
function roleHasVerb(tokens: readonly Token[], at: number, role: string, text: string): boolean {
  const end = at + role.length;
  return tokens.some((t) => {
    if (t.start < at || t.end > end || (t.pos !== 'VERB' && t.pos !== 'AUX')) return false;
    const word = text.slice(t.start, t.end);
    return !((/ing$/.test(word) || ROLE_MODIFIER_VERB.test(word)) && t.end < end);
  });
}

/**
 * After an inverted verb: a role ("the city's technology director", "Woods' agent") and then the name,
 * closing the sentence or followed by where or when it was said (", in a statement").
 */
const ROLE_THEN_NAME =
  /^\s+((?:(?:the|a|an)\s+|[A-Z][\p{L}.-]*(?:['’]s?)\s+(?=[a-z]))[^,.;:“”"]{2,60}?),\s+((?:[A-Z][\p{L}.’'-]*\s+){0,3}[A-Z][\p{L}’'-]*)\s*(?:,\s+(?:in|on|at|during|after|before)\s+[^,.;:“”"]{2,40})?[.!]?\s*$/u;

/**
 * Figures, a survey or a study that found or showed something, with who published it when the sentence
 * says ("from", "by", "of"): "Figures from the Office for National Statistics show", "a Gallup poll found".
 * Only such nouns: "the video showed soldiers" and "police found a body" name no source of a finding.
 */
const EVIDENCE_FINDING =
  /\b((?:[A-Z][\p{L}/&.’'-]*\s+){0,4}(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ss]urvey|[Pp]oll|[Ss]tudy|[Rr]esearch|[Aa]nalysis|[Cc]ensus|[Aa]udit|[Rr]eview)(?:\s+(?:from|by|of|published by|conducted by|released by)\s+([^,.;:]{2,80}?))?)\s+(found|finds|showed|shows|show|suggests|suggested)\b/u;

/** A verb by which a report or a study tells its finding, and what follows it. */
const FINDING_VERB =
  /\s+(?:found|finds|showed|shows|concluded|concludes|estimated|estimates|suggested|suggests|revealed|reveals|warned|warns|said|says|noted|notes|stated|states)\b.*$/;

/** Whether the tagger reads a verb (or auxiliary) in the span of `length` characters from `at`. */
function hasVerb(tokens: readonly Token[], at: number, length: number): boolean {
  return tokens.some((t) => t.start >= at && t.end <= at + length && (t.pos === 'VERB' || t.pos === 'AUX'));
}

function isVerb(tokens: readonly Token[], at: number, text: string, end: number): boolean {
  const t = tokens.find((x) => x.start === at);
  if (t?.pos === 'VERB') return true;
  return /^\s+(?:that|the|a|an|to|it|they|he|she|\p{Lu})\b/u.test(text.slice(end, end + 12));
}

/**
 * A noun phrase ends before a clause or an aside: "media reports Sunday quoting an official" -> "media
 * reports"; "the annual report (and employs about 2,800)" -> "the annual report".
 */
function cutNp(s: string): string {
  return s
    .replace(/\s*\(.*$/, '')
    .replace(
      /\s+(?:that|who|which|on|in|at|during|quoting|as|and said|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$/,
      '',
    )
    .replace(/[\s"”’]+$/, '')
    .trim();
}

function subjectBefore(
  text: string,
  verbAt: number,
  tokens: readonly Token[],
): Omit<Attribution, 'verb'> | null {
  const before = text.slice(0, verbAt);
  // "want to say", "let me say", "I've said": the speaker talking about their own words is not a source.
  if (/\bto\s+$/i.test(before)) return null;
  const boundary = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.lastIndexOf('“'),
    before.lastIndexOf('”'),
    before.lastIndexOf('"'),
    before.lastIndexOf(' – '),
    before.lastIndexOf(' — '),
    lastMatch(before, CLAUSE_WORD),
  );
  const raw = before.slice(boundary + 1).trim();
  // Passive voice ("North Korea is accused") names the accused, not the accuser.
  if (/\b(?:is|are|was|were|been|be|being)$/i.test(raw)) return null;
  const np = raw.replace(TRAILING_ADVERBS, '').replace(MODALS, '').replace(LEADING_JUNK, '').trim();
  // The speaker themself (case matters: "US Secretary of Defense" is not "us").
  const firstPerson =
    /\bI\b|\bI[’']\w+|\b(?:me|my|you|your|we|our|us)\b/.test(np) ||
    /^(?:We|Our|You|Your|My|Me|Us)\b/.test(np);
  if (firstPerson && !/^(?:we)$/i.test(np)) return null;
  if (/\b(?:and|or|but|to)$/i.test(np)) return null;
  if (np && tokens.length) {
    const npStart = before.lastIndexOf(np);
    // A verb inside the phrase makes it a clause ("officials investigating the case"); a capitalised
    // word the tagger reads as a verb is part of a name ("the Red Cross"), and one that qualifies the next
    // word of a role no verb ("Chief operating officer Tomas Brandt").
    if (
      tokens.some(
        (t) =>
          t.start >= npStart &&
          t.end <= npStart + np.length &&
          (t.pos === 'VERB' || t.pos === 'AUX') &&
          !(t.start > npStart && /^\p{Lu}/u.test(before.slice(t.start, t.end))) &&
          !(
            t.start > npStart &&
            ROLE_MODIFIER_VERB.test(before.slice(t.start, t.end)) &&
            /^\s+\p{Ll}/u.test(before.slice(t.end, npStart + np.length))
          ),
      )
    )
      return null;
  }
  if (!np) {
    // Appositive: "Kyrylo Budanov, head of Ukrainian military intelligence, said"; the name may hold
    // lowercase joining words ("the Syrian Observatory for Human Rights, a Britain-based war monitor,").
    const m =
      /([A-Z][\p{L}.’'-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\p{L}.’'-]*){0,6}),\s*((?:[A-Z][\p{L}.-]*(?:\s+[A-Z][\p{L}.-]*){0,3}[’']s\s+)?[a-z][^,]{2,80}),\s*(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(
        before,
      );
    if (m) {
      const split = splitNameRole(m[1]);
      if (split) return { source: split.source, role: m[2].trim() };
    }
    // An age between commas: "Mr. Johnson, 54, said".
    const aged =
      /([A-Z][\p{L}.’'-]*(?:\s+[A-Z][\p{L}.’'-]*){0,3}),\s*\d{1,3},\s*(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(
        before,
      );
    if (aged) return splitNameRole(aged[1]);
    // The role first: "The head of the World Health Organization, Tedros Adhanom Ghebreyesus, said".
    const r =
      /(?:^|[.;:]\s+|[,.?!]["”’']\s+)((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\p{L}.-]*(?:\s+[A-Z][\p{L}.-]*){0,3}[’']s)\s+[a-z][^,]{2,80}),\s*([A-Z][\p{L}.’'-]*(?:\s+[A-Z][\p{L}.’'-]*){1,3}),\s*(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(
        before,
      );
    // A role has no verb: "Badeh's announcement came after a senior aide to President Goodluck Jonathan,
    // Hassan Tukur," is a clause before the name.
    if (r && !hasVerb(tokens, r.index + r[0].indexOf(r[1]), r[1].length))
      return { source: r[2], role: r[1].replace(/^(?:the|a|an)\s+/i, '').trim() };
    return null;
  }
  const words = np.split(/\s+/);
  if (words.length > 12) return null;
  if (
    words.length === 1 &&
    /^(?:more|most|some|many|few|other|such|all|this|these|it|that|there|everybody|everyone|nobody|someone|somebody|people|one)$/i.test(
      np,
    )
  )
    return null;
  if (words.length === 1 && PRONOUNS.has(np.toLowerCase())) return { source: np };
  if (/^(?:it|this|that|these|those|there|which|what|who)$/i.test(words[0]) && words.length === 1)
    return null;
  // A bare lowercase noun phrase must be a plausible speaker ("a spokesperson for the agency", "officials").
  if (!/\p{Lu}/u.test(np)) {
    if (
      !/\b(?:spokes\w*|officials?|authorities|police|analysts?|experts?|sources?|agency|ministry|government|military|center|centre|office|army|residents|witnesses|researchers|scientists|study|report|statement)\b/i.test(
        np,
      )
    )
      return null;
    return { source: np.replace(/^(?:the|a|an)\s+/i, '') };
  }
  return splitNameRole(np);
}

/** Words that open a clause: the subject of a reporting verb never reaches back past one. */
const CLAUSE_WORD = /\b(?:that|which|who|whom|what|because|if|when|while|where)\s/g;

function lastMatch(s: string, re: RegExp): number {
  let last = -1;
  for (const m of allMatches(re, s)) last = m.index + m[0].length - 2;
  return last;
}

/**
 * "Ukraine's military intelligence chief Kyrylo Budanov" -> source "Kyrylo Budanov", role "Ukraine's
 * military intelligence chief". Organisation names ("the National Intelligence Service") stay whole.
 */
export function splitNameRole(np: string): Omit<Attribution, 'verb'> | null {
  // "Chief Inspector Marta Kell of the Brevik regional police": a person named in full, then the body they
  // serve. The body is part of their role, not of their name.
  const body = PERSON_OF_BODY.exec(np);
  if (body) {
    const person = splitNameRole(body[1]);
    const name = person?.source.split(/\s+/) ?? [];
    if (
      person &&
      name.length >= 2 &&
      name.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !isOrganisationWord(w)) &&
      (person.role || name.length <= 3)
    ) {
      // An honorific is no role of its own ("Dr. Leona Farris of the National Medicines Agency").
      const role = person.role && !HONORIFIC.test(person.role) ? `${person.role} ` : '';
      return { source: person.source, role: `${role}of ${body[2]}` };
    }
  }
  const words = np
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return null;
  let i = words.length;
  // "Chief Executive Marta Lindqvist": a chief's noun is a title too ("the Executive Committee" is a name).
  const title = (k: number) =>
    TITLES.has(words[k].toLowerCase()) ||
    (k > 0 && words[k - 1].toLowerCase() === 'chief' && CHIEF_NOUNS.has(words[k].toLowerCase()));
  while (i > 0 && /^\p{Lu}/u.test(words[i - 1]) && !title(i - 1)) i--;
  const name = words.slice(i);
  const rest = words.slice(0, i);
  if (!name.length) return { source: words.join(' ').replace(/[’']s$/, '') };
  const prev = rest[rest.length - 1]?.toLowerCase();
  // "authorities of Seoul and Kyiv", "the Commission on Human Rights": the capitalised tail is not the
  // speaker's name. Nor after a title word that only ever modifies a role noun ("Foreign Minister X"):
  // "the Ministry of Foreign Affairs", "the State Department" are names of their own.
  if (prev && (/^(?:of|on|and|for|in|at|from|the|to|with|by|&)$/.test(prev) || ROLE_MODIFIERS.has(prev)))
    return { source: words.join(' ').replace(/[’']s$/, '') };
  const source = name.join(' ').replace(/[’']s$/, '');
  const role = rest
    .join(' ')
    .replace(/[\s,]+$/, '')
    .trim();
  return role ? { source, role } : { source };
}

/** A title that only addresses a person: "Dr.", "Mrs", "Prof.". */
const HONORIFIC = /^(?:dr|mr|mrs|ms|miss|prof|professor)\.?$/i;

/** A name, then "of" and the body it serves, lowercase words among the body's ("of the Brevik regional police"). */
const PERSON_OF_BODY = /^(.+?\p{Lu}\p{Ll}+)\s+of\s+((?:the\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,6})$/u;

/** Words that do not identify a source: titles, articles, generic nouns. */
const GENERIC = new Set(
  'the a an mr mrs ms dr president minister spokesperson spokesman spokeswoman chief head official officials secretary general'.split(
    ' ',
  ),
);

/**
 * Whether two speakers' names are one name (`originKey`), spelled alike or one letter apart: outlets spell
 * a surname two ways ("Oberholtzer", "Olberholtzer"), and a quote given to both is not given to two people.
 */
export function sameOrigin(a: string, b: string): boolean {
  const x = originKey(a);
  const y = originKey(b);
  return x === y || (Math.min(x.length, y.length) >= 5 && oneEditApart(x, y));
}

/** Whether two words differ by one inserted, deleted or replaced letter. */
function oneEditApart(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (a: number, b: number) => x.slice(a) === y.slice(b);
  return rest(i + 1, i + 1) || rest(i + 1, i) || rest(i, i + 1);
}

/**
 * A key under which two attributions name the same source: the last distinctive word of the name
 * ("Kyrylo Budanov" and "Budanov" meet; "the Pentagon" and "Pentagon" meet), spelled loosely enough
 * that outlets' transliterations of one name meet too ("Zelensky", "Zelenskyy", "Zelenskiy"): accents
 * dropped, doubled letters made single, and a long name's closing i or y letters dropped.
 */
export function originKey(origin: string): string {
  const words = origin
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !GENERIC.has(w));
  const last = words.at(-1);
  if (!last) return origin.toLowerCase();
  const single = last.replace(/(\p{L})\1+/gu, '$1');
  return single.length >= 5 ? single.replace(/[iy]+$/, '') : single;
}
