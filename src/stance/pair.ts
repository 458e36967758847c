/**
 * The verdict of one article of a story on another's claims. Within a story, each claim is aligned
 * with the other article's sentence that states the same fact (mutual best match), and that sentence
 * confirms it, gives a conflicting number, denies it or cannot confirm it. A denial or "cannot confirm"
 * the alignment did not pair is linked to the claims it is most about, never to all. And an article
 * framed as a debunk of the story disputes the claims of a report that assert what it denies, quoting
 * its sentence most about each.
 */
import {
  type Aligned,
  alignScore,
  alignSentences,
  bestMatch,
  mostAbout,
  overlap,
  pairScores,
  saysAlike,
} from '../match/align.ts';
import { matchEvidence, sameSpeaker, similarityAtLeast, similarityFrom } from '../match/index.ts';
import { ParaphraseMemo } from '../match/model.ts';
import {
  compatible,
  compatibleWithin,
  countsPeople,
  figureText,
  inBaseUnit,
  isVague,
  quantitiesOf,
  sameScale,
  sentenceQuantities,
  unitsAgree,
} from '../match/numbers.ts';
import { concept, contentStems, isStopword, NEGATIONS, stem, tokens } from '../match/text.ts';
import type { Attribution, NumberMention, SentenceAnalysis } from '../model/sentence.ts';
import type { StanceDetail } from '../model/stance.ts';
import type { ArticleSide } from '../model/story.ts';
import { antecedentsOf } from '../nlp/anaphora.ts';
import { originKey, sameOrigin, withoutDateline } from '../nlp/attribution.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../nlp/dates.ts';
import { isOrganisationWord } from '../nlp/entities.ts';
import {
  findNone,
  harmedAlike,
  isAgeUnit,
  otherTally,
  SCORE_UNIT,
  sameHarm,
  sameTally,
} from '../nlp/numbers.ts';
import { isMoneyUnit, unitOf } from '../nlp/units.ts';
import {
  CANNOT_CONFIRM,
  cueCounts,
  DEBUNK_FRAME,
  DENIED_DEBUNK,
  debunkCues,
  LEAVING,
  refutingWords,
  STRONG_REFUTATION,
  subjectWord,
  tellingRefutations,
  WITHDRAWAL,
} from './cues.ts';
import {
  concepts,
  countAgainstTime,
  cueScope,
  dateConflict,
  FRAME_STEMS,
  figuresDiffer,
  isHeldAgainst,
  isPrevious,
  NUMBER_UNIT_SIMILARITY,
  negationScope,
  numberConflict,
  offByOne,
  RISE_VERBS,
  sameFigure,
  sameTimeOfDay,
  scopeCovered,
  sharedConcepts,
  shareFigure,
  timeConflict,
} from './index.ts';
import { stateConflict } from './states.ts';

/** An article as the pair judgement reads it: its sentences and its article-level stance. */
export interface ArticleReading {
  sentences: readonly SentenceAnalysis[];
  /** Where the article stands on its story as a whole (src/stance/debunk.ts). */
  side: ArticleSide;
  /**
   * The sentences (indices) the reader sees highlighted at the default setting. A denial, a "cannot
   * confirm" or a debunk that is about several sentences equally is linked to these first, where the
   * reader will see it.
   */
  claims?: ReadonlySet<number>;
  /** When the article was published, as its page states it (ISO 8601), when it does. */
  publishedAt?: string;
}

/** `mostAbout` among an article's highlighted claims first, among all its sentences when none qualifies. */
function mostAboutClaims(
  statement: SentenceAnalysis,
  a: ArticleReading,
  floor: number,
  options: Parameters<typeof mostAbout>[3] = {},
): ReturnType<typeof mostAbout> {
  const { skip } = options;
  if (a.claims?.size) {
    const claims = a.claims;
    const found = mostAbout(statement, a.sentences, floor, {
      ...options,
      skip: (i) => !claims.has(i) || !!skip?.(i),
    });
    if (found.length) return found;
  }
  return mostAbout(statement, a.sentences, floor, options);
}

const contextual = new WeakMap<readonly SentenceAnalysis[], SentenceAnalysis[]>();

/**
 * The article with each sentence that leans on those before it (src/nlp/anaphora.ts) read together
 * with them, for what it is about; every other sentence as it is.
 */
function inContext(a: ArticleReading): ArticleReading {
  let sentences = contextual.get(a.sentences);
  if (!sentences) {
    const own = a.sentences;
    sentences = own.map((s, i) => {
      const before = antecedentsOf(own, i);
      return before.length
        ? { ...s, text: [...before.reverse().map((k) => own[k].text), s.text].join(' ') }
        : s;
    });
    contextual.set(a.sentences, sentences);
  }
  return { ...a, sentences };
}

/** One of their sentences standing toward one of our sentences. */
export interface PairJudgement {
  /** Index into our sentences, and into theirs. */
  ours: number;
  theirs: number;
  detail: StanceDetail;
}

/** Alignment score from which two sentences of one story can state the same fact. */
export const ALIGN_FLOOR = 0.2;
/** Similarity from which an aligned pair of sentences that tell one event on two days or hours disputes. */
const DAY_DISPUTE = 0.3;
/** Similarity from which an aligned pair of sentences of two full articles confirms. */
export const ALIGNED_CONFIRM = 0.38;
/**
 * The same when one of the articles is a lone statement (a headline, a post): the whole-article
 * similarity that put both in one story already compared that statement with the other article.
 */
export const STATEMENT_CONFIRM = 0.1;
/** Alignment score from which a lone statement pairs with a sentence of an article of its story. */
export const STATEMENT_ALIGN_FLOOR = 0.05;
/** An article of at most this many sentences is a lone statement. */
const STATEMENT_SENTENCES = 2;
/** Similarity from which a highlighted claim confirms its best match that the alignment paired elsewhere. */
export const UNPAIRED_CONFIRM = 0.5;
/**
 * Whether a claim is what a denial denies (`scopeCovered`), or, when the denial says what it denies in a
 * proposition of its own ("Police denied that any officers had been injured during the march", "denied
 * reports that the Sarn dam upstream of Teluma had been damaged"), names two of that proposition's
 * concepts and 60 % of them: a proposition's where and how are as often worded otherwise ("Three officers
 * were injured during clashes near City Hall"). Only for a proposition: loosened for every refutation, it
 * disputed agreeing FNC-1 reports.
 */
function deniedClaim(claim: SentenceAnalysis, scope: string, proposition: boolean): boolean {
  if (scopeCovered(claim, scope)) return true;
  if (!proposition || !(PROPOSITION.test(scope) || TELLING_THAT.test(scope))) return false;
  // The proposition is what follows its "that": "denied weekend reports that film star Dacey Vornholt was
  // arrested" denies an arrest, and the weekend's reports are no part of it.
  const denied = withoutOccasion(scope.replace(THAT_CLAUSE, ''));
  const shared = sharedConcepts(denied, claim);
  if (shared < 2 || shared < PROPOSITION_SHARE * concepts(denied).size) return false;
  // What it says of them, not only whom it names: "denied that the Saint Brenna had been overloaded" is not
  // about "The Saint Brenna went down at around 9:30 p.m.".
  // A proposition of names alone says where or who in its names ("denied Gill Rosenberg was in Kobane").
  const said = wordsBeyondNames({ text: denied } as SentenceAnalysis).plain;
  if (!said.size) return true;
  const ours = new Set(contentStems(claim.text).map(concept));
  for (const w of said) if (ours.has(w)) return true;
  return false;
}

/** The nouns a telling goes by, which a denial dismisses ("reports", "claims", "rumours"). */
const DENIED_TELLING_NOUN = '(?:claims?|reports?|allegations?|rumou?rs?|suggestions?|assertions?)';

/**
 * A telling named with words of its own before the proposition it tells ("dismissed weekend reports that",
 * "rejected the union's claim that").
 */
const TELLING_THAT = new RegExp(`^\\S+\\s+(?:\\S+\\s+){1,2}${DENIED_TELLING_NOUN}\\s+that\\s`, 'i');

/** The words up to a proposition's "that", within its first few words. */
const THAT_CLAUSE = /^(?:\S+\s+){1,4}?that\s+/i;

/** Share of a denied proposition's concepts a claim must name to be what it denies. */
const PROPOSITION_SHARE = 0.6;
/** Relatedness from which a denial or "cannot confirm" is about one of our claims. */
export const CUE_FLOOR = 0.15;
/**
 * Share of the best-related claim's score from which a "cannot confirm" doubts another claim too. Only
 * claims that assert what it doubts take part (its scope covered), and all of them are in doubt: "can't
 * confirm whether there are North Korean forces that have gone to Russia" doubts "around 11,000 North
 * Korean infantrymen are currently training in eastern Russia" as much as the shorter "the first video
 * evidence of North Korea participating alongside Russia". A denial keeps `mostAbout`'s narrower share.
 */
const UNSURE_SHARE = 0.7;
/** Relatedness from which two sentences with numbers of one unit can be counting the same thing. */
export const NUMBER_FLOOR = 0.35;
/** The same when one of the two numbers names no unit: the sentences must say much the same. */
export const BARE_NUMBER_FLOOR = 0.5;
/** Two figures further apart than this are not two counts of one thing (a part and a whole, more likely). */
const CONFLICT_RATIO = 2;
/** Figures from which one twice another still conflicts with it (`conflictScale`). */
const DOUBLED_FROM = 100;
/** Whether one figure is exactly twice the other. */
function doubled(x: NumberMention, y: NumberMention): boolean {
  return x.value === 2 * y.value || y.value === 2 * x.value;
}
/** Relatedness from which a debunk's sentence is about one of our claims. */
export const DEBUNK_FLOOR = 0.12;
/** Relatedness from which a report's sentence is the one a debunk's first statement speaks of, when nothing closer is found. */
const LEAD_FLOOR = 0.05;
/** Claims a debunking article disputes at most, per sentence of its that states the debunk. */
const DEBUNK_TARGETS = 2;

/**
 * "Declined to comment", "no comment", "has been contacted for comment", "without having verified it": a
 * sentence about the reporting that vouches for nothing in the story.
 */
const NO_COMMENT =
  /\b(?:declined|refused|would not|wouldn['’]t) (?:to )?comment|\b(?:has|have|had|did) not (?:yet |immediately )?(?:commented|comment|responded)\b|\bno (?:immediate |official |further )?comment\b|\b(?:contacted|approached|reached|asked) for (?:a )?comment\b|\brequests? for comment\b|\bwithout (?:having )?(?:authenticat|verif|confirm)/i;

/** Where a sentence's cues are, by text: every pair of two articles asks about the same sentences. */
interface Cues {
  unsure: number;
  refutes: number;
  negated: boolean;
  /** A refuting word ("hoax", "fake", "staged"). */
  refuting: boolean;
  /** A refuting word about a story or a telling, not one describing a thing (`tellingRefutations`). */
  refutesTelling: boolean;
  /** A debunk frame ("turned out", "no evidence", "satirical"). */
  framed: boolean;
  /** "Declined to comment", "without having verified it" (`NO_COMMENT`). */
  noComment: boolean;
  /** A debunk's word denied ("not staged", `DENIED_DEBUNK`). */
  deniedDebunk: boolean;
  /** What each "cannot confirm" of the sentence is about (`unsureScopes`). */
  unsureScopes: readonly string[];
  /** What its refutation is about (`cueScope`), or null. */
  refutation: string | null;
  /** Its denying negation's scope and whether that negates a whole statement: read when first asked. */
  denial?: { scope: string; statement: boolean } | null;
  /** What its negations reach (`negationReading`): read when first asked. */
  negations?: NegationReading;
}
const cuesByText = new Map<string, Cues>();

/**
 * A sentence that asks in its own voice: it ends in a question mark after a word, and quotes no one
 * ("asked investors, “Why do we need preservatives?”" states that someone asked).
 */
function asks(text: string): boolean {
  return /[\p{L}\p{N})]\?\s*$/u.test(text) && !/["“”]/.test(text);
}

/**
 * A thing called a fake ("A memo claiming Port Ellery will ban petrol cars is a fake"), which refutes
 * what it names as "is false" does. Read here, for what a sentence denies; the models' features keep
 * `STRONG_REFUTATION` as they were trained on.
 */
const CALLED_FAKE = /\b(?:is|was|were|are)\s+(?:(?:a|an)\s+)?(?:fake|forgery|forged|sham)\b/i;
/**
 * A telling dismissed under words of its own ("have dismissed weekend reports that ...", "rejected the
 * latest media claims"), which `STRONG_REFUTATION` reads only right after the verb.
 */
const DISMISSED_TELLING = new RegExp(
  `\\b(?:dismiss(?:ed|es)?|reject(?:ed|s)?|rebuff(?:ed|s)?)\\s+(?:(?:the|these|those|such)\\s+)?(?:[a-z][\\w'’-]*\\s+){1,2}?${DENIED_TELLING_NOUN}\\b`,
  'i',
);

function cuesOf(s: Pick<SentenceAnalysis, 'text'>): Cues {
  let c = cuesByText.get(s.text);
  if (!c) {
    const text = s.text;
    const refuting = refutingWords(text);
    const refutes = STRONG_REFUTATION.exec(text) ?? CALLED_FAKE.exec(text) ?? DISMISSED_TELLING.exec(text);
    c = {
      unsure: CANNOT_CONFIRM.exec(text)?.index ?? -1,
      refutes: refutes?.index ?? -1,
      negated: tokens(text).some(isNegation),
      refuting: refuting > 0,
      refutesTelling: tellingRefutations(s.text, refuting) > 0,
      framed: DEBUNK_FRAME.test(s.text),
      noComment: NO_COMMENT.test(s.text),
      deniedDebunk: DENIED_DEBUNK.test(s.text),
      unsureScopes: Object.freeze(
        [...text.matchAll(EVERY_CANNOT_CONFIRM)].map((m) => cueScope(text, m.index, m[0].length)),
      ),
      refutation: refutes ? cueScope(text, refutes.index, refutes[0].length) : null,
    };
    if (cuesByText.size >= 20_000) cuesByText.clear();
    cuesByText.set(s.text, c);
  }
  return c;
}

/**
 * Whether their "cannot confirm" is about what our claim says: its scope (`cueScope`) is covered by our
 * claim ("there was an unconfirmed report of a person injured" leaves no report of gunfire unclear). A
 * scope that names next to nothing ("could not verify these claims") points back to what the sentence
 * was aligned with, so the alignment decides.
 */
function unsureCovers(c: SentenceAnalysis, t: SentenceAnalysis): boolean {
  return unsureScopes(t.text).some((scope) => concepts(scope).size < 2 || scopeCovered(c, scope));
}

const EVERY_CANNOT_CONFIRM = new RegExp(CANNOT_CONFIRM.source, `${CANNOT_CONFIRM.flags.replace('g', '')}g`);

/**
 * What each "cannot confirm" of a sentence doubts (`cueScope`). A sentence may doubt twice ("declined to
 * confirm Ukraine's intelligence, stating that he can't confirm whether any troops have gone to
 * Russia"), and the second says what the first left vague.
 */
function unsureScopes(text: string): readonly string[] {
  return cuesOf({ text }).unsureScopes;
}

/**
 * Whether a sentence of theirs is told and at once left unverified by the outlet: its own "cannot
 * confirm" points back at it ("The health board says 35 new radiographers have been recruited, but the
 * Echo has been unable to verify that figure"), or the next sentence's does ("... at more than 700. TV5
 * was unable to independently verify that figure.").
 */
function unverified(a: ArticleReading, i: number): boolean {
  const s = a.sentences[i];
  const next = a.sentences[i + 1];
  return (
    doubtedBack(s.text).some((d) => pointsAt(d, s)) ||
    (!!next && doubtedBack(next.text).some((d) => pointsAt(d, s)))
  );
}

function unsureAt(s: SentenceAnalysis): number {
  return cuesOf(s).unsure;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Adverbs a negation's scope passes over to what it negates ("had not yet been moved", "never even said"). */
const NEGATION_ADVERBS = new Set([
  'yet',
  'still',
  'already',
  'ever',
  'even',
  'actually',
  'really',
  'necessarily',
]);

/** Words after a negation that do not negate what follows ("not only", "no longer"). */
const NOT_NEGATING = new Set(['only', 'just', 'least', 'longer', 'less', 'more', 'sure', 'clear', 'doubt']);

function isNegation(token: string): boolean {
  return NEGATIONS.has(token) || token.endsWith("n't");
}

/** "Not the first time", "not the only one": a negation that affirms what follows happened before. */
const NOT_NEGATING_PHRASE = new Set(['first', 'only', 'last']);

/**
 * Whether the negation at `i` of a sentence's tokens negates what follows: not "not only", "no longer",
 * "not the first time" (it happened before), nor a leading "Don't" / "Do not" (advice: "Don't reset all
 * settings in iOS 8" denies no bug).
 */
function negatesAt(words: readonly string[], i: number): boolean {
  if (!isNegation(words[i])) return false;
  const next = words[i + 1] ?? '';
  if (NOT_NEGATING.has(next)) return false;
  if ((next === 'the' || next === 'a') && NOT_NEGATING_PHRASE.has(words[i + 2] ?? '')) return false;
  return i === 0 ? !/^don['’]?t$/.test(words[i]) : !(i === 1 && words[0] === 'do');
}

/**
 * Verbs a negation's scope passes over to the predicate it negates ("is not going to open a restaurant",
 * "was not allowed to leave").
 */
const NEGATION_LIGHT_VERBS = new Set([
  'going',
  'gonna',
  'planning',
  'plan',
  'set',
  'expected',
  'likely',
  'able',
  'about',
  'trying',
  'due',
  'allowed',
]);

/**
 * Nouns a "no" frames what follows with ("no plans to close", "no cases of measles", "no sign of", "no
 * commitment to fund").
 */
const NO_FRAME = new Set([
  'plans',
  'plan',
  'intention',
  'intentions',
  'cases',
  'case',
  'sign',
  'signs',
  'reports',
  'commitment',
  'commitments',
  'agreement',
  'decision',
]);

/** An auxiliary after "no" and a noun: the noun is a subject, and its verb is negated ("no officer had confirmed"). */
const NEGATED_SUBJECT_VERB = /^(?:had|has|have|was|were|is|are|did|does|could|would|will|can)$/;

/** Verbs that say the verb after "to" was not done ("refused to concede", "failed to reach"). */
const REFUSAL = /^(?:refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?)$/;
/** Verbs whose refusal says nothing of the story: a no-comment. */
const NOT_REFUSED = new Set(['comment', 'say', 'confirm', 'discuss', 'elaborate', 'answer', 'respond', 'be']);

/** Reporting verbs whose negation negates what was said ("did not say that pets go to heaven"). */
const NEGATED_SAYING = /^(?:say|says|said|claim|claims|claimed)$/;

/**
 * Whether their sentence negates something our claim asserts: a negation in theirs whose next few
 * content words include one of ours, while ours has no negation ("the Batmobile wasn't stolen" against
 * "Batmobile stolen in Detroit"). With `predicate`, what the negation negates first must be ours:
 * "Apple isn't happy with the battery life" negates Apple's happiness, not "Apple Watch battery life
 * is about a day" (a headline has no context to tell such a negation from a denial).
 */
export function negatesClaim(
  c: SentenceAnalysis,
  t: SentenceAnalysis,
  options: { predicate?: boolean } = {},
): boolean {
  if (cuesOf(c).negated) return false;
  const ours = negationReading(c);
  for (const scope of negationReading(t).scopes)
    for (const w of options.predicate ? scope.predicate : scope.all) if (ours.concepts.has(w)) return true;
  return false;
}

/** Whether a sentence says a verb of ours was refused or failed ("refused to concede" of "conceded defeat"). */
function refusesClaim(c: SentenceAnalysis, t: SentenceAnalysis): boolean {
  const ours = negationReading(c);
  return negationReading(t).refused.some((w) => ours.concepts.has(w));
}

/** What `negatesClaim` reads of a sentence, whichever side of the pair it is on. */
interface NegationReading {
  /** Its content words, by concept as the alignment reads them: "has not died" negates "death". */
  concepts: ReadonlySet<string>;
  /**
   * Per negation that negates what follows (`negatesAt`), the concepts of the content words it reaches:
   * `all` of them, and `predicate`, those of which one of ours must be for the negation to negate our
   * predicate (the first, unless a reporting verb is negated: then what was said, all of them).
   */
  scopes: { all: readonly string[]; predicate: readonly string[] }[];
  /**
   * Verbs it says were refused or failed ("refused to concede": concede). Read only for whether two
   * statements agree in polarity: a refusal is no denial of what a story reports.
   */
  refused: readonly string[];
}

/** A sentence's `NegationReading`, kept with its cues (read when first asked: each sentence is held against many). */
function negationReading(s: Pick<SentenceAnalysis, 'text'>): NegationReading {
  const cues = cuesOf(s);
  if (cues.negations) return cues.negations;
  const text = s.text;
  const words = tokens(text);
  const scopes: NegationReading['scopes'] = [];
  for (let i = 0; i < words.length; i++) {
    if (!negatesAt(words, i)) continue;
    const all: string[] = [];
    // "No" negates the noun it determines ("no idea how the truck got there"); "not", "never" and "no one"
    // what follows.
    // "No plans to close", "no cases of the syndrome": the noun is a frame, what follows is negated as
    // "not" negates it.
    const framed =
      words[i] === 'no' && NO_FRAME.has(words[i + 1] ?? '') && /^(?:to|of)$/.test(words[i + 2] ?? '');
    // Nor does "no" that determines the subject of a verb ("no officer had confirmed any arrest"): what
    // the subject did is negated too.
    const subject = words[i] === 'no' && NEGATED_SUBJECT_VERB.test(words[i + 2] ?? '');
    const reach = words[i] === 'no' && words[i + 1] !== 'one' && !framed && !subject ? 1 : 3;
    for (let k = framed ? i + 3 : i + 1; k < words.length && all.length < reach; k++) {
      const w = words[k];
      if (isNegation(w) || /[.;:!?]$/.test(w)) break;
      if (isStopword(w) || NEGATION_ADVERBS.has(w) || NEGATION_LIGHT_VERBS.has(w)) continue;
      all.push(concept(stem(w)));
    }
    scopes.push({ all, predicate: NEGATED_SAYING.test(words[i + 1] ?? '') ? all : all.slice(0, 1) });
  }
  // "Refused to concede", "failed to reach": the verb after is not done.
  const refused: string[] = [];
  for (let i = 0; i + 2 < words.length; i++)
    if (REFUSAL.test(words[i]) && words[i + 1] === 'to' && !NOT_REFUSED.has(words[i + 2]))
      refused.push(concept(stem(words[i + 2])));
  cues.negations = { concepts: new Set(contentStems(text).map(concept)), scopes, refused };
  return cues.negations;
}

/** Content words on each side of a withdrawal that say who withdraws and from what. */
const WITHDRAWAL_REACH = 3;

/**
 * Whether one of two sentences reports a withdrawal from what the other asserts: one withdraws
 * ("Christian Bale drops out of Steve Jobs biopic"), the other does not ("Christian Bale to play Steve
 * Jobs"), and the content words next to the withdrawal are the other's: who withdraws, and what from
 * when it is said, two words in all. Two reports of one withdrawal agree, and so do a withdrawal and a
 * statement that tells of leaving in words of its own (`LEAVING`: "has left", "resigned"); a withdrawal
 * from something else is another story.
 */
function withdrawalBetween(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const ma = WITHDRAWAL.exec(a.text);
  const mb = WITHDRAWAL.exec(b.text);
  if (!ma === !mb) return false;
  const [w, m, other] = ma ? [a, ma, b] : [b, mb as RegExpExecArray, a];
  if (LEAVING.test(other.text)) return false;
  const theirs = new Set(contentStems(other.text).map(concept));
  const shared = (words: string[]) => new Set(words.map(concept).filter((x) => theirs.has(x))).size;
  const who = shared(contentStems(w.text.slice(0, m.index)).slice(-WITHDRAWAL_REACH));
  const after = contentStems(w.text.slice(m.index + m[0].length)).slice(0, WITHDRAWAL_REACH);
  const what = shared(after);
  // Who withdraws is the other's, and what from, when it is said ("… now that Christian Bale quit?").
  return who > 0 && (what > 0 || after.length === 0) && who + what >= 2;
}

/**
 * Whether a sentence asserts rather than denies or doubts: no negation, no refutation, no "cannot
 * confirm". Only such a sentence can be disputed by a denial; two denials of one thing agree.
 */
function affirmative(s: SentenceAnalysis): boolean {
  const c = cuesOf(s);
  return c.refutes < 0 && c.unsure < 0 && !c.negated;
}

/**
 * Whether a sentence states something another outlet could vouch for, so that its "cannot confirm" leaves
 * it unclear: affirmative, with no refuting word about a story or a telling ("The fake story claimed …";
 * "were issued fake passports" states a fact) and no "declined to comment" or "without having verified
 * it". Another's "cannot confirm" of a denial, of a "cannot confirm" or of a no-comment says nothing
 * about it.
 */
function vouchable(s: SentenceAnalysis): boolean {
  const c = cuesOf(s);
  return affirmative(s) && !c.refutesTelling && !c.noComment;
}

/**
 * Words that doubt or wish what follows rather than assert it: "NASA questions whether the crater was
 * caused by a meteorite", "If only a bird really did poop on Putin", "it is unclear whether".
 */
const DOUBTS =
  /\b(?:question(?:s|ed|ing)? (?:whether|if)|doubts? (?:that|whether|if)|if only|unclear (?:whether|if)|wonders? (?:whether|if))\b/i;

/**
 * Whether a statement asserts with nothing that doubts it: affirmative, and no question, no refuting
 * word ("prank", "denies"), no hedge or rumour ("reportedly", "shuts down rumours"), no doubt (`DOUBTS`). A headline of that
 * kind is a report even when the article-level model is unsure of it.
 */
function plainlyAsserts(s: SentenceAnalysis): boolean {
  if (!affirmative(s) || /\?\s*$/.test(s.text) || DOUBTS.test(s.text)) return false;
  const c = cueCounts(s.text);
  return c.refuting === 0 && c.hedging === 0;
}

/**
 * The side an article takes on its story, as the pair judgement reads it: a lone statement the
 * article-level model reads as a report but that denies or doubts ("Bale will not play Jobs") takes no
 * side, since a headline that negates is as often a debunk the model missed; so does one that tells of
 * a withdrawal ("Christian Bale drops out of Steve Jobs biopic"), the news a debunk of "Bale to play
 * Jobs" brings. The converse: a lone statement the model is unsure of but that plainly asserts ("Michelle
 * Obama's face blurred by Saudi state television") reports, so a debunk of its story disputes it rather
 * than confirming it.
 */
function sideOf(a: ArticleReading): ArticleSide {
  const statement = a.sentences.length <= STATEMENT_SENTENCES ? a.sentences[0] : undefined;
  if (!statement) return a.side;
  const withdraws = WITHDRAWAL.test(statement.text);
  if (a.side === 'report' && (!affirmative(statement) || withdraws)) return 'unsure';
  if (a.side === 'unsure' && !withdraws && plainlyAsserts(statement)) return 'report';
  return a.side;
}

/**
 * Whether a plain negation in their article denies what ours asserts: only between lone statements
 * (in an article a negation is as often "not the first time"), and only when the article-level model
 * does not read theirs as a report of the story. A headline that negates and reads as a report
 * ("Nun who had no idea she was pregnant gives birth", "Apple isn't happy with the Watch's battery
 * life") negates a detail of the story it tells, not the story.
 */
export function negationDenies(lone: boolean, theirs: Pick<ArticleReading, 'side'>): boolean {
  return lone && theirs.side !== 'report';
}

/**
 * Whether a sentence of one article can deny a sentence of the other, given the sides the two take: not
 * between two articles that both doubt the story (two debunks, or a debunk and one the model is unsure
 * of), which agree on it. Between two articles the model is unsure of, the sentences speak.
 */
export function denialsBetween(a: ArticleSide, b: ArticleSide): boolean {
  return a === 'report' || b === 'report' || (a === 'unsure' && b === 'unsure');
}

/** What the pair judgement needs to know about the two articles beyond the two sentences. */
interface PairContext {
  /** Similarity from which an aligned pair confirms. */
  confirmFrom: number;
  /** Whether one of the articles is a lone statement (a denial is then often a plain negation). */
  lone: boolean;
  /** Whether a plain negation of theirs denies (`negationDenies`). */
  negationDenies: boolean;
  /** Whether denials count: not between two articles that both debunk the story. */
  denials: boolean;
  /** The paraphrase model's answers over this comparison of two articles, read both ways. */
  memo?: ParaphraseMemo;
  /** The names the two articles tell in many sentences (`storyNames`): they say no fact of their own. */
  storyNames?: ReadonlySet<string>;
  /** The two articles' first sentences, their headlines, which tell a story in its names (`sharesMoreThanNames`). */
  headlines?: ReadonlySet<SentenceAnalysis>;
  /** Whether our article, or theirs, names a person anywhere (`pronounSpeakerAmbiguous`). */
  names?: { ours: (name: string) => boolean; theirs: (name: string) => boolean };
}

/**
 * A negation that denies what follows it, in the text (for its scope's offset): not "not only", "no
 * longer", "not the first time". Built from the lists `negatesAt` reads, so the two stay one rule.
 */
const DENYING_NEGATION = new RegExp(
  `\\b(?:not|never|no|none|nobody|nothing|neither)\\b(?!\\s+(?:${[...NOT_NEGATING].join('|')}|(?:the|a) (?:${[
    ...NOT_NEGATING_PHRASE,
  ].join('|')}))\\b)|\\b\\w+n['’]t\\b`,
  'i',
);

/** Content concepts a negation's scope holds for an article's negation to deny a statement. */
const NEGATED_STATEMENT_CONCEPTS = 5;
/**
 * Likeness from which their sentence restates our claim: its negation is then of something it adds
 * ("... corresponds exactly with a meteorite and not with any other type of event").
 */
const RESTATES = 0.7;

/**
 * What a sentence of theirs says against or about claims: "cannot confirm" (scope after the cue), a
 * refutation, or, from a lone statement, a plain negation (scope around the negation): what each cue is
 * about (a sentence may say "cannot confirm" twice).
 */
function cueOf(t: SentenceAnalysis, context: PairContext): Cue | null {
  const cue = readCue(t, context);
  const a = t.attribution;
  // A quote of talk is read whole: its negations are as often the speaker's emphasis ("Never in my
  // lifetime would I think something like that," said Oberholtzer).
  if (!cue || !a || QUOTE_MARK.test(t.text)) return cue;
  // Trimmed only where what is left still states something whole: the speaker's words also keep a short
  // scope from being covered by a claim that shares its topic ("The Pentagon said no U.S. ground troops
  // were involved in the operation" against "U.S. special operations forces targeted Godane").
  const scopes = cue.scopes.map((x) => {
    const trimmed = withoutSpeaker(x, a);
    return cue.whole || concepts(trimmed).size >= NEGATED_STATEMENT_CONCEPTS ? trimmed : x;
  });
  return { ...cue, scopes };
}

/**
 * A scope without who says it: "Health minister Carla Novak has not resigned and remains in her post |,
 * government spokesman Adam Mazur said on Monday afternoon"; "Government spokesman Adam Mazur said |
 * Novak had not resigned". The speaker's name, role and day are no part of what is denied, and a claim
 * that does not name them is no less denied.
 */
function withoutSpeaker(scope: string, a: Attribution): string {
  // The speaker as named here, or by the last name alone when the article named them in full before.
  const last =
    !scope.includes(a.source) && /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+$/u.test(a.source)
      ? a.source.split(/\s+/).at(-1)
      : undefined;
  const names = [a.source, ...(last ? [last] : []), ...(a.role ? [a.role] : [])].filter((x) => x.length > 2);
  for (const name of names) {
    const at = scope.indexOf(name);
    if (at < 0) continue;
    const before = scope.slice(0, at);
    const comma = before.lastIndexOf(',');
    // The speaker after the statement: cut from the comma before it, when a statement precedes.
    if (
      comma >= 0 &&
      before
        .slice(comma + 1)
        .trim()
        .split(/\s+/).length <= 3 &&
      concepts(scope.slice(0, comma)).size >= 2
    )
      return scope.slice(0, comma);
    // The speaker before the statement: cut through the verb after it.
    const rest = scope.slice(at + name.length);
    const verb = rest.indexOf(` ${a.verb} `);
    if (verb >= 0 && verb <= 20) return rest.slice(verb + a.verb.length + 2);
  }
  return scope;
}

const QUOTE_MARK = /["“”]/;

/**
 * Whether a claim names what a denial denies beyond who denies it: "Brightline Events denied that the
 * festival had been oversold" is about the festival being oversold, not about all that Brightline Events
 * said ("said it was devastated"), and "Aster Maritime denied the report" names nothing of its own (it
 * points back). When all it names beyond its speaker is one thing ("Budanov denied that he had
 * resigned"), the claim must name that; else at least two of those things.
 */
function beyondSpeaker(claim: SentenceAnalysis, scope: string, a: Attribution | null): boolean {
  if (!a) return true;
  const speaker = concepts(`${a.source} ${a.role ?? ''}`);
  const wanted = [...concepts(scope)].filter((c) => !speaker.has(c));
  if (!wanted.length) return false;
  const ours = new Set(contentStems(claim.text).map(concept));
  return wanted.filter((c) => ours.has(c)).length >= Math.min(2, wanted.length);
}

/**
 * Whether a denial (`t`, of what `scope` says) can be of our claim. A speaker's denial is of what others
 * say of them, not of what they say themselves ("denied that it had received the data without
 * authorisation" of its own "believed the transfer had been properly authorised"); a denied figure is
 * not another figure of the same thing ("denied reports that his client would earn 250,000 pounds a
 * week" says nothing against "around £180,000 a week").
 */
function deniable(c: SentenceAnalysis, t: SentenceAnalysis, scope: string): boolean {
  return !(sameSpeaker(c, t) && !speakerDenied(t, scope)) && !anotherFigure(c, scope);
}

/**
 * Whether what a denial denies names its own speaker as read ("The agency's claim that the barrier held
 * is simply untrue," she said): the one named is then who is denied, not who denies.
 */
function speakerDenied(t: SentenceAnalysis, scope: string): boolean {
  const source = t.attribution?.source;
  if (!source) return false;
  const named = concepts(scope);
  return [...concepts(source)].some((c) => named.has(c));
}

/**
 * Whether a claim gives, of what a scope (`cueScope`) names a figure of, only other figures: each of its
 * figures of the scope's units is incompatible with the scope's.
 */
function anotherFigure(claim: SentenceAnalysis, scope: string): boolean {
  const named = quantitiesOf(scope).filter((q) => q.unit);
  if (!named.length) return false;
  const ours = sentenceQuantities(claim).filter((x) => named.some((y) => unitsAgree(x, y)));
  return ours.length > 0 && !ours.some((x) => named.some((y) => unitsAgree(x, y) && compatible(x, y)));
}

/** Share of what a named source is reported to say that a negation must hold to deny it whole. */
const SAID_SHARE = 0.8;

/**
 * Whether a named source's negation is all it is reported to say: "Government spokesman Adam Mazur said
 * Novak had not resigned" denies "Novak resigned" though it names few things (`NEGATED_STATEMENT_CONCEPTS`
 * keeps out short asides of longer statements: "couldn't walk away", "not ideal for the lungs").
 */
function deniesAllSaid(t: SentenceAnalysis, scope: string): boolean {
  // A report of what the source said ("X said Y had not ..."), not a quote of its talk ("'Never in my
  // lifetime would I think that,' said Oberholtzer").
  if (!t.attribution || QUOTE_MARK.test(t.text)) return false;
  const speaker0 = t.text.indexOf(t.attribution.source);
  const negation = DENYING_NEGATION.exec(t.text);
  if (speaker0 < 0 || !negation || negation.index < speaker0) return false;
  const speaker = concepts(`${t.attribution.source} ${t.attribution.role ?? ''}`);
  const own = concepts(withoutSpeaker(scope, t.attribution));
  let said = 0;
  for (const w of concepts(t.text)) if (!speaker.has(w)) said++;
  let denied = 0;
  for (const w of own) if (!speaker.has(w)) denied++;
  return denied >= 2 && denied >= SAID_SHARE * said;
}

/**
 * A cue of their sentence: what kind, what each of its cues is about, whether it is a plain negation,
 * and whether that negation is all its named source is reported to say (`deniesAllSaid`).
 */
interface Cue {
  kind: 'unsure' | 'denies';
  scopes: readonly string[];
  negation?: boolean;
  whole?: boolean;
}

function readCue(t: SentenceAnalysis, context: PairContext): Cue | null {
  const cues = cuesOf(t);
  if (cues.unsureScopes.length) return { kind: 'unsure', scopes: cues.unsureScopes };
  if (!context.denials) return null;
  if (cues.refutation !== null) return { kind: 'denies', scopes: [cues.refutation] };
  // A plain negation denies in a lone statement. In an article it is as often "not the first time", so
  // there only a named source's negation of a whole statement denies ("Zelenskyy, however, believed
  // Thursday that the North Korean soldiers had not yet been moved to Russia or Ukraine"), not a short
  // aside ("couldn't walk away", "not ideal for the lungs").
  if (!context.negationDenies && !t.attribution) return null;
  const negation = denyingNegation(cues, t.text);
  if (negation) {
    if (context.negationDenies) return { kind: 'denies', scopes: [negation.scope] };
    if (negation.statement) return { kind: 'denies', scopes: [negation.scope], negation: true };
    if (deniesAllSaid(t, negation.scope))
      return { kind: 'denies', scopes: [negation.scope], negation: true, whole: true };
  }
  return null;
}

/** A sentence's denying negation (`DENYING_NEGATION`), read once per text: its scope and whether it negates a whole statement. */
function denyingNegation(cues: Cues, text: string): Cues['denial'] {
  if (cues.denial === undefined) {
    const negation = DENYING_NEGATION.exec(text);
    const scope = negation ? negationScope(text, negation.index) : '';
    cues.denial = negation ? { scope, statement: concepts(scope).size >= NEGATED_STATEMENT_CONCEPTS } : null;
  }
  return cues.denial;
}

/** The stance of their sentence `t` toward our claim `c`, which the alignment paired as one fact. */
function judgeAligned(c: SentenceAnalysis, t: SentenceAnalysis, context: PairContext): StanceDetail | null {
  const evidence = matchEvidence(c, t, context.memo);
  // The paraphrase model is the costly part: it runs only when the words alone do not already clear
  // the confirmation bar, and only once the cheap tests leave the pair in question.
  const atLeast = similarityAtLeast(evidence);
  let known: number | undefined;
  const sim = () => {
    known ??= atLeast >= context.confirmFrom ? atLeast : similarityFrom(evidence);
    return known;
  };
  const theyUnsure = unsureAt(t) >= 0;
  const weUnsure = unsureAt(c) >= 0;
  // Two "cannot confirm"s of one thing state the same fact; one alone leaves our claim unclear.
  if (theyUnsure && !weUnsure && vouchable(c) && unsureCovers(c, t))
    return { stance: 'unclear', score: round(sim()), basis: 'cannot-confirm' };
  // A headline's plain negation ("Batmobile wasn't stolen") denies; so does a refutation whose own
  // words are about what our claim says, and between headlines that both assert, a withdrawal from
  // what one of them says will be done. (In an article a withdrawal is as often the story's past: it
  // disputed agreeing FNC-1 bodies.)
  if (context.denials && affirmative(c) && !DOUBTS.test(c.text)) {
    const refutation = cuesOf(t).refutation;
    if (
      ((refutation !== null && deniedClaim(c, refutation, true) && deniable(c, t, refutation)) ||
        (context.negationDenies && negatesClaim(c, t, { predicate: true })) ||
        (context.lone && affirmative(t) && withdrawalBetween(c, t))) &&
      sim() >= CUE_FLOOR
    )
      return { stance: 'disputes', score: round(sim()), basis: 'denial' };
  }
  // A conflicting number is judged over the whole article (`numberDisputes`), not here.
  if (numberConflict(c, t)) return null;
  // Nor do two statements whose figures all differ state one fact, unless a day they share says so
  // ("the first 1,500 were shipped from October 8 to 13", "transported from Oct. 8-13 via seven vessels").
  if (!evidence.sharedDays && figuresDiffer(c, t)) return null;
  // Nor does what a place or a vessel can hold state what it held ("Each tank car can hold up to 25,000
  // gallons", "25,000 gallons had leaked"), though the figures agree.
  if (capacityAgainstCount(c, t)) return null;
  // A statement confirms only a statement of the same polarity ("had not yet been moved" does not confirm
  // "were caught on camera"), and only when it says something (a menu's lone "Dismiss" does not).
  // (Between lone statements, headlines, the side each article takes on the story speaks instead.)
  if (!context.lone && (oppositePolarity(c, t) || contentWords(t) < MIN_CONFIRMING_WORDS)) return null;
  // Nor does a sentence that shares only names with ours ("Dylan Thomas has been contacted for comment"
  // against "Dylan Thomas was told by doctors that he was suffering from an allergic reaction").
  if (!context.lone && !saysAlike(c, t)) return null;
  // Nor does a sentence of another time than ours ("In 1987 ..." against "In 2011 ..."). One that names
  // no time may tell the same past ("In 2012 the US offered a reward of up to $7m", "The State Department
  // had offered a $7 million reward").
  if (timesApart(c, t, true)) return null;
  // A line about the reporting ("The army has not commented") states no fact of the story to confirm;
  // one that goes on to state one ("... and spent October in rehab after his arrest") still can.
  if (onlyNoComment(c) || onlyNoComment(t)) return null;
  // A quote's words are one speaker's: the same words given to another speaker confirm nothing of who
  // said them.
  if (quotedByAnother(c, t, context.names)) {
    // Two people named in full, each given the words, is a conflict over who said them.
    const speakers = twoSpeakers(c, t);
    return speakers && sim() >= context.confirmFrom
      ? { stance: 'disputes', score: round(sim()), basis: 'numbers', numberConflict: speakers }
      : null;
  }
  // A question asserts nothing to confirm, nor is it what a statement confirms ("Did Biscuit the collie
  // really walk home?", "Are you tired of death hoaxes?").
  // (A lone headline's question is as often the story told as a teaser: "Is this the world's oldest
  // burger?")
  if (!context.lone && (asks(c.text) || asks(t.text))) return null;
  // A statement that would confirm ours but for the day it names disputes it, when the two days' own
  // clauses tell of one event; it need not be worded as closely as a confirmation, for another day or
  // hour is itself words the two do not share ("brought under control at around 11am", "brought under
  // control by 9 a.m.").
  if (sim() < Math.min(context.confirmFrom, DAY_DISPUTE)) return null;
  // So does one that names another clock time for it ("at about 10:15 p.m." against "11:40 p.m.").
  // Two days of one clock time ("shortly before 7 p.m. on Friday", "at 6:40 p.m. on Thursday"), or of
  // one figure of one thing ("sentenced to 12 years behind bars on Wednesday", "on Thursday sentenced
  // ... to 12 years in prison"), are of one event however differently their clauses are worded; so are
  // two days or two hours of the one word that tells what happened then ("under a contract signed in
  // 2021", "The agreement ... was signed in 2019"; "brought under control at around 11am", "under control
  // by 9 a.m.").
  const day = dateConflict(c, t);
  const when = day ?? timeConflict(c, t);
  // Two years, of which a story tells many events ("joined the department in 1980", "went on leave in
  // 1990"), only by that one word.
  const tied = (x: Span, y: Span) =>
    day?.years
      ? sameWordBefore(c, x, t, y) || sameDeedBefore(c, x, t, y)
      : (day && (sameTimeOfDay(c, t) || shareFigure(c, t))) ||
        sameWordBefore(c, x, t, y) ||
        sameDeedBefore(c, x, t, y, true) ||
        wholeClause(c, x, t, y) ||
        alignScore(overlap(around(c, x), around(t, y))) >= NUMBER_FLOOR;
  if (when && tied(when.at[0], when.at[1]))
    return {
      stance: 'disputes',
      score: round(sim()),
      basis: 'numbers',
      numberConflict: { ours: when.ours, theirs: when.theirs },
    };
  if (sim() < context.confirmFrom) return null;
  // So does one that gives the same thing the opposite state ("The main road bridge remains closed"
  // against "The main road bridge reopened on Tuesday afternoon").
  const states = stateConflict(c.text, t.text);
  if (states) return { stance: 'disputes', score: round(sim()), basis: 'numbers', numberConflict: states };
  // A count told against a clock time confirms nothing when they share nothing but their speaker ("The
  // airport said 11 occupants were injured", "The plane landed at 11:15 local time, according to the
  // airport"); two that name one route do ("The 3.2-kilometre march from Central Station to Parliament
  // Square", "set off from Central Station shortly after 11am"). Its day may still dispute it, above.
  if (!evidence.sharedDays && countAgainstTime(c, t) && !beyondSpeaker(c, t.text, t.attribution)) return null;
  // Between two full articles, two sentences that share nothing but the story's names state no one fact.
  // A headline, which tells its story by the names in it, may say what another's sentence says in other
  // words ("Serrano the hero as Portugal lift the Atlantic Nations Cup").
  if (
    context.storyNames &&
    !context.headlines?.has(c) &&
    !context.headlines?.has(t) &&
    !sharesMoreThanNames(c, t, context.storyNames)
  )
    return null;
  return { stance: 'confirms', score: round(sim()), basis: 'same-fact' };
}

/** A stretch of a sentence's text: a day, a time, a figure. */
type Span = { start: number; end: number };

/** Words between a day and what happened on it ("signed in 2019", "remain in place until Monday"). */
const DAY_PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'by',
  'until',
  'till',
  'since',
  'from',
  'before',
  'after',
  'during',
  'early',
  'late',
]);

/**
 * Whether the word right before two days (past their preposition) is one content word: what happened
 * then ("signed in 2021", "signed in 2019").
 */
function sameWordBefore(c: SentenceAnalysis, x: Span, t: SentenceAnalysis, y: Span): boolean {
  const before = (s: SentenceAnalysis, at: Span) => {
    const words = [...tokens(s.text.slice(Math.max(0, at.start - 30), at.start))];
    while (words.length && DAY_PREPOSITIONS.has(words[words.length - 1])) words.pop();
    const last = words.at(-1);
    return last && !isStopword(last) && /^\p{L}+$/u.test(last) ? stem(last) : undefined;
  };
  const w = before(c, x);
  return !!w && w === before(t, y);
}

/**
 * Past forms of deeds a story dates that do not end in "-ed" ("Roofers found the asbestos on Tuesday",
 * "struck shortly before 11 p.m."). Verbs of saying are left out: when something was said is not when it
 * happened.
 */
const IRREGULAR_PAST = new Set(
  'found began broke brought built bought caught came fell flew fought froze hit held kept left lost made met ran rose sank saw sent shot shut sold spent spread stole struck swept threw took tore won wrote'.split(
    ' ',
  ),
);

/**
 * Whether the same thing was done before two years, in a past form of one verb anywhere before each ("The
 * company was fined by the Industrial Safety Authority in 2021", "The authority fined Brightwater 240,000
 * euros in 2023"): one deed, dated twice. "joined the department in 1980" and "went on leave in 1990" are two.
 * With `last`, only the past form nearest each day counts: "was beheaded in an ISIS video released on Tuesday,
 * August 19" dates the release, not the kidnapping told before it.
 */
function sameDeedBefore(c: SentenceAnalysis, x: Span, t: SentenceAnalysis, y: Span, last = false): boolean {
  const deeds = (s: SentenceAnalysis, at: Span) => {
    const before = s.text.slice(0, at.start);
    // The nearest deed is of the day's own clause: in "were closed on Wednesday, and the district said classes
    // would resume on Thursday" no deed is Thursday's.
    const clause = last ? (before.split(/[,;:]|\s(?:and|but|while)\s/).at(-1) ?? '') : before;
    const past = tokens(clause)
      .filter((w) => (/^\p{L}{3,}ed$/u.test(w) || IRREGULAR_PAST.has(w)) && !isStopword(w))
      .map(stem);
    return new Set(last ? past.slice(-1) : past);
  };
  const ours = deeds(c, x);
  for (const d of deeds(t, y)) if (ours.has(d)) return true;
  return false;
}

/**
 * Whether two days' clauses are their whole sentences ("The election will be held on Oct. 26." and "The
 * election will take place on 19 October."): the pair's likeness, which confirmed them, is then the
 * likeness of the two clauses, however they are worded.
 */
function wholeClause(c: SentenceAnalysis, x: Span, t: SentenceAnalysis, y: Span): boolean {
  return around(c, x).text.length === c.text.length && around(t, y).text.length === t.text.length;
}

/** The words a sentence quotes, the longest quoted span of three words or more. */
function quotedWords(text: string): string[] | undefined {
  let best: string[] | undefined;
  for (const m of text.matchAll(/["“]([^"“”]+)["”]/g)) {
    const words = m[1].toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    if (words.length >= 3 && words.length > (best?.length ?? 0)) best = words;
  }
  return best;
}

/**
 * Whether a sentence names who speaks in its own words, first name and last ("Dr. Alan Reyes", "U.S. Attorney
 * Laura Benton" too), or by the last name of one its article named in full ("Ellery said" after "chief
 * executive Martin Ellery"): "he said" leans on an earlier sentence, a lone "Woody" may be the name
 * another outlet gives in full, and "according to the Detroit Free Press" names who reported the quote,
 * not who said it.
 */
function namesSpeaker(s: SentenceAnalysis): boolean {
  const a = s.attribution;
  return (
    !!a &&
    a.verb !== 'according to' &&
    (s.text.includes(a.source) ||
      s.text.split(/[^\p{L}'’-]+/u).includes(a.source.split(/\s+/).at(-1) ?? '') ||
      LONE_QUOTE.test(s.text) ||
      PRONOUN_SAID.test(s.text)) &&
    /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]*)+$/u.test(a.source)
  );
}

/**
 * A sentence that is a quote and nothing else: its speaker is the one the sentence before named, as the
 * attribution reader reads it ('Health Secretary Miriam Castell announced the review. "We will not stand
 * by ..."').
 */
const LONE_QUOTE = /^\s*["“][^"“”]{12,}["”]\s*$/;

/**
 * A quote a pronoun says ('"We did everything we could," she said.'): its speaker is the person the
 * sentences before named, as the attribution reader reads it, as for a lone quote.
 */
const PRONOUN_SAID =
  /["”]\s*,?\s*(?:(?:he|she)\s+(?:said|says|added|adds)|(?:said|says|added|adds)\s+(?:he|she))\b[^"“”]*$/i;

/** Whether a sentence's speaker is read through "she said" rather than named in it. */
function pronounSpeaker(s: SentenceAnalysis): boolean {
  return !!s.attribution && PRONOUN_SAID.test(s.text) && !s.text.includes(s.attribution.source);
}

/**
 * Whether an article names a person anywhere, by their last name as a word: read once per pair of
 * articles, and only for the few quotes a pronoun says.
 */
function namedIn(a: ArticleReading): (name: string) => boolean {
  let words: ReadonlySet<string> | undefined;
  return (name) => {
    words ??= new Set(a.sentences.flatMap((s) => s.text.split(/[^\p{L}'’-]+/u)));
    const last = name.split(/\s+/).at(-1);
    return !!last && words.has(last);
  };
}

/** Whether a word ends a body's name: a kind of body, or "the White House". */
function namesBody(word: string): boolean {
  return isOrganisationWord(word) || word.toLowerCase() === 'house';
}

/** Whether a sentence's speaker is a person its entities name. */
function namesPerson(s: SentenceAnalysis): boolean {
  const source = s.attribution?.source;
  if (!source) return false;
  if (
    (s.entities ?? []).some(
      (e) => e.type === 'person' && (e.text.includes(source) || source.includes(e.text)),
    )
  )
    return true;
  // A title before a first and last name ("U.S. Attorney Laura Benton"), which the entity reader may not
  // type: its last two words are capitalised and name no body.
  const words = source.split(/\s+/);
  const name = words.slice(-2);
  // A lone quote's speaker is read from the sentence before, where the entity reader typed the name: a
  // first and last name is enough.
  const least = LONE_QUOTE.test(s.text) || PRONOUN_SAID.test(s.text) ? 2 : 3;
  return words.length >= least && name.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !namesBody(w));
}

/** Share of the shorter quote's words the other holds for two quotes to be the same words. */
const SAME_QUOTE = 0.8;

/**
 * Whether two sentences give the same quoted words to two different speakers ('"We will not negotiate
 * with criminals," Mayor Linda Park said' against '... said the city's technology director, Raj Patel').
 * Both must name their speaker in full (`namesSpeaker`), in the sentence or through "she said" after the
 * sentences that named her: attributions read through an outlet are too loose to tell two speakers apart.
 */
function quotedByAnother(a: SentenceAnalysis, b: SentenceAnalysis, names?: PairContext['names']): boolean {
  if (!namesSpeaker(a) || !namesSpeaker(b) || !a.attribution || !b.attribution) return false;
  // "she said" is read as the person named before; when her article also names the other speaker, the
  // pronoun may be theirs, or one person under two names ("Maxwell ... goes by the name of Dylan Thomas").
  if (
    names &&
    ((pronounSpeaker(a) && names.ours(b.attribution.source)) ||
      (pronounSpeaker(b) && names.theirs(a.attribution.source)))
  )
    return false;
  const qa = quotedWords(a.text);
  const qb = quotedWords(b.text);
  if (!qa || !qb) return false;
  const [short, long] = qa.length <= qb.length ? [qa, new Set(qb)] : [qb, new Set(qa)];
  if (short.filter((w) => long.has(w)).length < SAME_QUOTE * short.length) return false;
  // One speaker when either sentence names the other's speaker anywhere, or their names and roles share a
  // word of their own ("the White House" and "White House Press Secretary Josh Earnest").
  if (b.text.includes(a.attribution.source) || a.text.includes(b.attribution.source)) return false;
  // Two people of different names are two speakers, whatever title they share ("Councilmember Anita
  // Shaw" and "Councilmember Ray Cutler"); the words of a role tell one body named two ways.
  if (namesPerson(a) && namesPerson(b)) return !sameOrigin(a.attribution.source, b.attribution.source);
  const words = (x: Attribution) =>
    [x.source, ...(x.role ? [x.role] : [])].flatMap((n) => n.split(/\s+/)).map(originKey);
  const wa = new Set(words(a.attribution).filter((w) => w.length >= 3));
  return !words(b.attribution).some((w) => wa.has(w));
}

/**
 * The two speakers of one quote (`quotedByAnother`) when each is a person named in full, of different last
 * names ("said incident commander Dana Ortiz", "said Pine Hollow Fire Chief Mark Hellman"): a body and its
 * spokesperson may both be given a statement, two people not.
 */
function twoSpeakers(a: SentenceAnalysis, b: SentenceAnalysis): { ours: string; theirs: string } | undefined {
  const [x, y] = [a.attribution?.source, b.attribution?.source];
  if (!x || !y || !namesPerson(a) || !namesPerson(b) || !x.includes(' ') || !y.includes(' '))
    return undefined;
  return sameOrigin(x, y) ? undefined : { ours: x, theirs: y };
}

/**
 * Whether one sentence denies, doubts or negates what the other asserts: a refutation or a "cannot
 * confirm" on one side only, or a negation of words the other uses ("had not been moved to Russia"
 * against "troops are in Russia"; an incidental "without delay" is none).
 */
function oppositePolarity(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const negative = (s: SentenceAnalysis, other: SentenceAnalysis) => {
    const c = cuesOf(s);
    return c.refutes >= 0 || c.unsure >= 0 || negatesClaim(other, s) || refusesClaim(other, s);
  };
  return negative(a, b) !== negative(b, a);
}

/** Content words a sentence needs to confirm another: a heading's few words restate nothing. */
const MIN_CONFIRMING_WORDS = 4;

/** A no-comment and the rest of its clause ("has not commented on the strike", up to ", but" or "and"). */
const NO_COMMENT_CLAUSE = new RegExp(
  `(?:${NO_COMMENT.source})[^,;]*?(?=[,;]|\\s(?:and|but|while)\\s|$)`,
  'i',
);

/**
 * Whether a sentence says no more than that someone did not comment: few content words beside the
 * no-comment's clause ("The army has not commented on the strike"), where "... declined to comment, but
 * the director will testify on Tuesday" goes on to a fact.
 */
function onlyNoComment(s: SentenceAnalysis): boolean {
  return (
    cuesOf(s).noComment && contentStems(s.text.replace(NO_COMMENT_CLAUSE, ' ')).length < MIN_CONFIRMING_WORDS
  );
}

function contentWords(s: SentenceAnalysis): number {
  return contentStems(s.text).length;
}

/** What the story grouping knows of the two articles as a pair. */
export interface PairStory {
  /**
   * Whether the two share their story themselves, not only through the members that joined them
   * (src/story/group.ts `shareTheirStory`). Only then does one article's framing of the story as false
   * dispute the other's claims, and a lone statement get the low bars that lean on the story; otherwise
   * their sentences speak for themselves.
   */
  shared: boolean;
  /** The names both articles tell throughout (`storyNames`), when read once for the two ways of a pair. */
  names?: ReadonlySet<string>;
}

/**
 * How their article stands toward each of our sentences. Both articles are of one story; `judgeBoth`
 * calls it both ways and makes the two agree. Never more than one judgement per pair of sentences.
 */
export function judgePair(
  ours: ArticleReading,
  theirs: ArticleReading,
  story: PairStory = { shared: true },
  memo?: ParaphraseMemo,
): PairJudgement[] {
  const found = new Map<string, PairJudgement>();
  const put = (o: number, t: number, detail: StanceDetail) => {
    const key = `${o}:${t}`;
    const current = found.get(key);
    // A dispute outranks a confirmation of the same pair; otherwise the first reading stands.
    if (!current || (current.detail.stance !== 'disputes' && detail.stance === 'disputes'))
      found.set(key, { ours: o, theirs: t, detail });
  };
  const ourSide = sideOf(ours);
  const theirSide = sideOf(theirs);
  const short = Math.min(ours.sentences.length, theirs.sentences.length) <= STATEMENT_SENTENCES;
  const lone = short && story.shared;
  // Between articles, two sentences that share only names state no same fact; a headline often
  // refutes another by its names alone ("Bale drops out of the Jobs biopic", "Bale won't play Jobs").
  const aligned = alignSentences(
    ours.sentences,
    theirs.sentences,
    lone ? STATEMENT_ALIGN_FLOOR : ALIGN_FLOOR,
    {
      beyondNames: !lone,
    },
  );
  const context: PairContext = {
    confirmFrom: lone ? STATEMENT_CONFIRM : ALIGNED_CONFIRM,
    lone,
    negationDenies: negationDenies(lone, theirs),
    denials: denialsBetween(ourSide, theirSide),
    memo,
    storyNames: lone ? undefined : (story.names ?? storyNames(ours, theirs)),
    headlines: new Set([ours.sentences[0], theirs.sentences[0]]),
    names: { ours: namedIn(ours), theirs: namedIn(theirs) },
  };
  for (const a of aligned) {
    const detail = judgeAligned(ours.sentences[a.ours], theirs.sentences[a.theirs], context);
    if (detail) put(a.ours, a.theirs, detail);
  }
  // A highlighted claim the alignment left alone (its best match preferred another sentence of ours,
  // one the reader does not see) still gets that match when it states the same fact beyond doubt.
  if (ours.claims && !context.lone) {
    const paired = new Set(aligned.map((a) => a.ours));
    for (const i of ours.claims) {
      if (paired.has(i)) continue;
      const best = bestMatch(ours.sentences, theirs.sentences, i, ALIGN_FLOOR);
      if (!best) continue;
      const detail = judgeAligned(ours.sentences[i], theirs.sentences[best.index], {
        ...context,
        confirmFrom: UNPAIRED_CONFIRM,
      });
      if (detail?.stance === 'confirms') put(i, best.index, detail);
    }
  }
  // Their denials and "cannot confirm"s that the alignment did not pair with a claim of ours: each is
  // linked to the claims it is most about, when its own words say what they say.
  const pairedWith = new Set(aligned.map((a) => a.theirs));
  // A claim is read with the sentences it leans on ("11,000 were already there" after the troops were
  // named): a "cannot confirm" or a named source's negation of a whole statement names what the claim
  // is about, which such a claim leaves to the sentence before. Read only when one of their sentences
  // says so, as few do.
  let ourContext: ArticleReading | undefined;
  theirs.sentences.forEach((t, j) => {
    const cue = cueOf(t, context);
    if (!cue) return;
    // Not for a refutation: read so, refutations disputed claims of outlets that agree (measured on
    // the FNC-1 training bodies).
    const contextual = cue.kind === 'unsure' || cue.negation;
    if (contextual && !ourContext) ourContext = inContext(ours);
    const read = contextual && ourContext ? ourContext : ours;
    // Only an assertion can be doubted or denied: not another denial, nor another "cannot confirm".
    const eligible = (i: number, scope: string) =>
      (cue.kind === 'unsure'
        ? vouchable(ours.sentences[i])
        : affirmative(ours.sentences[i]) && !DOUBTS.test(ours.sentences[i].text)) &&
      (cue.kind === 'denies'
        ? deniedClaim(read.sentences[i], scope, !cue.negation)
        : scopeCovered(read.sentences[i], scope)) &&
      (cue.kind === 'unsure' || beyondSpeaker(read.sentences[i], scope, t.attribution)) &&
      !(cue.negation && alignScore(overlap(ours.sentences[i], t)) >= RESTATES) &&
      deniable(ours.sentences[i], t, scope);
    // Each cue links the claims it is most about (two doubts in one sentence may be of two things).
    const targets = cue.scopes.flatMap((scope) =>
      mostAboutClaims({ ...t, text: scope }, read, CUE_FLOOR, {
        ignore: FRAME_STEMS,
        skip: (i) => !eligible(i, scope),
        ...(cue.kind === 'unsure' ? { share: UNSURE_SHARE } : {}),
      }),
    );
    // A highlighted claim that goes on with a doubted or denied claim's subject ("these soldiers were
    // transported from Oct. 8-13 via seven Russian naval vessels" after "at least 1,500 North Korean
    // troops had already been shipped to Russia") is in doubt with it.
    if (contextual)
      for (const target of [...targets])
        for (let i = target.index + 1; i < ours.sentences.length; i++) {
          if (!antecedentsOf(ours.sentences, i).includes(target.index)) break;
          if (!ours.claims?.has(i) || targets.some((x) => x.index === i)) continue;
          if (cue.scopes.some((scope) => eligible(i, scope))) targets.push({ index: i, score: target.score });
        }
    // A "cannot confirm" right after the sentence that told our claim is about what that sentence told
    // ("Reports on Monday said Rovers had agreed a fee of around £60 million. We have not been able to
    // confirm the fee or that an agreement has been reached"): their article relays our claim and says
    // it cannot vouch for it, so it leaves the claim unclear rather than confirming it. Such a "cannot
    // confirm" points back ("the fee", "the reports", "it"); one that says what it doubts ("whether there
    // are North Korean forces in Russia") is read by its own words, above.
    if (cue.kind === 'unsure' && j > 0)
      for (const [key, told] of found) {
        if (told.theirs !== j - 1 || told.detail.stance !== 'confirms') continue;
        if (
          !vouchable(ours.sentences[told.ours]) ||
          !doubtedBack(t.text).some((x) => pointsAt(x, ours.sentences[told.ours]))
        )
          continue;
        found.delete(key);
        if (!targets.some((x) => x.index === told.ours))
          targets.push({ index: told.ours, score: told.detail.score });
      }
    for (const target of targets) {
      if (pairedWith.has(j) && found.has(`${target.index}:${j}`)) continue;
      put(
        target.index,
        j,
        cue.kind === 'unsure'
          ? { stance: 'unclear', score: round(target.score), basis: 'cannot-confirm' }
          : { stance: 'disputes', score: round(target.score), basis: 'denial' },
      );
    }
  });
  // Their figure of ours confirms a claim they said nothing else of: a claim they doubt, deny or confirm
  // in so many words is read so.
  const judged = new Set([...found.values()].map((j) => j.ours));
  for (const d of numberDisputes(ours, theirs, aligned))
    if (d.detail.stance === 'disputes' || !judged.has(d.ours)) put(d.ours, d.theirs, d.detail);
  if (
    story.shared &&
    ((theirSide === 'debunk' && ourSide === 'report') || (ourSide === 'debunk' && theirSide === 'report'))
  ) {
    for (const d of debunkDisputes(ours, theirs)) {
      // The debunk's reading of a claim replaces any confirmation that article gave the same claim.
      for (const [key, j] of found)
        if (j.ours === d.ours && j.detail.stance === 'confirms') found.delete(key);
      put(d.ours, d.theirs, d.detail);
    }
  }
  // Two debunks of one story agree on what matters to their readers: that the story is false.
  if (story.shared && ourSide === 'debunk' && theirSide === 'debunk')
    for (const d of debunksAgree(ours, theirs)) put(d.ours, d.theirs, d.detail);
  // What their article states and at once says it could not verify leaves our claim unclear, not confirmed
  // (a "cannot confirm" of ours is the same fact as theirs). Its basis stays: it is the same fact told.
  for (const [key, j] of found)
    if (
      j.detail.stance === 'confirms' &&
      unsureAt(ours.sentences[j.ours]) < 0 &&
      unverified(theirs, j.theirs)
    )
      found.set(key, { ...j, detail: { ...j.detail, stance: 'unclear' } });
  return [...found.values()].sort((a, b) => a.ours - b.ours || a.theirs - b.theirs);
}

/**
 * What each "cannot confirm" of a sentence doubts, when it points back rather than saying it: "could not
 * independently verify | the reports", "have not been able to confirm | the fee or that ...", "could not
 * confirm | it". "can't confirm whether there are North Korean forces in Russia" says what it doubts.
 */
function doubtedBack(text: string): { head?: string }[] {
  const out: { head?: string }[] = [];
  for (const m of text.matchAll(EVERY_CANNOT_CONFIRM)) {
    const rest = text.slice((m.index ?? 0) + m[0].length);
    const back = POINTS_BACK.exec(rest);
    if (back) out.push(back[1] ? { head: back[1] } : {});
  }
  return out;
}

/**
 * A definite noun or a pronoun that closes its phrase: what a "cannot confirm" points back with ("that
 * figure", "the union's claims about the alarms"). One that goes on ("the presence of North Korean forces
 * in Russia") says what it doubts.
 */
const POINTS_BACK =
  /^\s+(?:independently\s+)?(?:(?:the|this|that|these|those|such|its|their)\s+(?:[\p{L}-]+['’]s\s+)?([\p{L}-]+)|(?:it|this|that|them|these|those))\s*(?:[,.;]|$|(?:or|and|but|nor|about)\b)/iu;

/** Nouns that point back at a told fact whatever it was about: "the figures", "the account". */
const TELLING_NOUNS: ReadonlySet<string> = new Set(
  'figur number toll account detail inform authent verac content claim report statement'.split(' ').map(stem),
);

/**
 * Whether a "cannot confirm" that points back (`doubtedBack`) points at the claim it follows: by a
 * pronoun, a noun of telling ("the reports", "the figures"), or a noun the claim names ("the fee").
 */
function pointsAt(doubted: { head?: string }, claim: SentenceAnalysis): boolean {
  if (!doubted.head) return true;
  const head = stem(doubted.head.toLowerCase());
  if (TELLING_NOUNS.has(head) || FRAME_STEMS.has(head)) return true;
  return new Set(contentStems(claim.text).map(concept)).has(concept(head));
}

/**
 * Article-level agreement between two debunks of one story: each of our statements of the debunk is
 * confirmed by their statement most about it. Two outlets that call one story false say so in words
 * of their own ("Banksy has not been arrested" and "The Banksy arrest is a hoax, his publicist told
 * The Independent"), rarely in one sentence that restates the other's, so the alignment alone leaves
 * them unlinked; their framing is what they share. Between two debunks a describing word both use
 * ("fake Banksy accounts") is their shared verdict, not a report's subject, so every statement speaks.
 */
function debunksAgree(ours: ArticleReading, theirs: ArticleReading): PairJudgement[] {
  const mine = statementsOf(ours);
  const their = statementsOf(theirs);
  const theirSentences = their.map((j) => theirs.sentences[j]);
  const out: PairJudgement[] = [];
  for (const i of mine) {
    const best = mostAbout(ours.sentences[i], theirSentences, DEBUNK_FLOOR, {
      max: 1,
      ignore: FRAME_STEMS,
    })[0];
    if (best)
      out.push({
        ours: i,
        theirs: their[best.index],
        detail: { stance: 'confirms', score: round(best.score), basis: 'debunk' },
      });
  }
  return out;
}

/**
 * A debunk's sentences that state it (`statesDebunk`, and `speaks` when given), at most
 * DEBUNK_STATEMENTS; a lone statement (a headline) states itself.
 */
function statementsOf(a: ArticleReading, speaks?: (index: number) => boolean): number[] {
  if (a.sentences.length <= STATEMENT_SENTENCES) return a.sentences.length ? [0] : [];
  const out: number[] = [];
  for (let i = 0; i < a.sentences.length && out.length < DEBUNK_STATEMENTS; i++)
    if (statesDebunk(a.sentences[i], i === 0) && (!speaks || speaks(i))) out.push(i);
  return out;
}

/**
 * Both articles' verdicts on each other (`judgePair` each way), made to agree: a dispute between two
 * sentences is mutual, so a sentence that disputes ours is never confirmed by ours in return ("Bale won't
 * play Jobs" denies "Bale to play Jobs", and is disputed by it, not confirmed). Each way alone reads the
 * other article's side, and a headline's negation denies only from an article not read as a report.
 */
export function judgeBoth(
  a: ArticleReading,
  b: ArticleReading,
  story: PairStory = { shared: true },
): { ab: PairJudgement[]; ba: PairJudgement[] } {
  const memo = new ParaphraseMemo();
  // The story's names are the same read either way.
  const both = { ...story, names: storyNames(a, b) };
  const ab = judgePair(a, b, both, memo);
  const ba = judgePair(b, a, both, memo);
  const mutual = (one: PairJudgement[], other: PairJudgement[]) => {
    const disputed = new Map<string, StanceDetail>();
    for (const j of other)
      if (j.detail.stance === 'disputes') disputed.set(`${j.theirs}:${j.ours}`, j.detail);
    // Read from this side: the other side's figure is theirs here.
    const flipped = (dispute: StanceDetail): StanceDetail => {
      const c = dispute.numberConflict;
      return c ? { ...dispute, numberConflict: { ours: c.theirs, theirs: c.ours } } : dispute;
    };
    const judged = new Set(one.map((j) => `${j.ours}:${j.theirs}`));
    const out = one.map((j) => {
      const dispute = disputed.get(`${j.ours}:${j.theirs}`);
      if (!dispute || j.detail.stance !== 'confirms') return j;
      return { ...j, detail: flipped(dispute) };
    });
    // A dispute is mutual: a denial ("the company denied that production is moving to Poland") is
    // disputed by the claim it denies, though read from its side a denial asserts nothing to judge.
    for (const [key, dispute] of disputed) {
      if (judged.has(key)) continue;
      const [o, t] = key.split(':').map(Number);
      out.push({ ours: o, theirs: t, detail: flipped(dispute) });
    }
    return out;
  };
  return { ab: mutual(ab, ba), ba: mutual(ba, ab) };
}

/**
 * Article-level disputes between a debunk and a report of one story. The debunk's statements of it
 * (`debunkStatements`) dispute the report's sentences they are most about, each report sentence quoting
 * the statement most about it; when none is about any in so many words, the report's sentence closest
 * to the debunk's first statement is disputed by it, since both articles tell the same story. Computed
 * in both directions: the report's sentences are disputed by the debunk, and the debunk's statements by
 * the report's sentence most about each.
 */
function debunkDisputes(ours: ArticleReading, theirs: ArticleReading): PairJudgement[] {
  const debunkIsTheirs = theirs.side === 'debunk';
  const debunk = debunkIsTheirs ? theirs : ours;
  const report = debunkIsTheirs ? ours : theirs;
  // Pairs [report sentence, debunk sentence, score], the best statement per report sentence.
  const best = new Map<number, [number, number]>();
  const { indices: stating, stated } = debunkStatements(debunk, report);
  const statements = aboutReport(debunk, stating, report);
  if (!statements.length) return [];
  // In an article, a sentence of a few words ("Then he got a surprise", a related-story link) asserts
  // nothing a debunk could be about; a lone statement is what its article says, however short.
  // Nor does a line about the reporting ("Mr Thomas has been contacted for comment").
  const lone = Math.min(debunk.sentences.length, report.sentences.length) <= STATEMENT_SENTENCES;
  const says = (i: number) =>
    report.sentences.length <= STATEMENT_SENTENCES ||
    (contentWords(report.sentences[i]) >= MIN_CONFIRMING_WORDS && !cuesOf(report.sentences[i]).noComment);
  // When no sentence of the debunk states it, its lead speaks for it; a lead that retells a sentence of
  // this report (the same fact) would read as a confirmation of the story, so it disputes nothing here.
  if (
    !stated &&
    report.sentences.some((r) => alignScore(overlap(debunk.sentences[statements[0]], r)) >= ALIGNED_CONFIRM)
  )
    return [];
  for (const j of statements) {
    const s = debunk.sentences[j];
    // Between headlines and posts, what one denies is what the other's story is.
    const denied = lone ? null : deniedPart(s);
    for (const target of mostAboutClaims(denied ? { ...s, text: denied } : s, report, DEBUNK_FLOOR, {
      max: debunkIsTheirs ? DEBUNK_TARGETS : 1,
      ignore: FRAME_STEMS,
      // What names the thing denied disputes only a sentence that asserts it ("received no reports of
      // injuries" says what "no evidence that any patient has been harmed" does).
      skip: (i) =>
        !says(i) ||
        (denied !== null &&
          (!affirmative(report.sentences[i]) ||
            DOUBTS.test(report.sentences[i].text) ||
            sharedConcepts(denied, report.sentences[i]) < DENIED_SHARED)),
    }))
      if ((best.get(target.index)?.[1] ?? -1) < target.score) best.set(target.index, [j, target.score]);
  }
  if (!best.size && statements.length && (lone || deniedPart(debunk.sentences[statements[0]]) === null)) {
    const lead = mostAboutClaims(debunk.sentences[statements[0]], report, LEAD_FLOOR, {
      max: 1,
      skip: (i) => !says(i),
    })[0];
    if (lead) best.set(lead.index, [statements[0], lead.score]);
  }
  return [...best].map(([r, [d, score]]) => ({
    ours: debunkIsTheirs ? r : d,
    theirs: debunkIsTheirs ? d : r,
    detail: { stance: 'disputes', score: round(score), basis: 'debunk' },
  }));
}

/**
 * What a debunk's statement denies, when that names a thing of its own ("has denied that a steering
 * failure caused the grounding"), or null when the statement denies its story as a whole ("The story is
 * a hoax"). A statement that says whom it denies of by what else they did ("The operator of the ferry
 * that ran aground off Inchmore on Tuesday") is no more about a report's every line of that grounding,
 * and a report whose denial is of one part of its story disputes only that part.
 */
function deniedPart(s: SentenceAnalysis): string | null {
  const whole = cuesOf(s).refutation;
  if (whole === null || !PROPOSITION.test(whole)) return null;
  const scope = withoutOccasion(whole.split(GOES_ON)[0]);
  return concepts(scope).size >= DENIED_SHARED ? scope : null;
}

/** A denial's occasion after what it denies ("... after the rescue", "... amid a row over pay"). */
const OCCASION = /\s(?:after|following|amid|amidst)\s/i;

/**
 * What a denied proposition says without its occasion: "deny ignoring warnings after dramatic Sgurr
 * Lathan rescue" denies what they did, not the rescue every report tells of. Kept whole when what comes
 * before the occasion names too little to be denied alone ("denied fleeing after the crash").
 */
function withoutOccasion(proposition: string): string {
  const head = proposition.split(OCCASION)[0];
  return head !== proposition && concepts(head).size >= DENIED_SHARED ? head : proposition;
}

/**
 * "As" turning to what else is happening ("Ferry operator denies steering failure as investigators
 * board grounded Kestrel Isle"), as headlines join two statements; not "as many as", "as well as".
 */
const GOES_ON = /\sas\s(?!(?:well|many|much|long|soon|far|part|if|though|such|of|a result)\b)(?=\S+\s+\S+)/i;

/**
 * A refutation of a proposition: "denied that ...", "no evidence that ...", "denied paying ...", rather
 * than of a story or a telling ("debunked the 'Bunbury Spiderman' story", "says the story is a hoax").
 */
const PROPOSITION =
  /^(?:\S+\s+){1,2}that\s|^there (?:is|was|has been) no \w+ that\s|^den(?:y|ies|ied)\s+(?!(?:the |these |those |a |an |any )?(?:reports?|claims?|stor(?:y|ies)|rumou?rs?|allegations?|accounts?|accusations?)\b)/i;

/** Concepts of what a statement denies that a report's sentence must name to be the one it disputes. */
const DENIED_SHARED = 2;

/**
 * The sentences of a debunking article that state the debunk to this report: those with a refutation, a
 * debunk frame ("turned out", "no evidence", "satirical") or a refuting word ("hoax", "denied",
 * "staged") in words of its own (`inOwnWords`), and its lead when it negates ("No, a spider did not
 * burrow under his skin"). A debunk's lead often restates the story it refutes ("Last week a video of a
 * generous homeless man went viral"), and quoted as the dispute it would read as a confirmation, so the
 * lead speaks only when no sentence states the debunk (`stated` false: the article-level model read the
 * framing from its words as a whole). A lone statement (a headline) states itself.
 */
function debunkStatements(a: ArticleReading, report: ArticleReading): { indices: number[]; stated: boolean } {
  const indices = statementsOf(a, (i) => inOwnWords(a.sentences[i], i === 0, report));
  return indices.length || !a.sentences.length ? { indices, stated: true } : { indices: [0], stated: false };
}

const conceptsByReading = new WeakMap<ArticleReading, ReadonlySet<string>>();

/** Every content concept of an article's sentences. */
function conceptsOf(a: ArticleReading): ReadonlySet<string> {
  let found = conceptsByReading.get(a);
  if (!found) {
    const all = new Set<string>();
    for (const s of a.sentences) for (const w of contentStems(s.text)) all.add(concept(w));
    found = all;
    conceptsByReading.set(a, found);
  }
  return found;
}

/**
 * Sentences a report must have for what it never mentions to tell: a headline names the story's subject
 * in words of its own ("Meteorite makes big crater in Nicaragua", "Managua explosion not a meteorite").
 */
const MENTION_SENTENCES = 3;

/** Nouns of "there is no evidence that ...", whose subject follows them. */
const NO_EVIDENCE = new Set(['evidence', 'proof', 'sign', 'signs', 'indication', 'record', 'basis']);

/** Words that end a negated clause's subject, reading back from the negation. */
const SUBJECT_STOPS = new Set(['that', 'but', 'and', 'while', 'because', 'says', 'said', 'say', 'claims']);

/** Words back from a negation that can be its subject ("the North Korean soldiers had not"). */
const SUBJECT_REACH = 6;

/** Auxiliaries a negation follows when it denies its clause of the subject before them ("a dam did not"). */
const AUXILIARIES = new Set(
  'is are was were be been do does did has have had will would can could should may might must'.split(' '),
);

/** Pronouns, which name no subject a report could be checked for ("they're not able", "I'm not sure"). */
const PRONOUN_SUBJECT = /^(?:i|you|he|she|it|we|they|this|that|these|those|there|one)(?:'.*)?$/;

/**
 * The concepts of what a statement denies something of: the subject of a negated clause ("No, a dam did
 * not cause the quake": dam; "Christian Bale won't play Jobs": Christian Bale), or what follows "no
 * evidence that" ("there is no evidence that the dam played any role": dam). Undefined when it has no
 * such clause, or its subject is a pronoun ("That is false", "they're not able to", "Fear not").
 */
function deniedSubject(s: SentenceAnalysis): string[] | undefined {
  const words = tokens(s.text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (
      w === 'no' &&
      NO_EVIDENCE.has(words[i + 1] ?? '') &&
      (words[i + 2] === 'that' || words[i + 2] === 'of')
    ) {
      for (let k = i + 3; k < words.length; k++) {
        if (PRONOUN_SUBJECT.test(words[k])) return undefined;
        if (!isStopword(words[k]) && !isNegation(words[k])) return [concept(stem(words[k]))];
      }
      return undefined;
    }
    if (w === 'no' || !negatesAt(words, i)) continue;
    // The negation must deny its clause: after an auxiliary ("did not", "is never") or fused with one
    // ("didn't", "won't"), its subject before it.
    let k = i - 1;
    if (!w.endsWith("n't")) {
      while (k >= 0 && NEGATION_ADVERBS.has(words[k])) k--;
      if (k < 0 || !AUXILIARIES.has(words[k])) return undefined;
      k--;
    }
    const subject: string[] = [];
    for (; k >= 0 && k >= i - SUBJECT_REACH; k--) {
      const word = words[k];
      if (PRONOUN_SUBJECT.test(word)) return undefined;
      if (isNegation(word) || SUBJECT_STOPS.has(word) || AUXILIARIES.has(word)) break;
      if (!isStopword(word)) subject.push(concept(stem(word)));
    }
    return subject.length ? subject : undefined;
  }
  return undefined;
}

/**
 * A debunk's statements that may be about a report: all but those that deny something of what the
 * report never mentions (`deniedSubject` names nothing the report's sentences name). Such a statement
 * checks another claim of the story (a rumour told around it: "No, a dam did not cause the Peru
 * earthquake" beside reports of the quake) and disputes nothing the report says; when every statement is
 * so, neither does the debunk's lead. A report of a sentence or two (a headline) names the story's
 * subject in words of its own, so only a longer one is asked.
 */
function aboutReport(debunk: ArticleReading, statements: number[], report: ArticleReading): number[] {
  if (report.sentences.length <= MENTION_SENTENCES) return statements;
  const mentioned = conceptsOf(report);
  return statements.filter((j) => {
    const subject = deniedSubject(debunk.sentences[j]);
    return !subject || subject.some((c) => mentioned.has(c));
  });
}

/** Sentences of a debunking article read as its statements of the debunk, at most. */
const DEBUNK_STATEMENTS = 4;

function statesDebunk(s: SentenceAnalysis, lead: boolean): boolean {
  const c = cuesOf(s);
  // "There was no immediate comment from the authorities" says nothing of the story, and "Lin insists
  // none of the videos were staged" reports the debunk denied.
  if (c.noComment || c.deniedDebunk) return false;
  return c.refutes >= 0 || c.framed || c.refuting || (lead && c.negated);
}

/**
 * Whether a debunk's statement says so in words of its own rather than in the report's: when the report
 * itself calls its subject a prankster ("whose channel usually features pranks") or mentions a fake
 * passport, "the prankster returned to his car" and "detained with a fake ID" tell the story, not the
 * debunk's verdict on it. Only words that can describe the story's subject (`subjectWord`) are
 * asked; a denial, a doubt or a phrase ("turned out", "no evidence") always speaks, and so does a
 * negating lead. The report's sentences that deny something ("maintains the video was not staged") do
 * not lend it their words: they answer the debunk.
 */
function inOwnWords(s: SentenceAnalysis, lead: boolean, report: ArticleReading): boolean {
  if (lead && cuesOf(s).negated) return true;
  const used = plainWordsOf(report);
  // A denial named as the time of something else ("had gathered 31,000 signatures by Thursday morning,
  // before the denial was issued") tells of that thing, not the debunk.
  return debunkCues(s.text.replace(DENIAL_AS_TIME, ' ')).some((cue) => {
    const word = /\s/.test(cue) ? undefined : subjectWord(cue);
    return !word || !used.has(word);
  });
}

/** A denial or correction named as a time: "before the denial was issued", "after its denial". */
const DENIAL_AS_TIME =
  /\b(?:before|after|since|until|following|ahead of)\s+(?:the|its|their|his|her|a)\s+(?:[\p{L}-]+\s+)?(?:denial|denials|rebuttal|correction|retraction)\b[^,;.]*/giu;

const plainWords = new WeakMap<ArticleReading, Set<string>>();

/** The describing refuting words (`subjectWord`) of an article's sentences that neither negate nor refute anything. */
function plainWordsOf(a: ArticleReading): Set<string> {
  let words = plainWords.get(a);
  if (!words) {
    words = new Set<string>();
    for (const s of a.sentences) {
      const c = cuesOf(s);
      if (c.negated || c.refutes >= 0) continue;
      for (const w of tokens(s.text)) {
        const word = subjectWord(w);
        if (word) words.add(word);
      }
    }
    plainWords.set(a, words);
  }
  return words;
}

/**
 * Their numbers that conflict with ours: for each claim of ours with a number, their most related
 * sentence giving a different number for the same thing (same unit, same scale, not compatible), unless
 * their article also states a number compatible with ours for that thing. An outlet that gives both
 * figures (one official's and another's) does not dispute either. A bare figure is read through the
 * alignment (`aligned`, the two articles' sentences that state the same fact): it counts what the same
 * figure counts in the other article's sentence of that fact.
 */
function numberDisputes(
  ours: ArticleReading,
  theirs: ArticleReading,
  aligned: readonly Aligned[],
): PairJudgement[] {
  const out: PairJudgement[] = [];
  // Each sentence's counts: its figures, and a count of no one harmed ("No one was injured").
  const theirCounts = theirs.sentences.map(countsOf);
  if (!theirCounts.some((t) => t.length)) return out;
  const ourCounts = ours.sentences.map(countsOf);
  // A figure that names nothing it counts ("Budanov warned 11,000 were already there") counts what the
  // same figure counts in the other article's sentence that states the same fact ("close to 11,000 North
  // Korean troops are in Russia").
  const ourFact = new Map<number, number>();
  const theirFact = new Map<number, number>();
  for (const a of aligned) {
    ourFact.set(a.ours, a.theirs);
    theirFact.set(a.theirs, a.ours);
  }
  const restated = (
    n: NumberMention,
    fact: number | undefined,
    other: ArticleReading,
  ): { sentence: SentenceAnalysis; number: NumberMention } | null => {
    if (n.unit || fact === undefined) return null;
    const sentence = other.sentences[fact];
    const number = sentence.numbers.find(
      (z) => z.unit && !z.denied && compatible(z, n) && sameScale(z, n, CONFLICT_RATIO),
    );
    return number ? { sentence, number } : null;
  };
  // The likeness of whole sentences, as the alignment of the two articles scored them.
  const scores = pairScores(ours.sentences, theirs.sentences);
  // Which article is the later, read once per pair of articles (`laterTally`).
  const apart = publishedApart(ours, theirs);
  // What each figure is, read once per figure rather than once per pair of figures.
  const ourFigures = ours.sentences.map((s, i) => figuresOf(s, ourCounts[i]));
  const theirFigures = theirs.sentences.map((s, j) => figuresOf(s, theirCounts[j]));
  // The figures of each sentence that state a count now: not "from 4.3 percent", a change's start.
  const stating = (counts: readonly (readonly NumberMention[])[], read: readonly Figure[][]) =>
    counts.map((numbers, i) => numbers.filter((_, k) => !read[i][k].aside));
  const ourStating = stating(ourCounts, ourFigures);
  const theirStating = stating(theirCounts, theirFigures);
  // A sentence that gives our figure beside another ("about 62 acres; another listing says about 82")
  // reports both and disputes neither; nor is ours disputed by a figure it gives itself.
  // The very same figure written exactly is given too, named or not ("the 6.8 reported by the U.S.
  // Geological Survey" of "a magnitude of 6.8").
  // So is a total of people their parts add up to ("a total of 180 passengers and crew" of "174
  // passengers and 6 crew").
  // And a figure stated as it stands, no change of its own, that the other gives as where a change
  // started ("The old rate of 11.40 florins" of "from 11.40 florins to 12.90 florins") is given there,
  // not disputed by where it went; "rose to 4.3 percent" is no such figure of "fell to 4.1 percent from
  // 4.3 percent".
  const givenBefore = (s: SentenceAnalysis, figures: readonly NumberMention[], y: NumberMention) =>
    !y.change &&
    !y.reached &&
    figures.some((z) => !z.denied && isPrevious(s, z) && sameQuantity(z, y) && compatible(z, y));
  const given = (figures: readonly NumberMention[], y: NumberMention) =>
    figures.some(
      (z) => !z.denied && ((sameQuantity(z, y) && compatibleWithin(y, z, figures)) || sameFigure(z, y)),
    ) || addsUpTo(figures, y);
  ours.sentences.forEach((c, i) => {
    const cn = ourCounts[i];
    if (!cn.length) return;
    let asserts: boolean | undefined;
    const asserted = () => {
      asserts ??= affirmative(c);
      return asserts;
    };
    // Per figure of ours: their best dispute of it, and whether a sentence of theirs states it. A figure
    // their article states is disputed by none of its others; another figure of the same sentence may be
    // ("raises the retirement age to 67 ..., saving 1.4 billion euros" against "to 67 ..., will save
    // 1.2 billion euros").
    const best: (PairJudgement | undefined)[] = cn.map(() => undefined);
    const stated: boolean[] = cn.map(() => false);
    // Their sentence that states a telling figure of ours of the same thing, in a clause about it.
    let confirmed: PairJudgement | undefined;
    const keep = (xi: number, j: number, score: number, conflict: { ours: string; theirs: string }) => {
      if ((best[xi]?.detail.score ?? -1) >= score) return;
      best[xi] = {
        ours: i,
        theirs: j,
        detail: { stance: 'disputes', score: round(score), basis: 'numbers', numberConflict: conflict },
      };
    };
    theirs.sentences.forEach((t, j) => {
      const tn = theirCounts[j];
      if (!tn.length) return;
      // A sentence of theirs that states another sentence of ours, giving every figure of it ("Sales fell
      // 3 percent to 38.4 billion euros" of "Revenue slipped 3 percent to 38.4 billion euros"), is about
      // that sentence's quantities, not a rival of this one's ("net profit fell 18 percent to 2.1 billion"),
      // unless that sentence gives another value of one of this one's quantities (our article tells of two
      // estimates, "11,000" and Zelensky's "10,000", and theirs of one of them).
      const fact = theirFact.get(j);
      if (fact !== undefined && fact !== i) {
        const other = ourCounts[fact];
        // Which way they say it changed is for the pair of sentences that state it to dispute.
        const statesIt = (y: NumberMention) =>
          other.some((z) => !z.denied && sameQuantity(z, y) && compatible({ ...z, change: y.change }, y));
        if (
          tn.every(statesIt) &&
          !other.some((z) => cn.some((x) => sameQuantity(x, z) && valuesWithin(x, z, CONFLICT_RATIO)))
        )
          return;
      }
      const whole = scores[i][j];
      const oursGiven = cn.map((x) => given(theirStating[j], x) || givenBefore(t, tn, x));
      const theirsGiven = tn.map((y) => given(ourStating[i], y) || givenBefore(c, cn, y));
      for (const [xi, x] of cn.entries()) {
        for (const [yi, y] of tn.entries()) {
          const fx = ourFigures[i][xi];
          const fy = theirFigures[j][yi];
          if (fx.aside || fy.aside) continue;
          const rx = restated(x, ourFact.get(i), theirs);
          const ry = restated(y, theirFact.get(j), ours);
          const xu = rx?.number ?? x;
          const yu = ry?.number ?? y;
          // A count of no one harmed counts the harmed ("none of the passengers was hurt" and "two
          // people were hurt"), and stands against a count of the same harm only: "No one was killed" says
          // nothing of "two people were injured", nor of "40 firefighters were sent".
          const none = fx.none || fy.none;
          const ox = { text: c.text, figure: x, figures: cn };
          const oy = { text: t.text, figure: y, figures: tn };
          if (
            none
              ? !sameHarm(fx.none ? ox : oy, fx.none ? oy : ox, fx.none && fy.none)
              : !unitsAgree(xu, yu) && !((countsPeople(xu) || countsPeople(yu)) && harmedAlike(ox, oy))
          )
            continue;
          // Two tallies of one event's people (the dead, the missing) are two quantities.
          if (!none && otherTally(ox, oy)) continue;
          // A record ("the biggest catfish ever caught was 22 stone") is another quantity than the count
          // a story reports.
          if (fx.record !== fy.record) continue;
          // Nor is what someone asked for what came of it.
          if (fx.requested !== fy.requested) continue;
          // Nor what a place can hold how many it held.
          if (fx.capacity !== fy.capacity) continue;
          // Nor a part of a group the whole of it ("two of them seriously", "Three people died").
          if (fx.part !== fy.part) continue;
          // Nor what a poll or a forecast gave what came ("The exit poll had shown Civic Union on 38 percent",
          // "Official results gave ... Civic Union 35.8 percent").
          if (fx.forecast !== fy.forecast) continue;
          // Nor is a turnout a share of the vote ("Turnout in the referendum was 48 percent", "54.3 percent
          // voting in favour").
          if (fx.turnout !== fy.turnout) continue;
          // Nor are figures of two quarters one figure ("third-quarter revenue of $4.21bn", "fourth-quarter
          // revenue of about $4.4 billion").
          if (fx.period && fy.period && fx.period !== fy.period) continue;
          // Nor are shares of two wholes one share ("12 percent of the airline's operating expenses",
          // "80 percent of its cabin staff").
          if (sharesOfTwoWholes(c.text, x, t.text, y)) continue;
          // Nor is a change a share of a whole ("cloud up 23%", "roughly 6 percent of its workforce").
          if (!x.change !== !y.change && (wholeOf(c.text, x) || wholeOf(t.text, y))) continue;
          // Nor are figures of two places one figure ("In Dublin, ... 2,410 euros a month", "in Cork now
          // pays about 1,800 euros a month").
          if (placesApart(c, t)) continue;
          // Nor figures of two times ("Last year a magnitude 4.8 tremor", "the strongest aftershock, of
          // magnitude 4.8").
          if (timesApart(c, t)) continue;
          // How related the two numbers' own clauses and counted things are. Two sentences of one story
          // say much the same around different quantities ("dismissed for 25 years of absence", "employed
          // for 35 years"), so the likeness of the whole sentences is no sign of a conflict. An age is
          // said of one person, and a story has several ("a 22-year-old man", "another 40-year-old
          // man"): two ages are one person's only when the two sentences say much the same.
          const age = isAge(x) || isAge(y);
          // So are the one age of a person each of two sentences the alignment pairs as one fact gives ("A man in
          // his 60s died when a tree fell on his car", "The 71-year-old was driving ... when the tree came down").
          if (
            age &&
            whole < BARE_NUMBER_FLOOR &&
            !(ourFact.get(i) === j && onePersonsAge(c, cn) && onePersonsAge(t, tn)) &&
            !oneNamedAge(c, cn, t, tn)
          )
            continue;
          // Read only once the cheap tests leave the pair in question: most pairs of figures are not.
          const relatedAt = (
            cs: SentenceAnalysis,
            xs: NumberMention,
            ts: SentenceAnalysis,
            ys: NumberMention,
          ) =>
            Math.max(
              alignScore(overlap(around(cs, xs), around(ts, ys))),
              countedAlike(cs.text, xs, ts.text, ys) ? NUMBER_FLOOR : 0,
            );
          const related = () => {
            if (age) return whole;
            let r = relatedAt(c, x, t, y);
            // Two sentences that say much the same, and of one kind of people say one thing befell them
            // ("left 25 workers trapped", "Twenty-three miners were trapped"), count one thing, however far
            // apart the rest of their clauses' words.
            if (whole >= BARE_NUMBER_FLOOR && unitsAgree(xu, yu) && sameFate(c.text, x, t.text, y))
              r = Math.max(r, whole);
            // Two counts of people of one tally count one thing however their clauses word it ("Seven
            // people remain missing", "Five people are still unaccounted for").
            // A count of one place is a part of the event's ("Twenty-three people died in Teluma").
            if (
              !none &&
              countsPeople(xu) &&
              countsPeople(yu) &&
              sameTally(ox, oy) &&
              !countedElsewhere(c, x, t) &&
              !countedElsewhere(t, y, c)
            )
              r = Math.max(r, NUMBER_FLOOR);
            if (rx) r = Math.max(r, relatedAt(rx.sentence, rx.number, t, y));
            if (ry) r = Math.max(r, relatedAt(c, x, ry.sentence, ry.number));
            return r;
          };
          // One sentence denies a figure the other asserts ("employs 1,800 people, not 2,000" against "about
          // 2,000 people"): a dispute in so many words, whichever of the two is ours. A denied figure that is
          // no figure of the other sentence says nothing.
          if (x.denied || y.denied) {
            // Only an asserted figure is disputed so: "makes an unconfirmed claim that at least 10 ..." tells
            // of the figure a denial also rejects.
            if (x.denied === y.denied || !compatible(x, y) || !(y.denied ? asserted() : affirmative(t)))
              continue;
            // Read against the two clauses and sentences alone: a bare denied figure restated through the
            // other sentence would be that sentence's own figure, related to itself. A denial of the very
            // figure of the same thing ("4,800 adults, not 48,000" against "about 48,000 middle-aged adults")
            // needs less of the rest of the sentence to say so.
            const score = Math.max(whole, relatedAt(c, x, t, y));
            const floor = sameQuantity(x, y) ? NUMBER_UNIT_SIMILARITY : NUMBER_FLOOR;
            if (score < floor || (!x.unit && !y.unit && score < BARE_NUMBER_FLOOR)) continue;
            const conflict = y.denied
              ? { ours: x.raw, theirs: statedInstead(t, y)?.raw ?? `not ${y.raw}` }
              : { ours: statedInstead(c, x)?.raw ?? `not ${x.raw}`, theirs: y.raw };
            keep(xi, j, score, conflict);
            continue;
          }
          // A sentence like ours with a compatible figure (within both ends of a range) states ours: for that,
          // the likeness of the whole sentences is evidence enough ("Seven girls as young as 13 …" and "7 teen
          // girls …").
          if (compatibleWithin(x, y, tn)) {
            if (!stated[xi] && (whole >= NUMBER_FLOOR || related() >= NUMBER_FLOOR)) stated[xi] = true;
            // A telling figure (`telling`: a count of ten or more, a share, a sum of money), given for the same
            // thing in a clause about it, is the same fact stated, however the rest of the sentences word
            // it ("Shares of Kestrel fell 6.2% to $41.18" and "Kestrel's shares tanked 6 per cent").
            if (
              !none &&
              telling(xu) &&
              // A margin, like a tally, recurs across contests ("won by 19 votes").
              !marginOf(c.text, x) &&
              yu.unit &&
              valuesWithin(inBaseUnit(xu), inBaseUnit(yu), FIGURE_CONFIRM_RATIO) &&
              !isPrevious(c, x) &&
              cuesOf(c).refutes < 0 &&
              !cuesOf(t).refuting &&
              cuesOf(t).unsure < 0
            ) {
              const score = related();
              // The very sum of money, to the unit, tells its fact by itself however each clause words what
              // it paid ("reported revenue of $31.4 billion last year", "sales totalled $31.4bn in 2025").
              const sum = sameSum(xu, yu);
              if (
                (sum ? Math.max(score, whole) >= SAME_SUM_FLOOR : score >= NUMBER_FLOOR) &&
                score > (confirmed?.detail.score ?? -1)
              )
                confirmed = {
                  ours: i,
                  theirs: j,
                  detail: { stance: 'confirms', score: round(score), basis: 'numbers' },
                };
            }
            continue;
          }
          if (oursGiven[xi] || theirsGiven[yi] || offByOne(x, y)) continue;
          // Nor are two changes over two spans, one of them named, one change.
          if ((x.change || y.change) && (fx.span || fy.span) && fx.span !== fy.span) continue;
          // No one harmed is a rival of any count of the harmed, however many.
          // Two margins of one unit are one margin though far apart ("by just 91 votes", "by a wafer-thin 19
          // votes"), up to a tenfold.
          if (
            !(
              none ||
              conflictScale(x, y) ||
              (marginOf(c.text, x) && marginOf(t.text, y) && sameScale(x, y, MARGINS_APART))
            )
          )
            continue;
          if (apart !== 0 && laterTally(apart, c, x, t, y)) continue;
          // Nor is a count told as it stood at an hour of the day ("By midday, the airline had cancelled 380
          // flights") a rival of a larger one: the count went on.
          if ((x.value < y.value && countSoFar(c, x)) || (y.value < x.value && countSoFar(t, y))) continue;
          if (levelBefore(x, y) || levelBefore(y, x)) continue;
          const score = none ? Math.max(related(), whole) : related();
          // Two counts of one harm count one thing, as two figures of one unit do.
          if (
            none
              ? score < NONE_FLOOR
              : score < NUMBER_FLOOR ||
                (!(xu.unit && yu.unit) &&
                  score < BARE_NUMBER_FLOOR &&
                  !namesOneQuantity(c.text, x, t.text, y))
          )
            continue;
          keep(xi, j, score, { ours: figureText(x, y), theirs: figureText(y, x) });
        }
      }
    });
    let top: PairJudgement | undefined;
    best.forEach((b, xi) => {
      if (b && !stated[xi] && (!top || b.detail.score > top.detail.score)) top = b;
    });
    if (top) out.push(top);
    else if (confirmed) out.push(confirmed);
  });
  return out;
}

/**
 * How near two figures must be for one to confirm the other by itself: "more than 4,000 nurses" states
 * "about 4,200"; "at least 31 dead" does not state "at least 43", nor "more than 11,000" 12,000, though
 * neither excludes the other.
 */
const FIGURE_CONFIRM_RATIO = 1.06;

/**
 * Whether a figure says enough by itself to tell a fact: a count of a named thing of ten or more, a
 * figure with decimals, a share or a sum of money. Small counts ("two people", "three carriages") recur
 * across the facts of one story.
 */
function telling(x: NumberMention): boolean {
  // A span ("a median follow-up of 26 months") is as often a detail of how as the fact itself.
  // Nor is a score or a tally: its two small counts ("voted 7-4") recur across councils and matches.
  if (!x.unit || x.denied || x.unit === SCORE_UNIT || unitOf(x.unit)?.kind === 'time') return false;
  return x.value >= 10 || !Number.isInteger(x.value) || x.unit === '%' || isMoneyUnit(x.unit);
}

/**
 * What a running tally of an event counts: the dead and the hurt, homes destroyed, land burned, a fire's
 * containment, people evacuated, arrested, infected or missing. Such a count grows while the event goes on.
 */
const TALLY =
  /\b(?:kill|dead|death|die[ds]?|toll|injur|wound|hurt|destroy|damag|burn|contain|evacuat|displac|flee|fled|arrest|detain|infect|cases|missing|rescu|hospitali[sz])/i;

/** Time between two articles' publication from which a count in the later one may have moved on. */
const LATER_MS = 12 * 60 * 60 * 1000;

/**
 * Whether two figures are one tally at two moments rather than a conflict: both count an event's toll
 * (`TALLY`, in the figure's own clause), the articles were published half a day or more apart (`apart`), and the
 * later one gives the larger figure ("destroyed 300 homes" on Monday, "has destroyed 410 homes" on
 * Tuesday). A later, smaller count stays a dispute: a toll revised down, or outlets that disagree.
 */
function laterTally(
  apart: number,
  c: SentenceAnalysis,
  x: NumberMention,
  t: SentenceAnalysis,
  y: NumberMention,
): boolean {
  if ((apart > 0 ? y.value - x.value : x.value - y.value) <= 0) return false;
  return TALLY.test(around(c, x).text) && TALLY.test(around(t, y).text);
}

/**
 * A count told as it stood at an hour of the day, not as it ended: "By 6pm, police said 17 people had
 * been arrested", "had cancelled 380 flights by midday", "as of 5 p.m.". Not a deadline of days or years
 * ("by 2030", "by Friday"), which tells a target.
 */
const SO_FAR =
  /\b(?:by|as of|as at)\s+(?:about\s+|around\s+|early\s+|late\s+|mid-?)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|midday|noon|lunchtime|nightfall|dusk|(?:this|that|the)\s+(?:morning|afternoon|evening)|(?:morning|afternoon|evening))(?![\p{L}])|\bso far (?:today|this (?:morning|afternoon|evening))\b/iu;

/** Whether a figure's own stretch of the sentence tells it as it stood at an hour (`SO_FAR`). */
function countSoFar(s: SentenceAnalysis, n: NumberMention): boolean {
  return SO_FAR.test(s.text.slice(Math.max(0, n.start - 60), n.end + 30));
}

/**
 * How the two articles' publication lies apart: 1 when theirs came half a day or more after ours (`LATER_MS`),
 * -1 when before, 0 when closer or when either date is unknown.
 */
function publishedApart(ours: ArticleReading, theirs: ArticleReading): number {
  if (!ours.publishedAt || !theirs.publishedAt) return 0;
  const gap = Date.parse(theirs.publishedAt) - Date.parse(ours.publishedAt);
  return Math.abs(gap) >= LATER_MS ? Math.sign(gap) : 0;
}

/**
 * Whether `a` may be the level before the change that reached `b`: "winds dropped to 115 mph" came from
 * above, so "made landfall with winds of 130 mph" tells of before it, not against it (130 against a rise
 * to 115 would be).
 */
function levelBefore(a: NumberMention, b: NumberMention): boolean {
  if (a.reached || !b.reached) return false;
  return b.reached === 'down' ? a.value > b.value : a.value < b.value;
}

/**
 * How alike two sentences of one story must be for a count of no one harmed and a count of the same harm
 * to be rivals: the harm names what both count, so the rest of the two need share little ("There were no
 * injuries, the fire service said" and "Two workers were injured when a gas explosion destroyed a warehouse").
 */
const NONE_FLOOR = 0.15;

/** Counts this small are told apart by their difference, not their ratio ("one point" and "two points"). */
const SMALL_COUNT = 10;
const SMALL_COUNT_GAP = 2;

/**
 * Whether two figures are near enough to be rival counts of one thing rather than a part and the whole.
 * Small counts differ by a ratio of two and more for a single step ("one person killed", "two people").
 */
function conflictScale(x: NumberMention, y: NumberMention): boolean {
  // An amount twice another is still a rival figure ("fined him $250,000", "a $500,000 fine"); of small
  // counts, three and six are as likely a part and the whole.
  if (sameScale(x, y, CONFLICT_RATIO) || (Math.min(x.value, y.value) >= DOUBLED_FROM && doubled(x, y)))
    return true;
  return (
    x.unit !== '%' &&
    Number.isInteger(x.value) &&
    Number.isInteger(y.value) &&
    Math.max(x.value, y.value) <= SMALL_COUNT &&
    Math.abs(x.value - y.value) <= SMALL_COUNT_GAP
  );
}

/** Whether two figures' values are within a ratio, shares too (`sameScale` holds any two shares alike). */
function valuesWithin(a: NumberMention, b: NumberMention, ratio: number): boolean {
  return (
    sameScale(a, b, ratio) && Math.max(a.value, b.value) < ratio * Math.max(1e-9, Math.min(a.value, b.value))
  );
}

/** Two figures that name the same kind of unit ("acres" and "acre", "troops" and "soldiers"). */
function sameQuantity(a: NumberMention, b: NumberMention): boolean {
  return !!a.unit && !!b.unit && unitsAgree(a, b);
}

/** Qualifier words before a number that say nothing of what it counts. */
const QUALIFYING = new Set([
  'estimated',
  'nearly',
  'around',
  'about',
  'some',
  'approximately',
  'roughly',
  'almost',
]);

/** `countedWords` of each number of a sentence, kept with the text it was read in. */
const countedCache = new WeakMap<NumberMention, CountedReading>();

/**
 * The content words naming what a number counts, up to three after it and two before it within its
 * clause, and the two before it alone (`lead`, when there are two).
 */
function countedReading(text: string, n: NumberMention): CountedReading {
  const cached = countedCache.get(n);
  if (cached?.text === text) return cached;
  const read = { text, ...readCountedWords(text, n), named: quantityNamed(text, n) };
  countedCache.set(n, read);
  return read;
}

/** What a figure counts, read from its clause (`readCountedWords`), and the quantity it names (`quantityNamed`). */
interface CountedReading {
  text: string;
  words: Set<string>;
  lead: string;
  named: string | undefined;
}

/** Words that name a figure as a figure, not the quantity it is of ("a total of 180", "the number of"). */
const FIGURE_WORDS = new Set(
  'total number sum amount figure figures estimate estimates value tally count average maximum minimum range level group crowd team list series set lot couple dozen'.split(
    ' ',
  ),
);

/** A quantity's name, then a verb giving its level, before the figure ("The median age is now 43", "the death toll rose to 41"). */
const LEVEL_OF =
  /(?:^|[\s(])([a-zA-Z][a-z'’-]*)\s+([a-z][a-z'’-]*)\s+(?:(?:has|have|had)\s+)?(?:(?:now|still|currently|already)\s+)?(?:been\s+)?(?:is|was|are|were|stood|stands|rose|risen|fell|fallen|grew|grown|dropped|climbed|increased|decreased|declined|jumped|slipped|reached|hit|totall?ed|came)\s+(?:(?:now|still)\s+)?(?:(?:to|at|in at)\s+)?$/i;
/** A quantity's name before "of" and the figure ("a pay-off of around £2.5m", "a ransom of 50 bitcoin"). */
const NAMED_OF = /(?:^|\s)([a-z][a-z'’-]*)\s+of\s+$/i;

/**
 * The quantity a figure is the value of, when its words name one: the subject of a verb giving its level
 * ("The national median age is now 43", "The national median age rose to 41.3 years": median age), the noun
 * before "of" ("a pay-off of around £2.5m": pay-off) or, for a sum of money, the noun after it ("a £4 million
 * pay-off"). Two figures naming one quantity are two values of it, though one names no unit.
 */
function quantityNamed(text: string, n: NumberMention): string | undefined {
  const before = text.slice(Math.max(0, n.start - 60), n.start);
  const level = LEVEL_OF.exec(before);
  if (level) {
    // "The toll rose to 41": one word names it when the other is an article or a pronoun.
    const words = [level[1], level[2]].filter((w) => !isStopword(w.toLowerCase()));
    // A name ("at St. Brigid's Children's Hospital has risen to 23") ends a phrase about where, not a quantity.
    if (words.at(-1) === level[2] && !FIGURE_WORDS.has(level[2]) && !words.some((w) => /^[A-Z]/.test(w)))
      return words.map((w) => concept(stem(w))).join(' ');
  }
  const of = NAMED_OF.exec(before);
  if (of) {
    const w = of[1].toLowerCase();
    if (!isStopword(w) && !FIGURE_WORDS.has(w)) return concept(stem(w));
  }
  if (isMoneyUnit(n.unit)) {
    // The unit may follow the figure ("2.5 million pounds in compensation"): the noun is after it.
    const after = text
      .slice(n.end, n.end + 32)
      .replace(/^\s*[a-z]+\b/i, (w) => (isMoneyUnit(w.trim()) ? '' : w));
    const next = /^\s+([a-z][a-z'’-]*)/i.exec(after)?.[1]?.toLowerCase();
    if (next && !isStopword(next) && !FIGURE_WORDS.has(next)) return concept(stem(next));
  }
  return undefined;
}

/** The words of a percentage's unit. */
const PERCENT_WORD = /^(?:percent|per|cent|pc|percentage|%)$/i;

function readCountedWords(text: string, n: NumberMention): { words: Set<string>; lead: string } {
  const after = tokens(text.slice(n.end, n.end + 48).split(/[,;:.!?()“”"]/)[0] ?? '');
  const before = tokens(
    text
      .slice(Math.max(0, n.start - 30), n.start)
      .split(/[,;:.!?()“”"]/)
      .pop() ?? '',
  );
  // A percentage's own word is its unit, no word of what it counts: "inflation, which reached 6 percent"
  // and "occupancy ... had reached 95 percent" share "reached" alone.
  const unit = n.unit === '%' ? PERCENT_WORD : null;
  const pick = (words: readonly string[], k: number) =>
    words
      .filter((w) => !isStopword(w) && !QUALIFYING.has(w) && !/^\d/.test(w) && !unit?.test(w))
      .slice(0, k)
      .map((w) => concept(stem(w)));
  const lead = pick([...before].reverse(), 2);
  return { words: new Set([...pick(after, 3), ...lead]), lead: lead.length === 2 ? lead.join(' ') : '' };
}

/**
 * Whether two numbers count the same thing by the words around them: at least two of them shared, and
 * most of the shorter side ("10,000 North Korean soldiers" and "11,000 North Korean troops").
 */
function countedAlike(a: string, x: NumberMention, b: string, y: NumberMention): boolean {
  const ra = countedReading(a, x);
  const rb = countedReading(b, y);
  // The same two words right before two figures of one unit name one quantity ("profit fell to $298
  // million", "Net profit fell to $312 million").
  if (ra.lead && ra.lead === rb.lead && x.unit && x.unit === y.unit) return true;
  // So do two figures that name one quantity (`quantityNamed`), of units that agree.
  if (ra.named && ra.named === rb.named && unitsAgree(x, y)) return true;
  // So do two terms a court or a body set ("sentenced to 16 years", "was sentenced to 18 years in March";
  // "banned for four years"), and two margins ("won by just 91 votes", "lost by 19 votes").
  if (unitsAgree(x, y) && x.unit && y.unit) {
    if (termOf(a, x) && termOf(b, y) && termHolder(a, x) === termHolder(b, y)) return true;
    if (marginOf(a, x) && marginOf(b, y)) return true;
  }
  // Two tallies of a vote are one tally of the story's vote, whichever verb tells it ("The budget passed
  // 7-4", "The council voted 8-3 late Monday to pass the plan").
  if (x.unit === SCORE_UNIT && y.unit === SCORE_UNIT && votedAt(a, x) && votedAt(b, y)) return true;
  // So does one thing done to both, of one unit: "surveyed twelve sites" and "surveyed fourteen sites";
  // "Police evacuated 296 residents" and "About 400 people were evacuated".
  // Not of two percentages: "reached 6 percent" and "had reached 95 percent" are levels of anything.
  if (unitsAgree(x, y) && x.unit && y.unit && !SPAN_UNIT.test(x.unit) && x.unit !== '%') {
    const dx = doneBefore(a, x);
    const dy = doneBefore(b, y);
    if ((dx && dx === (dy ?? fateOf(b, y))) || (dy && dy === fateOf(a, x))) return true;
  }
  const wa = ra.words;
  const wb = rb.words;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= 2 && shared / Math.min(wa.size, wb.size) >= 0.6;
}

/** Likeness of whole sentences (or of their figures' clauses) from which the very sum of money states one fact. */
const SAME_SUM_FLOOR = 0.1;

/**
 * Two sums of money of one currency, both exact, the same to the unit and of three significant digits or
 * more ("$31.4 billion", "112 million pounds"): rounder sums recur across a story's facts ("$1.5 million
 * for the youth summer jobs program", "$1.5 million on park maintenance").
 */
function sameSum(x: NumberMention, y: NumberMention): boolean {
  return (
    !!x.unit &&
    significantDigits(x.value) >= 3 &&
    isMoneyUnit(x.unit) &&
    unitsAgree(x, y) &&
    x.qualifier === 'exact' &&
    y.qualifier === 'exact' &&
    x.value === y.value &&
    !x.change &&
    !y.change
  );
}

/** The digits of a value from its first to its last that is not zero: 31,400,000,000 has three. */
function significantDigits(v: number): number {
  return String(Math.abs(v)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** The ratio from which two margins are of two contests ("by 19 votes", "by 6,312 votes only two years ago"). */
const MARGINS_APART = 10;

/** Words that set a term before its span: "sentenced to", "jailed for", "banned for a total of". */
const TERM_BEFORE =
  /\b(?:sentenced|jailed|imprisoned|banned|suspended|barred|disqualified|locked up)\s+(?:\w+\s+)?(?:to|for)\s+(?:a\s+(?:total\s+of\s+)?)?$/i;
/** A term named after its span: "a 16-year prison sentence", "a four-year ban". */
const TERM_AFTER =
  /^[\s-]*(?:years?|months?|weeks?)[\s-]+(?:(?:prison|jail|custodial)\s+)?(?:sentence|term|ban|suspension)\b/i;

/** Whether a span is a term a court or a body set (`TERM_BEFORE`, `TERM_AFTER`). */
function termOf(text: string, n: NumberMention): boolean {
  if (!n.unit || unitOf(n.unit)?.kind !== 'time') return false;
  return (
    TERM_BEFORE.test(text.slice(Math.max(0, n.start - 40), n.start)) ||
    TERM_AFTER.test(text.slice(n.end, n.end + 40))
  );
}

/**
 * Whose term a span is: the last word of the last capitalised name before it ("Leskov was arrested 19
 * months ago and sentenced to 16 years": leskov; "among them Viktor Orlan, who was serving a 14-year
 * sentence": orlan), or "" when none is named.
 */
function termHolder(text: string, n: NumberMention): string {
  const names = [
    ...text.slice(0, n.start).matchAll(/\b\p{Lu}[\p{Ll}'’-]+(?=\s+(?:was|is|has|had|who|,|and)\b|,)/gu),
  ];
  return names.length ? names[names.length - 1][0].toLowerCase() : '';
}

/** "by just 91 votes", "by a wafer-thin 19 votes", "won by three points": a margin, right after "by". */
const MARGIN_BEFORE =
  /\bby\s+(?:(?:just|only|a|an|some|nearly|almost|narrow|mere|slim|wafer-thin|razor-thin|comfortable|clear|whopping|[\w-]+ly)\s+){0,3}$/i;
const MARGIN_UNIT = /^(?:votes?|points?|seats?|goals?|runs?|wickets?|strokes?|shots?|lengths?)$/i;

/** Whether a figure is a margin of a vote or a game (`MARGIN_BEFORE`, of a unit a margin counts). */
function marginOf(text: string, n: NumberMention): boolean {
  return (
    !!n.unit && MARGIN_UNIT.test(n.unit) && MARGIN_BEFORE.test(text.slice(Math.max(0, n.start - 40), n.start))
  );
}

/** Words of a vote right around a tally: "passed 7-4", "voted six to one", "in a 5-2 vote", "split 5-2". */
const VOTE_BEFORE =
  /\b(?:vot(?:e|ed|ing)|pass(?:ed|es)?|approv(?:ed|es)|adopt(?:ed|s)|back(?:ed|s)|reject(?:ed|s)|ruled|split|endorsed|ratified|majority of)\s+(?:(?:an?|by)\s+)?$/i;
const VOTE_AFTER = /^\s*(?:votes?|ruling|decision|majority|margin)\b/i;

/** Whether a tally is a vote's, by its own words or those right around it ("seven votes to four"). */
function votedAt(text: string, n: NumberMention): boolean {
  return (
    /\bvotes?\b/i.test(n.raw) ||
    VOTE_AFTER.test(text.slice(n.end)) ||
    VOTE_BEFORE.test(text.slice(Math.max(0, n.start - 24), n.start))
  );
}

/** What a share is of, after it: "12 percent of the airline's operating expenses", "5% among women". */
const SHARE_OF = /^\s*(?:of|among)\s+([^,;:.!?()"“”]{1,60})/i;

/** The concepts of the whole a percentage is a share of (`SHARE_OF`), its first three content words. */
function wholeOf(text: string, n: NumberMention): Set<string> | undefined {
  if (n.unit !== '%') return undefined;
  const of = SHARE_OF.exec(text.slice(n.end));
  if (!of) return undefined;
  const words = tokens(of[1])
    .filter((w) => !isStopword(w) && !/^\d/.test(w))
    .slice(0, 3)
    .map((w) => concept(stem(w)));
  return words.length ? new Set(words) : undefined;
}

/**
 * Whether two percentages are shares of two wholes, each named after it and sharing no word: "about 12
 * percent of the airline's operating expenses" and "roughly 80 percent of its cabin staff" are not two
 * values of one share.
 */
function sharesOfTwoWholes(a: string, x: NumberMention, b: string, y: NumberMention): boolean {
  const wx = wholeOf(a, x);
  const wy = wholeOf(b, y);
  if (!wx || !wy) return false;
  for (const w of wy) if (wx.has(w)) return false;
  return true;
}

/**
 * Whether two figures are values of one quantity by its name (`quantityNamed`): "The national median age is
 * now 43" needs no unit to be a rival of "The national median age rose to 41.3 years".
 */
function namesOneQuantity(a: string, x: NumberMention, b: string, y: NumberMention): boolean {
  const named = countedReading(a, x).named;
  return named !== undefined && named === countedReading(b, y).named;
}

/** Whether two or more counts of people of a sentence add up to a count of people of another. */
function addsUpTo(figures: readonly NumberMention[], total: NumberMention): boolean {
  if (!countsPeople(total) || isAge(total)) return false;
  // "employs 1,800 people, not 2,000, because 200 workers were moved": a total the sentence denies.
  if (figures.some((z) => z.denied && compatible(z, total))) return false;
  const parts = figures.filter((z) => !z.denied && countsPeople(z) && !isAge(z));
  if (parts.length < 2) return false;
  const sum = parts.reduce((n, z) => n + z.value, 0);
  return compatible({ ...total, value: sum, raw: String(sum), qualifier: 'exact' }, total);
}

/** Words between a counted noun and what it did or had done to it ("were", "have been", "still"). */
const BETWEEN_FATE = new Set([
  'were',
  'was',
  'are',
  'is',
  'have',
  'has',
  'had',
  'been',
  'being',
  'still',
  'now',
  'reportedly',
  'who',
]);

/**
 * What a count of people did or had done to them, the word after the counted noun ("25 workers trapped",
 * "23 miners were trapped": trapped); undefined when the noun is not right after the figure.
 */
function fateOf(text: string, n: NumberMention): string | undefined {
  if (!n.unit) return undefined;
  const words = tokens(text.slice(n.end, n.end + 48).split(/[,;:.!?()“”"]/)[0] ?? '');
  const noun = words.slice(0, 3).indexOf(n.unit.toLowerCase());
  if (noun < 0) return undefined;
  const fate = words.slice(noun + 1).find((w) => !BETWEEN_FATE.has(w));
  return fate && !isStopword(fate) ? stem(fate) : undefined;
}

/** Units of a span of time, which one verb spends on many things ("served three years in jail", "served two years in the army"). */
const SPAN_UNIT = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)$/i;

/**
 * A past verb right before a figure, or before "a net", "a total of" and the like before it ("evacuated 296
 * residents", "added a net 48,000 jobs", "cut 1,200 jobs").
 */
const DONE_BEFORE =
  /\b([a-z]+ed|cut|lost|shed|won|sold|spent|paid|hit|took|made|built|sent|kept|held)\s+(?:(?:a|an)\s+(?:net|total\s+of|further|combined|estimated|record|additional)\s+)?$/;

/** The past verb right before a figure, stemmed: what was done to what it counts (`DONE_BEFORE`). */
function doneBefore(text: string, n: NumberMention): string | undefined {
  const m = DONE_BEFORE.exec(text.slice(Math.max(0, n.start - 40), n.start));
  return m && !isStopword(m[1]) ? stem(m[1]) : undefined;
}

/** Whether two counts of people say the same thing befell them (`fateOf`). */
function sameFate(a: string, x: NumberMention, b: string, y: NumberMention): boolean {
  if (!countsPeople(x) || !countsPeople(y)) return false;
  const fate = fateOf(a, x);
  return fate !== undefined && fate === fateOf(b, y);
}

/**
 * "two more days", "another 22 years": a number that adds to a count said elsewhere, not the count
 * itself, so it conflicts with no total ("three days in hospital").
 */
function isIncrement(s: SentenceAnalysis, n: NumberMention): boolean {
  return (
    /^\s+(?:more|additional|extra|further)\b/i.test(s.text.slice(n.end, n.end + 12)) ||
    /\banother\s+$/i.test(s.text.slice(Math.max(0, n.start - 9), n.start)) ||
    ROSE_AFTER.test(s.text.slice(Math.max(0, n.start - 80), n.start))
  );
}

/**
 * A figure that points back at a group the story has counted ("The two men who died on Friday had been
 * treated at Tane Valley Hospital"): a part the sentence tells more of, not a tally of its own.
 */
function namesGroup(s: SentenceAnalysis, n: NumberMention): boolean {
  return (
    /\bthe\s+$/i.test(s.text.slice(Math.max(0, n.start - 4), n.start)) &&
    /^\s+[\p{L}-]+\s+(?:who|whom|whose)\b/u.test(s.text.slice(n.end, n.end + 30))
  );
}

/** A tally that rose after a figure ("rose to five on Friday after two workers died"): the figure is the rise. */
const ROSE_AFTER = new RegExp(`\\b(?:${RISE_VERBS}) to\\b[^.;]*\\bafter\\s+$`, 'i');

/**
 * Words around a number that make it a record rather than a count: "ever", "all-time", "the record",
 * "the previous record". Not "a record" or "former": "a record 300 people", "a former official said
 * 1,000" count the story's own thing.
 */
const RECORD =
  /\b(?:ever|all-time|(?:the|previous|world|current|old) record|record (?:is|was|of|stands|holder))\b/i;
/** Characters before and after a number in which a record word makes it one. */
const RECORD_BEFORE = 40;
const RECORD_AFTER = 20;

/**
 * A superlative measured against an earlier event, before a figure of that event: "the largest from a
 * European museum since thieves took 113 million euros' worth of jewels" tells of 2019's theft, not this one.
 */
const SINCE_BEFORE =
  /\b(?:largest|biggest|worst|deadliest|highest|lowest|strongest|first)\b[^.;]{0,50}\bsince\b[^.;]{0,40}$/i;

/** Whether a number is stated as a record ("the biggest catfish ever caught was 22 stone"). */
function isRecord(s: SentenceAnalysis, n: NumberMention): boolean {
  return (
    RECORD.test(s.text.slice(Math.max(0, n.start - RECORD_BEFORE), n.end + RECORD_AFTER)) ||
    SINCE_BEFORE.test(s.text.slice(Math.max(0, n.start - 90), n.start))
  );
}

/**
 * A capitalised word right before a figure of digits alone, inside a sentence: the figure is part of a
 * name ("according to county data reviewed by Channel 9", "Highway 9", "Apollo 11", "Flight 370"), not a
 * count. Not a day or a month ("on Tuesday 12 people died"), nor the sentence's first word.
 */
const NAME_BEFORE = new RegExp(`[^\\s]\\s+(?!(?:${WEEKDAY_NAMES}|${MONTH_NAMES})\\s)[A-Z][a-z]+\\s$`);

/** Whether a figure without a unit is part of a name (`NAME_BEFORE`). */
function inName(s: SentenceAnalysis, n: NumberMention): boolean {
  return (
    !n.unit &&
    /^\d+$/.test(n.raw) &&
    // In a headline's title case every word is capitalised ("Ripped Up 800 Million Contract").
    !/^\s+[A-Z]/.test(s.text.slice(n.end, n.end + 2)) &&
    NAME_BEFORE.test(s.text.slice(Math.max(0, n.start - 24), n.start))
  );
}

/** What a figure is, for comparing it with another outlet's. */
interface Figure {
  /** Vague ("hundreds") or an increment ("5,000 more"): not a count to hold against another. */
  aside: boolean;
  /** A record rather than the story's own count (`isRecord`). */
  record: boolean;
  /** A count of no one harmed ("No one was injured", `findNone`), not a figure. */
  none: boolean;
  /** What someone asked for ("had sought a sentence of six years"), not what came of it (`isRequested`). */
  requested: boolean;
  /** What a place or a vessel can hold ("which holds 65,000"), not how many it held (`isCapacity`). */
  capacity: boolean;
  /** A part of a group the sentence or the one before names ("two of them", "three of the victims"), not its whole (`isPart`). */
  part: boolean;
  /** What a poll or a forecast gave ("the exit poll had shown", "the 0.2% rise forecast by economists"), not the outcome (`isForecast`). */
  forecast: boolean;
  /** A turnout ("Turnout in the referendum was 48 percent"), no share of the vote (`isTurnout`). */
  turnout: boolean;
  /** The quarter or half of a year its clause names ("third-quarter revenue of $4.21bn": q3), if any (`periodOf`). */
  period: string | undefined;
  /** The span a change is told over ("gained 18 per cent this year", "since the start of the year"), if any (`spanOf`). */
  span: string | undefined;
}

function figuresOf(s: SentenceAnalysis, counts: readonly NumberMention[]): Figure[] {
  return counts.map((n, k) => ({
    none: k >= s.numbers.length,
    aside:
      isVague(n) ||
      isIncrement(s, n) ||
      isPrevious(s, n) ||
      isHeldAgainst(s, n) ||
      inName(s, n) ||
      namesGroup(s, n),
    record: isRecord(s, n),
    requested: k < s.numbers.length && isRequested(s, n),
    capacity: k < s.numbers.length && isCapacity(s, n),
    part: k < s.numbers.length && isPart(s, n),
    forecast: k < s.numbers.length && isForecast(s, n),
    turnout: k < s.numbers.length && isTurnout(s, n),
    period: k < s.numbers.length ? periodOf(s, n) : undefined,
    span: k < s.numbers.length && n.change ? spanOf(s, n) : undefined,
  }));
}

/**
 * The span from a start a change is told over, in the words after its figure or in its clause before it:
 * "have gained 18 per cent this year", "has lost 18% of its value ... since the start of the year", "since
 * Finance Minister Olek Varga took office". A change over one span and one over another, or over none
 * named (the day's move: "Harwick shares fell 3.2%"), are two changes. A trailing year ("in the past
 * year") is how an annual figure is told, one with "in the year to October", and is no such span.
 */
const SPAN =
  /\b(?:(?:so far )?this (?:year|month|week|quarter)|(?:so far|year to date|year-to-date)\b|since (?:the start of )?[\w'’-]+(?: [\w'’-]+){0,2})/i;

function spanOf(s: SentenceAnalysis, n: NumberMention): string | undefined {
  const after = s.text.slice(n.end, n.end + 80).split(/[;.!?]\s|,\s+(?:while|but|and|as)\s/)[0];
  const m = SPAN.exec(after) ?? SPAN.exec(clauseBefore(s, n, 80));
  return m?.[0].toLowerCase().replace(/^so far this/, 'this');
}

/**
 * A time a sentence opens with, which sets all it tells in another year than the story's: "In 1987, a
 * magnitude 6.8 earthquake ...", "Last year a magnitude 4.8 tremor ...", "Back in 2019, Hurricane Carmen
 * ...". Group 1 is the year, group 2 the period of a relative time.
 */
const OPENING_TIME =
  /^(?:(?:But|And|Back|Meanwhile|By contrast|Previously|Earlier),?\s+)?(?:(?:[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|the summer of|the spring of|the autumn of|the winter of)\s+)?((?:19|20)\d{2})\b|(?:[Ll]ast|[Tt]he previous)\s+(year|season|decade|winter|summer|spring|autumn)\b)/;

/**
 * A sentence about an earlier event of the story's kind, dated: "The last escape from Harlow Ridge was in
 * 2015, when two inmates climbed over a fence", "The utility's last boil notice, in 2021, lasted nine days",
 * "He survived the first, in 2021, by 170 votes to 150".
 * Group 1 is the year.
 */
const PREVIOUS_EVENT =
  /\b(?:last|previous|prior|first|earlier)(?:\s+[\p{L}'’-]+){0,6}?(?:\s+(?:was|were|came|happened|occurred|took place)\s+in|,\s*in)\s+((?:19|20)\d{2})\b/iu;

/** A relative time of the year before, anywhere in a sentence: "last year", "a year earlier". */
const YEAR_BEFORE =
  /\b(?:last|previous|prior)\s+(?:year|season)\b|\ba\s+year\s+(?:ago|earlier|before)\b|\bthe\s+year\s+before\b/i;

/**
 * The year before closing a sentence, where it dates all the sentence tells ("... incidents last year."), or
 * closing it before its source ("recorded 14 accidents last year, according to the roads authority.").
 */
const YEAR_BEFORE_CLOSING = new RegExp(
  `(?:${YEAR_BEFORE.source})(?:,\\s*(?:according\\s+to|(?:the\\s+)?[\\p{L}'’ -]{1,40}?\\s+(?:said|says|reported|reports|showed|show))\\b[^,;]*)?[.!"”]*\\s*$`,
  'iu',
);

/** This year, as a sentence places itself in it: "so far this year", "this season". */
const THIS_YEAR = /\b(?:this|the current)\s+(?:year|season)\b/i;

/**
 * A day of this week, as a sentence tells its event on it ("derailed 14 cars early on Wednesday", "crashed
 * on Sunday morning", "yesterday"): the story's own time, against "Last year, ... reported 14 derailments".
 */
const THIS_WEEK = new RegExp(
  `\\b(?:on\\s+(?:${WEEKDAY_NAMES})|yesterday|today|tonight|this\\s+(?:week|morning|afternoon|evening))\\b`,
  'i',
);

/** The time a sentence opens with (`OPENING_TIME`): a year, or "before" for the year before. */
function openingTime(s: SentenceAnalysis): string | null {
  const previous = PREVIOUS_EVENT.exec(s.text);
  if (previous) return previous[1];
  const m = OPENING_TIME.exec(withoutDateline(s.text));
  if (!m) return null;
  if (m[1]) return m[1];
  return m[2] === 'decade' ? 'decade' : 'before';
}

/**
 * Whether two sentences tell of two times: each opens with another ("In 1987 ...", "In 2011 ..."), or,
 * unless `both`, one opens with a time of its own that the other does not name ("Last year a magnitude
 * 4.8 tremor rattled windows" against "the strongest aftershock was of magnitude 4.8"; "In 1987 a
 * magnitude 6.8 earthquake killed 112" against "Magnitude 6.4 earthquake kills at least 41"). Their
 * figures are then of two events.
 */
function timesApart(a: SentenceAnalysis, b: SentenceAnalysis, both = false): boolean {
  const ta = openingTime(a);
  const tb = openingTime(b);
  // One sentence in the year before and the other in this one ("38 hospitals reported ransomware incidents
  // last year", "38 attempted cyberattacks so far this year"; "Last year, fires in the region burned 1,200
  // hectares", "The fire has now burned some 1,200 hectares") tell of two times.
  // The year before frames the sentence when it opens or closes it: "pleaded guilty last year and was
  // sentenced to three years in April" tells of this year too.
  const before = (s: SentenceAnalysis, t: string | null) =>
    t === 'before' || YEAR_BEFORE_CLOSING.test(s.text);
  // A day of this week is the story's time against either ("Last year, ... reported 14 derailments", "...
  // recorded 14 accidents last year, according to ..." against "derailed 14 cars early on Wednesday").
  const present = (s: SentenceAnalysis, other: string | null) =>
    !YEAR_BEFORE.test(s.text) &&
    (THIS_YEAR.test(s.text) || THIS_WEEK.test(s.text) || (other === 'before' && /\bnow\b/i.test(s.text)));
  if ((before(a, ta) && present(b, ta)) || (before(b, tb) && present(a, tb))) return true;
  if (!ta && !tb) return false;
  // A year and "last year" may be one: no date here says which year is the story's.
  if (ta && tb)
    return ta !== tb && (ta === 'decade' || tb === 'decade' || (ta !== 'before' && tb !== 'before'));
  // A sentence that dates an earlier event of the story's kind ("The last hosepipe ban in the area was in
  // 2018") tells of that event, whatever the other opens with ("Hosepipe ban announced for Southvale area").
  if (both) {
    const earlier = PREVIOUS_EVENT.exec(a.text)?.[1] ?? PREVIOUS_EVENT.exec(b.text)?.[1];
    return !!earlier && !(a.text.includes(earlier) && b.text.includes(earlier));
  }
  const [time, other] = ta ? [ta, b] : [tb as string, a];
  if (time === 'before') return !YEAR_BEFORE.test(other.text) && !/\b(?:19|20)\d{2}\b/.test(other.text);
  return !other.text.includes(time) && !YEAR_BEFORE.test(other.text);
}

/**
 * Whether two sentences each name places and neither names one of the other's: they tell of two places
 * ("Cork", "Dublin"), not of one; or one names a place the other, told of the whole country, does not.
 */
function placesApart(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  // A place that begins a longer name ("Cedarville General Hospital", "Cuyler County health department")
  // says where a body is, not where the figure is.
  const places = (s: SentenceAnalysis) =>
    (s.entities ?? [])
      .filter((e) => {
        if (e.type !== 'place') return false;
        const at = s.text.indexOf(e.text);
        return at >= 0 && !/^\s+\p{Lu}/u.test(s.text.slice(at + e.text.length));
      })
      .map((e) => e.text);
  const pa = places(a);
  const pb = places(b);
  const names = (ps: string[], s: SentenceAnalysis) => {
    const text = s.text.toLowerCase();
    return ps.some((p) => text.includes(p.toLowerCase()));
  };
  // One of a place and one of the whole country ("In Northmoor, the response rate was 96 per cent", "The
  // overall response rate was 94.1%") tell of a part and its whole.
  // The place must frame the figure as a part ("In Northmoor, ...", "in the Tarrow region"): a country named
  // ("recalled in the US") or a dateline ("LONDON, Nov 1") is as often the whole.
  const framed = (ps: string[], s: SentenceAnalysis) =>
    ps.some((p) => {
      const at = s.text.indexOf(p);
      return (
        (/^(?:in|across|throughout)\s+(?:the\s+)?$/i.test(s.text.slice(0, at)) &&
          /^\s*,/.test(s.text.slice(at + p.length))) ||
        PART_OF_COUNTRY.test(s.text.slice(at + p.length, at + p.length + 12))
      );
    });
  if (!pa.length || !pb.length)
    return (
      (framed(pa, a) && WHOLE_SCOPE.test(b.text) && !names(pa, b)) ||
      (framed(pb, b) && WHOLE_SCOPE.test(a.text) && !names(pb, a))
    );
  return !names(pa, b) && !names(pb, a);
}

/** Nouns after a place's name that make it a part of a country: "the Tarrow region", "Cuyler County". */
const PART_OF_COUNTRY = /^\s+(?:region|county|province|state|district|area)\b/i;

/** Words that tell a figure of the whole country or of all its parts: "overall", "nationally", "nationwide". */
const WHOLE_SCOPE =
  /\b(?:overall|nationally|nationwide|country-?wide|across the (?:country|nation|whole country)|in the country as a whole)\b/i;

/**
 * Whether a count is of a place the other sentence does not name: "Twenty-three people died in Teluma"
 * counts one town of a quake the other's "killing at least 41" counts whole. Names are matched as written:
 * a wire's dateline ("TELUMA, March 3") is where it was filed, not what it counts.
 */
function countedElsewhere(s: SentenceAnalysis, n: NumberMention, other: SentenceAnalysis): boolean {
  const clause = s.text.slice(n.end, n.end + 60).split(/[,;:.!?]/)[0] ?? '';
  return (s.entities ?? []).some(
    (e) => e.type === 'place' && clause.includes(`in ${e.text}`) && !other.text.includes(e.text),
  );
}

/**
 * What a place, a vessel or a plant can hold or do, right before a figure: "which holds", "can take", "a
 * capacity of", "can treat".
 */
const CAPACITY_BEFORE =
  /\b(?:holds?|(?:can|could|designed\s+to|built\s+to)\s+(?:hold|take(?:\s+in)?|carry|seat|accommodate|treat|process|handle|produce|generate|house|store|pump|supply|serve|shelter)|capable\s+of\s+(?:holding|carrying|treating|processing|handling|producing|generating)|licensed\s+to\s+carry|(?:certified|licensed|rated)\s+for|capacity\s+of|seats?)\s+(?:up\s+to\s+|about\s+|some\s+|nearly\s+|more\s+than\s+)?$/i;

/**
 * A poll or a forecast giving the figures of its clause: an exit or opinion poll, a poll that "had shown" or
 * "projected", what "had been expected", what analysts or economists forecast, a consensus forecast.
 */
const FORECAST_BEFORE =
  /\b(?:(?:forecasts?|projects?|projected|expects?|expected|sees|guided)\s+(?:[\w-]+\s+){0,3}?(?:revenue|sales|profits?|earnings|income|growth)\s+(?:of\s+)?|(?:exit|opinion)[\s-]polls?|polls?\s+(?:had\s+)?(?:shown|showed|given|gave|put|projected|predicted|suggested)|had\s+(?:been\s+)?(?:projected|forecast|predicted|expected|anticipated)|(?:analysts|economists|forecasters|pollsters|markets|traders|investors)(?:\s+\S+){0,4}?\s+(?:had\s+)?(?:expected|forecast|predicted|anticipated)|(?:consensus|market)\s+(?:forecasts?|expectations?|estimates?)|(?:forecasting|predicting|warning\s+of|warned\s+of)\s+(?:[\w-]+\s+){0,3}?)\b/i;

/** Where a clause before a figure begins: a stop, a semicolon, or a turn to another clause ("; the party won 55"). */
const CLAUSE_TURN = /[;.!?]\s|\b(?:but|while|whereas|though|although|yet|instead)\b/gi;

/** A forecast right after a figure: "the 0.2% rise forecast by economists", "a 0.2% gain economists had forecast". */
const FORECAST_AFTER =
  /^\s*(?:[^\s,;.]+\s+){0,3}?(?:(?:had\s+been\s+)?(?:forecast|expected|predicted|projected|anticipated)\s+by|(?:analysts|economists|forecasters|pollsters|markets)(?:\s+\S+){0,3}?\s+(?:had\s+)?(?:forecast|expected|predicted|anticipated|projected))\b/i;

/**
 * Whether a figure is what a poll or a forecast gave ("The Kestrel Research exit poll had shown Civic Union on
 * 38 percent", "beating the 0.2% rise forecast by economists"): another quantity than the outcome ("Official
 * results gave ... Civic Union 35.8 percent", "Prices rose 0.4%"), though its unit and words are the same.
 */
function isForecast(s: SentenceAnalysis, n: NumberMention): boolean {
  return (
    FORECAST_BEFORE.test(clauseBefore(s, n, 200)) ||
    EXPECTED_TO.test(clauseBefore(s, n, 60)) ||
    FORECAST_AFTER.test(s.text.slice(n.end, n.end + 48))
  );
}

/** What is expected or planned to be done to a figure, right before it: "expected to cancel around 300 flights". */
const EXPECTED_TO =
  /\b(?:expects?|expected|plans?|planned|aims?|intends?|intended|set|likely)\s+to\s+[a-z]+\s+(?:[a-z-]+\s+){0,2}$/i;

/** The words of a figure's own clause before it, within `reach` characters (from its last `CLAUSE_TURN`). */
function clauseBefore(s: SentenceAnalysis, n: NumberMention, reach: number): string {
  const before = s.text.slice(Math.max(0, n.start - reach), n.start);
  let from = 0;
  for (const m of before.matchAll(CLAUSE_TURN)) from = m.index + m[0].length;
  return before.slice(from);
}

/** A quarter or a half of a year, as a company reports by them: "third-quarter", "Q3", "first half", "H1". */
const PERIOD =
  /\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter|Q([1-4])|(first|second)[\s-]half|H([12]))\b/gi;
const ORDINAL: Record<string, string> = {
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
  '1st': '1',
  '2nd': '2',
  '3rd': '3',
  '4th': '4',
};

/**
 * The quarter or half of a year a figure's clause names last before it ("posted third-quarter revenue of
 * $4.21bn": q3; "Veltrix forecast fourth-quarter revenue of about $4.4 billion": q4), or undefined.
 */
function periodOf(s: SentenceAnalysis, n: NumberMention): string | undefined {
  let period: string | undefined;
  for (const m of clauseBefore(s, n, 80).matchAll(PERIOD)) {
    const q = m[1] ? ORDINAL[m[1].toLowerCase()] : m[2];
    const h = m[3] ? ORDINAL[m[3].toLowerCase()] : m[4];
    period = q ? `q${q}` : `h${h}`;
  }
  if (period) return period;
  const after = PERIOD_AFTER.exec(s.text.slice(n.end, n.end + 60));
  if (!after) return undefined;
  const span = after[1] ? after[1].toLowerCase().replace(/\s+/g, ' ').replace('twelve', '12') : 'month';
  return `${span} to ${after[2] ?? after[3]}`.toLowerCase();
}

/**
 * A period a statistic is told over, right after its figure: "rose 2.8% in the year to August", "in the
 * three months to October", "0.6% in October alone". Two such figures of two periods are two figures.
 */
const PERIOD_AFTER = new RegExp(
  `^\\s*(?:[\\w%-]+\\s+){0,3}?(?:in|over|for)\\s+the\\s+(year|12\\s+months|twelve\\s+months|three\\s+months|quarter|month)\\s+(?:to|ending|ended)\\s+(?:the\\s+end\\s+of\\s+)?(${MONTH_NAMES})\\b|^\\s*in\\s+(${MONTH_NAMES})\\s+alone\\b`,
  'i',
);

/** The word that names a share of voters who voted, in a figure's clause. */
const TURNOUT = /\bturnout\b/i;

/** Characters on each side of a percentage within which "turnout" names it. */
const TURNOUT_REACH = 60;

/**
 * Whether a percentage is a turnout ("Turnout in the Northmarch referendum was 48 percent", "a turnout of
 * 67.3 percent", "48 percent turnout"): the share of voters who voted, another quantity than a share of the
 * vote ("54.3 percent voting in favour", "won 35.8 percent"), though both are percentages of one election.
 */
function isTurnout(s: SentenceAnalysis, n: NumberMention): boolean {
  if (n.unit !== '%') return false;
  // Its own clause only: "With turnout at 48 percent, Yes won 54.3 percent" names the 48.
  const before =
    s.text
      .slice(Math.max(0, n.start - TURNOUT_REACH), n.start)
      .split(/[;,:]|[.!?]\s|\s(?:while|but|whereas|and)\s/i)
      .at(-1) ?? '';
  const after =
    s.text.slice(n.end, n.end + TURNOUT_REACH).split(/[;.!?,:]|\s(?:while|but|whereas|and)\s/i)[0] ?? '';
  return TURNOUT.test(before) || TURNOUT.test(after);
}

/**
 * A part of a group a pronoun points back to, right after a figure: "two of them", "of whom". A part that
 * names its group ("Five of the injured were seriously hurt", "14 of the closures") is as often the very
 * count another outlet gives alone ("Seven people were seriously injured"), and is compared.
 */
const PART_AFTER =
  /^\s+(?:(?:of|among)\s+(?:them|whom|those|these)\b|(?:[\p{L}-]+\s+){0,2}(?:were|was|are|is)\s+(?:also\s+)?among\s+the\b)/iu;

/**
 * Whether a figure counts a part of a group told before it ("Five others were injured, two of them
 * seriously", "Three of them never made it out"): another quantity than the group's whole ("Three people
 * died", "Five people were hurt").
 */
function isPart(s: SentenceAnalysis, n: NumberMention): boolean {
  // A share of a whole ("26 per cent of the Earth's land area") is the share's own quantity (`wholeOf`).
  return n.unit !== '%' && n.unit !== 'fraction' && PART_AFTER.test(s.text.slice(n.end, n.end + 24));
}

/**
 * Whether a figure is what a place or a vessel can hold ("The Estadio da Luz, which holds 65,000, was
 * close to full"): another quantity than how many came or were aboard ("in front of 61,842 fans").
 */
function isCapacity(s: SentenceAnalysis, n: NumberMention): boolean {
  return CAPACITY_BEFORE.test(s.text.slice(Math.max(0, n.start - 40), n.start));
}

/**
 * Whether two sentences' figures that agree are each a capacity on one side and a count on the other
 * (`statedCapacity`), with no figure of one quantity stated alike on both: "The restaurant, which seats 80" and
 * "The restaurant's 80 bookings were cancelled", "designed to carry up to 30,000 vehicles a day" and "about
 * 22,000 vehicles a day". "The shelters, which can hold 7,000 people, took in about 2,300" still states
 * "Around 2,300 people spent the night in county shelters".
 */
function capacityAgainstCount(c: SentenceAnalysis, t: SentenceAnalysis): boolean {
  let apart = false;
  for (const x of c.numbers)
    for (const y of t.numbers) {
      if (x.denied || y.denied || !unitsAgree(x, y) || !compatible(x, y)) continue;
      const [cx, cy] = [statedCapacity(c, x), statedCapacity(t, y)];
      // "holds" may be either ("Kestrel Park, holds 18,500", "Kestrel Park, which can hold 18,500 fans").
      if (cx === cy || cx === undefined || cy === undefined) return false;
      apart = true;
    }
  return apart;
}

/**
 * Whether a figure is a capacity in words no count uses (`isCapacity`); undefined after "holds", which tells a
 * count as often ("The prison holds more than 900 inmates", "The museum holds about 3,000 works").
 */
function statedCapacity(s: SentenceAnalysis, n: NumberMention): boolean | undefined {
  if (!isCapacity(s, n)) return false;
  return HOLDS_BEFORE.test(s.text.slice(Math.max(0, n.start - 40), n.start)) ? undefined : true;
}

/** "holds" right before a figure, as CAPACITY_BEFORE reads it. */
const HOLDS_BEFORE =
  /(?<!\b(?:can|could|to)\s+)\bholds?\s+(?:up\s+to\s+|about\s+|some\s+|nearly\s+|more\s+than\s+)?$/i;

/**
 * A request right before a figure, in its clause: "had sought a sentence of", "asked the judge for", an
 * opening or rejected bid ("rejected an opening bid of £40m").
 */
const REQUESTED_BEFORE =
  /\b(?:sought|seeks?|seeking|asked(?:\s+\w+){0,3}\s+for|asking(?:\s+\w+){0,3}\s+for|requested|demand(?:s|ed|ing)?|call(?:s|ed|ing)? for|push(?:es|ed|ing)? for|campaign(?:s|ed|ing)? for|lobb(?:y|ies|ied|ying) for|(?:rejected|turned down|spurned|opening|initial|earlier|first)\s+(?:\w+\s+){0,3}?(?:bid|offer|proposal)s?)\b[^,;.]{0,24}$/i;

/**
 * Whether a figure is what someone asked for ("Prosecutors had asked for 15 years", "a lawyer had sought a
 * sentence of six years", a bid turned down): another quantity than the one a court, a company or a vote
 * settled on ("was sentenced to 12 years", "a £52m deal agreed"), though its unit and its words are the same.
 */
function isRequested(s: SentenceAnalysis, n: NumberMention): boolean {
  return REQUESTED_BEFORE.test(s.text.slice(Math.max(0, n.start - 48), n.start));
}

/** `countsOf` of each sentence read so far. */
const countsCache = new WeakMap<SentenceAnalysis, readonly NumberMention[]>();

/** A sentence's counts: its figures, then the counts of no one harmed it states (`findNone`). */
function countsOf(s: SentenceAnalysis): readonly NumberMention[] {
  let counts = countsCache.get(s);
  if (!counts) {
    const none = findNone(s.text);
    counts = none.length ? [...s.numbers, ...none] : s.numbers;
    countsCache.set(s, counts);
  }
  return counts;
}

/**
 * The figure a sentence states in place of one it denies: the nearest of the same kind ("1,800 people,
 * not 2,000"), else the nearest it states at all ("rejected the figure of 30 dead, saying 12 people had
 * been killed").
 */
function statedInstead(s: SentenceAnalysis, denied: NumberMention): NumberMention | undefined {
  const stated = s.numbers.filter((n) => !n.denied && !isAge(n) && !isVague(n));
  const distance = (n: NumberMention) => Math.abs(n.start - denied.start);
  const nearest = (list: NumberMention[]) =>
    list.reduce<NumberMention | undefined>((a, n) => (!a || distance(n) < distance(a) ? n : a), undefined);
  return (
    nearest(stated.filter((n) => n.unit && n.unit === denied.unit)) ??
    nearest(stated.filter((n) => sameQuantity(n, denied))) ??
    nearest(stated)
  );
}

/**
 * Whether two sentences each give one age, of a person both name in full ("Marguerite Solène ... has died
 * aged 86" and "Marguerite Solène has died in Lisbon at the age of 84"): that person's age, told twice,
 * however differently the rest is worded.
 */
function oneNamedAge(
  a: SentenceAnalysis,
  as: readonly NumberMention[],
  b: SentenceAnalysis,
  bs: readonly NumberMention[],
): boolean {
  if (!onePersonsAge(a, as) || !onePersonsAge(b, bs)) return false;
  const named = (s: SentenceAnalysis) =>
    new Set(s.entities.filter((e) => e.type === 'person' && /\s/.test(e.text)).map((e) => e.text));
  const ours = named(a);
  return ours.size > 0 && [...named(b)].some((n) => ours.has(n));
}

/**
 * Whether a sentence gives one age, a person's: "A man in his 60s" (a decade's two bounds are one age),
 * "The 71-year-old"; not "Zehaf-Bibeau, 32, ... Cirillo, 25", nor "a 113-year-old time capsule".
 */
function onePersonsAge(s: SentenceAnalysis, ns: readonly NumberMention[]): boolean {
  const found = ns.filter(isAge);
  return found.length > 0 && found.every((n) => n.start === found[0].start) && ofPerson(s, found[0]);
}

/** Words after "N-year-old" that leave it its own noun: a verb, a preposition ("the 71-year-old was", "the 30-year-old from"). */
const NOT_A_NOUN =
  /^(?:was|is|were|are|has|had|have|will|would|could|can|who|that|from|of|in|at|on|and|with|said|says|told|died|remains?)$/;

/** The noun an age in "N-year-old" form goes on to ("a 113-year-old | time capsule", "a 46-year-old | man"). */
const AGE_NOUN = /^[\s-]*(?:years?|months?)[\s-]old[\s-]+([a-z]+)/;

/**
 * Whether an age is a person's, not a thing's: "a 113-year-old time capsule" is a thing's, "a 46-year-old
 * man" and "Suresh Kumar, 40," a person's (`countsPeople` knows the nouns of people).
 */
function ofPerson(s: SentenceAnalysis, age: NumberMention): boolean {
  const noun = AGE_NOUN.exec(s.text.slice(age.end, age.end + 30))?.[1];
  // "The 71-year-old was driving": an age that is its own noun is a person's.
  return (
    !noun || NOT_A_NOUN.test(noun) || countsPeople({ raw: noun, value: 0, qualifier: 'exact', unit: noun })
  );
}

/** "22-year-old", "aged 22": a person's age. */
function isAge(n: NumberMention): boolean {
  return isAgeUnit(n.unit);
}

/** Characters on each side of a number or a day that make up its clause, for comparing what two count or date. */
const CLAUSE_CHARS = 40;

/** The words around a number, as a sentence of their own (cached by text like any sentence). */
function around(s: SentenceAnalysis, n: { start: number; end: number }): SentenceAnalysis {
  const from = s.text.lastIndexOf(' ', Math.max(0, n.start - CLAUSE_CHARS)) + 1;
  const to = s.text.indexOf(' ', Math.min(s.text.length, n.end + CLAUSE_CHARS));
  const text = s.text.slice(from, to < 0 ? undefined : to);
  return { ...s, text, start: 0, end: text.length };
}

/**
 * Whether two sentences share more than the names their story is told by: a word that is not part of a
 * name, a figure, a day, a clock time, or a name the two articles tell rarely ("flown to Dunmore General
 * Hospital", "airlifted ... to Dunmore General Hospital"). "Dylan Thomas noticed a red mark on his stomach
 * ..., he told NT News" and "The story of the spider first appeared in NT News" share the paper both
 * articles name throughout and nothing said of it.
 */
function sharesMoreThanNames(a: SentenceAnalysis, b: SentenceAnalysis, story: ReadonlySet<string>): boolean {
  if (a.numbers.some((x) => b.numbers.some((y) => compatible(x, y))) || sameTimeOfDay(a, b)) return true;
  const ours = wordsBeyondNames(a);
  const theirs = wordsBeyondNames(b);
  for (const w of theirs.plain) if (ours.plain.has(w)) return true;
  for (const n of theirs.names) if (ours.names.has(n) && !story.has(n)) return true;
  return false;
}

/** A sentence's words (`wordsBeyondNames`): those of its names, and the rest, as concepts. */
interface SentenceWords {
  plain: Set<string>;
  names: Set<string>;
}

const sentenceWords = new WeakMap<SentenceAnalysis, SentenceWords>();

/**
 * A sentence's content words, those that are part of a name apart: a capitalised word within a sentence
 * is a name's, unless it names a day or a month or the sentence is in title case ("Bunbury Local
 * Discovered a Spider Had Burrowed ..."). Figures, years and clock times are plain words.
 */
function wordsBeyondNames(s: SentenceAnalysis): SentenceWords {
  const cached = sentenceWords.get(s);
  if (cached) return cached;
  const words = s.text.match(/[\p{L}\p{N}]+(?:['’:.-][\p{L}\p{N}]+)*/gu) ?? [];
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  const titleCase = words.filter(capitalised).length >= TITLE_CASE_SHARE * words.length;
  const read: SentenceWords = { plain: new Set(), names: new Set() };
  words.forEach((w, k) => {
    const lower = w.toLowerCase();
    if (isStopword(lower)) return;
    const name = k > 0 && !titleCase && capitalised(w) && !CALENDAR_WORD.test(w);
    (name ? read.names : read.plain).add(concept(stem(lower)));
  });
  sentenceWords.set(s, read);
  return read;
}

/** Share of capitalised words from which a sentence is written in title case, a headline's. */
const TITLE_CASE_SHARE = 0.6;

/** A day's or a month's name, capitalised as names are but telling when. */
const CALENDAR_WORD = new RegExp(`^(?:${WEEKDAY_NAMES}|${MONTH_NAMES})$`, 'i');

/** Sentences of two articles from which a name is the story's own, told throughout. */
const STORY_NAME_SENTENCES = 3;

/** The names two articles tell in STORY_NAME_SENTENCES sentences or more (`sharesMoreThanNames`). */
function storyNames(a: ArticleReading, b: ArticleReading): Set<string> {
  const count = new Map<string, number>();
  for (const s of [...a.sentences, ...b.sentences])
    for (const n of wordsBeyondNames(s).names) count.set(n, (count.get(n) ?? 0) + 1);
  return new Set([...count].filter(([, k]) => k >= STORY_NAME_SENTENCES).map(([n]) => n));
}
