/**
 * Generic cue words for stance: refutation ("hoax", "no evidence", "denied"), reporting without
 * endorsement ("reportedly", "allegedly") and inability to confirm ("can't confirm", "could not
 * verify"). They feed the stance model as features and let the product explain a dispute.
 */
import { isStopword, stem, tokens } from '../match/text.ts';

/** Refuting words as in the FNC-1 baseline, extended with common denial verbs. */
const REFUTING = [
  'fake',
  'fraud',
  'hoax',
  'false',
  'deny',
  'denies',
  'denied',
  'denial',
  'nope',
  'doubt',
  'doubts',
  'bogus',
  'debunk',
  'debunked',
  'prank',
  'pranks',
  'retract',
  'retracted',
  'dismiss',
  'dismissed',
  'dismisses',
  'refute',
  'refuted',
  'refutes',
  'untrue',
  'baseless',
  'fabricated',
  'fabrication',
  'misleading',
  'myth',
  'figment',
  'rejected',
  'rejects',
  'satire',
  'satirical',
  'staged',
  'doctored',
  'photoshopped',
  'faked',
  'spoof',
  'parody',
  'unfounded',
  'falsely',
  'erroneous',
  'nonsense',
  'rubbish',
  'scam',
  'disproved',
];
/**
 * Refuting words whose stem is a common noun's ("doctored" and "doctors", "photoshopped" and "Photoshop",
 * "staged" and "taking the stage"): these count only as written.
 */
const REFUTING_AS_WRITTEN = new Set(['doctored', 'photoshopped', 'staged']);
const REFUTING_STEMS = new Set(REFUTING.filter((w) => !REFUTING_AS_WRITTEN.has(w)).map(stem));
/**
 * Words after which "stage" is the verb ("Did he stage the video?", "to stage a rescue"), not the noun
 * of "took the stage" or "at an early stage".
 */
const STAGE_VERB_AFTER = new Set([
  'did',
  'does',
  'do',
  'to',
  'would',
  'could',
  'might',
  'may',
  'will',
  'can',
  'allegedly',
  'he',
  'she',
  'they',
  'we',
  'who',
]);

/**
 * Words before an object that make "stage" the verb of a fake ("Did Lin stage his video"). Not "a" or
 * "an": to stage a protest, an attack or a comeback is to hold one.
 */
const STAGE_OBJECT = new Set(['his', 'her', 'their', 'its', 'the', 'this', 'that']);
/** Words that make "stage" the noun whatever follows ("on the stage", "the same stage"). */
const STAGE_NOUN_AFTER = new Set([
  'the',
  'a',
  'an',
  'on',
  'onto',
  'off',
  'this',
  'that',
  'same',
  'its',
  'his',
  'her',
  'their',
]);

/** "Dismiss" and its forms: a denial of a report, or the firing of a person ("CPWD official dismissed"). */
const DISMISS = /^dismiss(?:es|ed|ing|al|als)?$/;
/**
 * What a denial dismisses besides a story or a telling (`TOLD_IN`): "dismissed the allegations",
 * "dismisses speculation". A person, a case or a lawsuit dismissed is no refutation of a report.
 */
const DISMISSED_TELLING = new Set(
  [
    'allegation',
    'speculation',
    'suggestion',
    'idea',
    'notion',
    'theory',
    'assertion',
    'accusation',
    'talk',
  ].map(stem),
);
/** Words after "dismiss" within which what it dismisses is named ("dismissed the latest reports"). */
const DISMISS_AHEAD = 4;
/** Words before it within which a dismissed telling is named ("the claims were dismissed"). */
const DISMISS_BEHIND = 3;

/**
 * Whether the "dismiss" at `i` dismisses a telling: dismissed as something ("dismissed it as a hoax"),
 * or with a story, a claim, an allegation named next to it. A firing ("dismissed from service",
 * "ordered his dismissal") reports what happened; a debunk word there made a report of a firing
 * read as a debunk of the firing.
 */
function dismissesTelling(words: readonly string[], i: number): boolean {
  const telling = (w: string) => {
    const s = stem(w);
    return TOLD_IN.has(s) || DISMISSED_TELLING.has(s);
  };
  for (let k = i + 1; k <= i + DISMISS_AHEAD && k < words.length; k++)
    if (words[k] === 'as' || telling(words[k])) return true;
  for (let k = Math.max(0, i - DISMISS_BEHIND); k < i; k++) if (telling(words[k])) return true;
  return false;
}

const REJECT = /^reject(?:s|ed|ing)?$/;
/**
 * What is rejected when it is no telling but an action put forward: "rejects takeover offer", "rejected
 * the appeal", "rejected a £48m bid". Rejecting claims or reports refutes; rejecting an offer is news.
 */
const REJECTED_ACTION = new Set(
  [
    'offer',
    'bid',
    'proposal',
    'plan',
    'deal',
    'appeal',
    'application',
    'request',
    'motion',
    'bill',
    'call',
    'demand',
    'approach',
    'takeover',
    'merger',
    'budget',
    'amendment',
    'resolution',
    'settlement',
    'terms',
    'nomination',
    'invitation',
  ].map(stem),
);
/** How many words after "rejected" its object may come ("rejected a revised £48m takeover offer"). */
const REJECT_AHEAD = 5;

function rejectsAction(words: readonly string[], i: number): boolean {
  for (let k = i + 1; k <= i + REJECT_AHEAD && k < words.length; k++) {
    const s = stem(words[k]);
    if (REJECTED_ACTION.has(s)) return true;
    if (TOLD_IN.has(s) || DISMISSED_TELLING.has(s)) return false;
  }
  return false;
}

/** Whether the lower-cased token at `i` of a text's tokens is a refuting word. */
function isRefuting(words: readonly string[], i: number): boolean {
  const token = words[i];
  const previous = words[i - 1];
  const next = words[i + 1];
  if (token === 'staged') return next !== 'a' && next !== 'an';
  if (REFUTING_AS_WRITTEN.has(token)) return true;
  if (token === 'stage' || token === 'stages' || token === 'staging')
    return (
      previous !== undefined &&
      (STAGE_VERB_AFTER.has(previous) ||
        (next !== undefined && STAGE_OBJECT.has(next) && !STAGE_NOUN_AFTER.has(previous)))
    );
  if (DISMISS.test(token)) return dismissesTelling(words, i);
  if (REJECT.test(token)) return !rejectsAction(words, i);
  return REFUTING_STEMS.has(stem(token));
}

/** Refuting words that also say what kind a thing is in a plain report ("issued fake identification papers"). */
const ATTRIBUTIVE = new Set(['fake', 'false', 'bogus']);
/** One of them and the word after it, in the text as written. */
const ATTRIBUTIVE_USE = new RegExp(`\\b(${[...ATTRIBUTIVE].join('|')})[ \\t]+([\\p{L}]+)`, 'giu');

/**
 * What a story is told in: a refuting word before one of these calls the telling false ("the fake story",
 * "a false report", "fake news"), where before another noun it describes the thing ("fake passports").
 */
const TOLD_IN = new Set(
  [
    'story',
    'report',
    'news',
    'claim',
    'rumor',
    'rumour',
    'video',
    'photo',
    'image',
    'picture',
    'footage',
    'clip',
    'account',
    'article',
    'post',
    'tweet',
    'headline',
    'site',
    'website',
    'quote',
    'alarm',
    'information',
    'statement',
  ].map(stem),
);

/**
 * The refuting words of a text that speak of a story or a telling: all of them but "fake", "false" or
 * "bogus" describing a thing ("were issued fake identification documents"), which a report of fraud
 * states as fact. `refuting` is the text's `refutingWords`, when the caller has counted them.
 */
export function tellingRefutations(text: string, refuting = refutingWords(text)): number {
  let describing = 0;
  // Read on the text, not its tokens: "the video is fake, police said" ends the word's phrase at the comma.
  for (const m of text.matchAll(ATTRIBUTIVE_USE)) {
    const next = m[2].toLowerCase();
    if (!isStopword(next) && !TOLD_IN.has(stem(next))) describing++;
  }
  return refuting - describing;
}

/** The refuting words of a text, as written (lower case). */
function refutingTokens(text: string): string[] {
  const words = tokens(text);
  return words.filter((_, i) => isRefuting(words, i));
}

const HEDGING = [
  'reportedly',
  'allegedly',
  'alleged',
  'purportedly',
  'purported',
  'claim',
  'claims',
  'claimed',
  'according',
  'rumor',
  'rumors',
  'rumour',
  'rumours',
  'unconfirmed',
  'unverified',
  'apparently',
  'suggests',
  'suggested',
  'may',
  'might',
  'possibly',
  'report',
  'reports',
  'reported',
  'speculation',
  'believed',
  'appears',
  'supposedly',
];
const HEDGING_STEMS = new Set(HEDGING.map(stem));

const AFFIRMING = [
  'confirmed',
  'confirms',
  'confirm',
  'revealed',
  'shows',
  'proof',
  'proved',
  'officially',
  'announced',
  'indeed',
  'verified',
];
const AFFIRMING_STEMS = new Set(AFFIRMING.map(stem));

/** A refutation stated in so many words: the other sentence denies or dismisses something. */
export const STRONG_REFUTATION =
  /\b(?:hoax(?:es)?|no evidence|not (?:true|real|accurate)|untrue|baseless|groundless|fabricat(?:ed|ion)|debunk(?:ed|s)?|refut(?:ed|es)|den(?:y|ies|ied)|dismiss(?:ed|es)?\b[^.]{0,80}\bas\b|(?:dismiss(?:ed|es)?|reject(?:ed|s)?|rebuff(?:ed|s)?|shot down|shoots down) (?:the |these |those |such )?(?:claims?|reports?|allegations?|rumou?rs?|suggestions?|assertions?)\b|(?:is|was|were|are) false|false (?:claim|report|rumou?r)s?|rejected (?:the )?(?:claim|report)s?|there (?:is|was) no)\b/i;

/**
 * A party withdrawing from what it was said to do: "drops out of", "pulls out of", "bails on", "backs
 * out", "withdraws from", "quits", "exits". Against a story that someone will do a thing ("Christian
 * Bale to play Steve Jobs"), the news that they withdrew ("Christian Bale drops out of Steve Jobs
 * biopic") is its reversal, which outlets print as news, not as a denial: no refuting word, no negation.
 * Only verb forms, and "pull out" only with "of" ("pulls out facial hair" withdraws from nothing).
 */
export const WITHDRAWAL =
  /\b(?:drop(?:s|ped|ping)? out|pull(?:s|ed|ing)? out of|bail(?:s|ed|ing)? (?:on|out)|back(?:s|ed|ing)? out|withdr(?:aw|aws|ew|awn|awing) from|quit(?:s|ting)?|exit(?:s|ed|ing))\b/i;

/**
 * Words by which a statement itself tells of leaving or ending something ("has left First Look Media",
 * "resigned", "stepped down", "will stop making"): a withdrawal reported beside it agrees with it.
 */
export const LEAVING =
  /\b(?:lea(?:ve|ves|ving)|left|resign\w*|step(?:s|ped|ping)? down|depart\w*|walk(?:s|ed|ing)? away|no longer|fired|sacked|ousted|cancel\w*|scrap(?:s|ped|ping)?|abandon\w*|stop(?:s|ped|ping)?|end(?:s|ed|ing)?|cease\w*|axe[sd]?|drop(?:s|ped|ping)?|exit)\b/i;

/** The speaker cannot (yet) vouch for the statement: the FNC "discuss" reading, shown as unclear. */
export const CANNOT_CONFIRM =
  /\b(?:can['’]?t|cannot|could not|couldn['’]t|unable to|not able to|has not been able to|have not been able to|declined to|did not|didn['’]t|would not|wouldn['’]t|won['’]t)\s+(?:\w+\s+){0,2}(?:confirm|verify|corroborate|substantiate)\b|\b(?:unconfirmed|unverified|could not be (?:independently )?(?:confirmed|verified))\b|\b(?:not|neither|nor) (?:confirm(?:ed)?|verif(?:y|ied)) (?:or|nor) den(?:y|ied)\b/i;

/**
 * How a debunking article frames its story beyond single refuting words: the story "turned out" not to
 * be so, "in fact", "contrary to" reports, "no evidence", a "correction", "misattributed", "skeptical",
 * "too good to be true", "satire". Such phrases are rare in an article that reports the story, and a
 * debunk often states them once in a long body, so the article-level model counts the sentences that
 * hold one rather than the share of words.
 */
export const DEBUNK_FRAME =
  /\b(?:turn(?:s|ed) out|in fact|actually|contrary to|not (?:true|real|the case)|no (?:evidence|proof|truth|validity|basis|sign)|is(?:n['’]t| not) (?:true|real|him|her|them)|never (?:happened|said)|mistaken(?:ly)?|misread(?:ing)?|misattribut\w*|wrongly|erroneous(?:ly)?|exaggerated|inaccurate|sceptic\w*|skeptic\w*|cast(?:s|ing)? doubt|doubts? (?:about|over|on)|correction|retract\w*|too good to be true|made[- ]up|take it back|debunk\w*|hoax\w*|fake|false|bogus|satir\w*|parody|spoof|prank\w*)\b/i;

/**
 * The cues by which a sentence states a debunk, as written: each match of `STRONG_REFUTATION` and
 * `DEBUNK_FRAME`, and each refuting word. Lower case.
 */
export function debunkCues(text: string): string[] {
  const out: string[] = [];
  for (const re of [STRONG_REFUTATION_ALL, DEBUNK_FRAME_ALL]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[0].toLowerCase());
  }
  out.push(...refutingTokens(text));
  return out;
}
const STRONG_REFUTATION_ALL = new RegExp(STRONG_REFUTATION.source, 'gi');
const DEBUNK_FRAME_ALL = new RegExp(DEBUNK_FRAME.source, 'gi');

/**
 * Refuting words that can also describe what a story is about ("a prankster", "a fake passport", "a
 * parody account", "the scam"), as against words that deny or doubt ("denied", "doubts"), by the start
 * they share with their forms ("prankster", "pranked"). "Staged" only as written: "took the stage" is
 * no such word.
 */
const DESCRIBING = [
  'prank',
  'fake',
  'faking',
  'hoax',
  'satir',
  'parod',
  'spoof',
  'scam',
  'staged',
  'fraud',
  'bogus',
  'fabricat',
];

/**
 * The describing refuting word a token is a form of (`DESCRIBING`, its start), if it is one: "pranksters"
 * and "prank" are both "prank".
 */
export function subjectWord(token: string): string | undefined {
  const t = token.toLowerCase();
  const root = DESCRIBING.find((r) => t.startsWith(r));
  return root === 'faking' ? 'fake' : root;
}

/**
 * A describing refuting word under a negation or a denial in its clause ("not a single scene had been
 * staged", "denied any part of his video had been staged", "none of the videos were fake"): the sentence
 * reports the debunk denied, not the debunk. The clause ends at a comma or a conjunction: in "the theft
 * never happened and the story is a hoax" the negation is of the theft, and "hoax" states the debunk.
 * Built from `DESCRIBING`, so the two lists stay one.
 */
export const DENIED_DEBUNK = new RegExp(
  `\\b(?:not|never|none|den(?:y|ies|ied|ying)|\\w+n['’]t)\\b(?:(?!\\b(?:and|but|while|although|whereas)\\b)[^.;:!?,]){0,48}?\\b(?:${DESCRIBING.map(
    (r) => (r === 'staged' ? r : `${r}\\w*`),
  ).join('|')})\\b`,
  'i',
);

/** How many refuting words ("hoax", "fake", "prank", "denied") a text holds. */
export function refutingWords(text: string): number {
  return refutingTokens(text).length;
}

export interface CueCounts {
  refuting: number;
  hedging: number;
  affirming: number;
  negations: number;
}

/** Counts cue words of each kind in a text. */
export function cueCounts(text: string): CueCounts {
  const words = tokens(text);
  let refuting = 0;
  let hedging = 0;
  let affirming = 0;
  let negations = 0;
  for (const [i, t] of words.entries()) {
    const s = stem(t);
    if (isRefuting(words, i)) refuting++;
    if (HEDGING_STEMS.has(s)) hedging++;
    if (AFFIRMING_STEMS.has(s)) affirming++;
    if (t === 'not' || t === 'no' || t === 'never' || t.endsWith("n't") || t === 'cannot') negations++;
  }
  return { refuting, hedging, affirming, negations };
}
