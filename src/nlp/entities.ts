/**
 * Named entities from wink-nlp's part-of-speech tags: runs of proper nouns ("Center for Strategic
 * Communication and Information Security" included), typed by generic cues (titles, organisation
 * words, a country list). Good enough to show who and where a claim is about and to help matching.
 */
import type { EntityMention, EntityType } from '../model/sentence.ts';
import type { Token } from './parse.ts';

const ORG_WORDS = new Set(
  (
    'center centre ministry department service agency party council assembly organization organisation office committee ' +
    'commission army navy force forces command bank fund university institute press news times post herald independent ' +
    'company inc corp ltd group union association pentagon kremlin parliament congress senate court government guard ' +
    'police foundation network channel agency bureau administration authority board coalition alliance federation league ' +
    'club school college hospital church society corporation airlines reuters'
  ).split(' '),
);
/** Whether a word names a kind of body ("ministry", "hospital", "union"), so a name ending in it is no person's. */
export function isOrganisationWord(word: string): boolean {
  return ORG_WORDS.has(word.toLowerCase());
}
const PLACE_WORDS = new Set(
  'oblast region province city county state district peninsula sea ocean river island islands mountains valley bay gulf coast street square station port village town'.split(
    ' ',
  ),
);
const TITLES = new Set(
  'president minister secretary general gen. rep. sen. senator governor mayor chief head spokesperson spokesman spokeswoman director chairman ambassador commander col. lt. sgt. admiral judge king queen prince dr. prof. mr. mrs. ms. leader'.split(
    ' ',
  ),
);
/** Words that are a title as written or with a final period ("gen" for "gen."). */
const TITLE_WORDS = new Set([...TITLES].flatMap((t) => (t.endsWith('.') ? [t, t.slice(0, -1)] : [t])));
/** Countries and a few regions: a generic gazetteer, not tuned to any article. */
const PLACES = new Set(
  (
    'afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh ' +
    'barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia ' +
    'cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt ' +
    'eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala ' +
    'guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan ' +
    'kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania ' +
    'luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco ' +
    'mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman ' +
    'pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa ' +
    'senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan ' +
    'tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu ' +
    'venezuela vietnam yemen zambia zimbabwe europe asia africa america americas antarctica oceania crimea gaza siberia ' +
    'us u.s. usa uk u.k. eu dprk washington moscow kyiv kiev beijing london paris berlin tokyo seoul pyongyang brussels'
  )
    .split(' ')
    .concat([
      'north korea',
      'south korea',
      'united states',
      'united kingdom',
      'saudi arabia',
      'new zealand',
      'south africa',
      'sri lanka',
      'costa rica',
      'el salvador',
      'middle east',
      'far east',
    ]),
);
/** Places without their last letter ("North Korean" and "Russian" start with one), and their lengths. */
const PLACE_STEMS = new Set([...PLACES].map((p) => p.slice(0, -1)));
const PLACE_STEM_LENGTHS = [...new Set([...PLACE_STEMS].map((p) => p.length))];
const SKIP_FIRST = new Set(
  'the a an this that these those however but and or so in on at for of by with from after before while when if as it he she they we i its his her their our'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'on']);

/** Named entities of a sentence (tokens with offsets into `text`), in order, without repeats. */
export function findEntities(text: string, tokens: readonly Token[]): EntityMention[] {
  const out: EntityMention[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i], i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      if (
        isNameToken(tokens[j], j) ||
        (tokens[j].text === '-' && isNameToken(tokens[j + 1] ?? tokens[j], j + 1))
      )
        j++;
      else if (
        CONNECTORS.has(tokens[j].text.toLowerCase()) &&
        j + 1 < tokens.length &&
        isNameToken(tokens[j + 1], j + 1) &&
        /^\p{Lu}/u.test(tokens[j + 1].text) &&
        isOrgLike(tokens, i, j + 2)
      )
        j += 2;
      else if (
        tokens[j].pos === 'NOUN' &&
        /^\p{Ll}/u.test(tokens[j].text) &&
        j + 1 < tokens.length &&
        /^-/.test(tokens[j].text)
      )
        j++;
      else break;
    }
    // Hyphenated given names split by wink ("Kyung" "-" "ho").
    while (
      j + 1 < tokens.length &&
      tokens[j].text === '-' &&
      tokens[j].start === tokens[j - 1].end &&
      /^\p{Ll}/u.test(tokens[j + 1].text)
    )
      j += 2;
    const prevWord = tokens[i - 1]?.text.toLowerCase() ?? '';
    const raw = withoutPossessive(text.slice(tokens[i].start, tokens[j - 1].end));
    // Titles inside a run separate an organisation or country from a person:
    // "North Atlantic Treaty Organization Secretary General Mark Rutte".
    const words = raw.split(/\s+/);
    let part: string[] = [];
    let titled = TITLES.has(prevWord);
    for (const w of words) {
      if (TITLE_WORDS.has(w.toLowerCase())) {
        flushName(part, titled, prevWord, seen, out);
        part = [];
        titled = true;
      } else part.push(w);
    }
    flushName(part, titled, prevWord, seen, out);
    i = j;
  }
  return out;
}

/** The text without a final "'s" or "’s". */
function withoutPossessive(s: string): string {
  const n = s.length;
  return n >= 2 && s.charCodeAt(n - 1) === 115 && (s[n - 2] === "'" || s[n - 2] === '’') ? s.slice(0, -2) : s;
}

/** Adds the name in `part` (connectors trimmed) unless it was seen or is a lone unremarkable word. */
function flushName(
  part: string[],
  titled: boolean,
  prevWord: string,
  seen: Set<string>,
  out: EntityMention[],
): void {
  while (part.length && CONNECTORS.has(part[0].toLowerCase())) part.shift();
  while (part.length && CONNECTORS.has(part[part.length - 1].toLowerCase())) part.pop();
  const name = part.join(' ');
  const key = name.toLowerCase();
  if (name && !seen.has(key) && (/\s/.test(name) || isKnownSingle(name, key, titled))) {
    seen.add(key);
    out.push({ text: name, type: typeOf(name, key, titled, prevWord) });
  }
}

/** True when the text starts with an upper-case letter; ASCII is decided without a regex. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(s);
}

function isNameToken(t: Token, index: number): boolean {
  if (!startsUpper(t.text)) return false;
  if (
    t.pos !== 'PROPN' &&
    !(t.pos === 'NOUN' && index > 0) &&
    !(t.pos === 'ADJ' && /^\p{Lu}{2,}$/u.test(t.text))
  )
    return false;
  if (index === 0 && SKIP_FIRST.has(t.text.toLowerCase())) return false;
  return !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)$/.test(
    t.text,
  );
}

function isOrgLike(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < Math.min(tokens.length, to + 3); k++)
    if (ORG_WORDS.has(tokens[k].text.toLowerCase())) return true;
  return false;
}

/** A single capitalised word (`lower`: lower-cased) is kept when it is a known place, an acronym or clearly a name. */
function isKnownSingle(name: string, lower: string, titled: boolean): boolean {
  return PLACES.has(lower) || /^[\p{Lu}.]{2,}$/u.test(name) || titled || name.length > 3;
}

/** The type of a name; `lower` is the name lower-cased. */
function typeOf(name: string, lower: string, titled: boolean, prevWord: string): EntityType {
  const words = lower.split(/\s+/);
  const last = words[words.length - 1];
  if (PLACES.has(lower)) return 'place';
  // Nationalities ("North Korean", "Russian") are about a place but are not places.
  if (/(?:an|ese|ish|i)$/.test(lower) && PLACE_STEM_LENGTHS.some((n) => PLACE_STEMS.has(lower.slice(0, n))))
    return 'other';
  if (words.some((w) => ORG_WORDS.has(w))) return 'organisation';
  if (PLACE_WORDS.has(last)) return 'place';
  if (titled) return 'person';
  if (/^\p{Lu}{2,}$/u.test(name)) return 'organisation';
  if (['in', 'near', 'from', 'to', 'at'].includes(prevWord) && words.length <= 2) return 'place';
  if (words.length >= 2 && words.length <= 4 && /^\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)+$/u.test(name))
    return 'person';
  return 'other';
}
