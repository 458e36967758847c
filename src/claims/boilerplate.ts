/**
 * Page furniture that extraction lets through: bylines, credits, image names, notices, section
 * headings. None of it is ever a claim, whatever the text model thinks of its words. The rules are
 * generic (no site's wording) so they hold on pages we have never seen.
 */
import { codePointLength, letterOrDigitAt } from '../nlp/chars.ts';

/**
 * A notice of the site or its player rather than the article: cookies, sign-in and subscribe prompts
 * (also in the languages of the pages we read: "ingresar con tu usuario", "connectez-vous", "melden Sie
 * sich an"), a video's countdown ("Your video will play in 00:25").
 */
const NOTICE =
  /\b(?:reCAPTCHA|cookies?|privacy policy|terms of (?:service|use)|all rights reserved|newsletter|subscribe|sign up|sign in|log in|scroll to top|back to top|read more|click here|share this|advertisement|sponsored content|follow us|download the app|javascript|your browser|(?:video|clip|ad|advert) will (?:play|begin|start|resume) (?:in \d+|shortly|after)|iniciar sesión|inicia sesión|ingres(?:ar|á|a) con tu (?:usuario|cuenta)|suscr[ií]bete|reg[ií]strate|connectez-vous|abonnez-vous|inscrivez-vous|melden sie sich an|jetzt anmelden|abonnieren sie|faça login|assine|accedi|abbonati)\b|©|\bcopyright\b/iu;
/**
 * NOTICE asked without Unicode case folding, which makes it several times slower (and every block is
 * asked). The two read a text alike but for the two letters that Unicode folds to ASCII ones (long s
 * to "s", the Kelvin sign to "k"): a block with either is asked the Unicode expression.
 */
const NOTICE_ASCII_FOLD = new RegExp(NOTICE.source, 'i');
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

function isNotice(t: string): boolean {
  return (FOLDS_TO_ASCII.test(t) ? NOTICE : NOTICE_ASCII_FOLD).test(t);
}
const CREDIT =
  /(?:^|[\s(])(?:PHOTO|PHOTOS|IMAGE|CREDIT|Photo|Image|Credit|Photograph)\s*(?:by)?\s*:|\b(?:Getty Images|AFP via|Shutterstock|Reuters\/|AP Photo)\b|^\s*\/\s*\S/;
const IMAGE_NAME = /^\S*\.(?:jpe?g|png|gif|webp|svg|avif)$|^\S+[-_]\d+\.?$|^(?:jpe?g|png|gif|webp)$/i;
const BYLINE = /^(?:by|written by|reporting by|edited by)\s+\p{Lu}/iu;
const DATE_LINE =
  /^(?:(?:published|updated|posted)\s*:?\s*)?(?:\w+day,?\s+)?(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2}(?:,?\s+\d{4})?(?:\s+\d{1,2}:\d{2}.*)?$/i;
/**
 * A deal or affiliate line: "SAVE $250.00 – …", "DEAL: …", "… was $999, now $699 at Best Buy". Shops'
 * offers inside an article are advertising, whatever their figures.
 */
const DEAL =
  /^(?:SAVE|DEAL|SALE|OFFER|TODAY ONLY|PRICE DROP)\b[\s:–—-]*(?:[$£€]|\d|UP TO)|\bwas\s+[$£€]\d[\d,.]*,?\s+now\s+[$£€]\d[\d,.]*|\bnow\s+[$£€]\d[\d,.]*\s+(?:at|from)\s+\p{Lu}/u;
const LABEL_LINE =
  /^(?:Author Image|Image|Photo|Video|Audio|Gallery|Share|Comments?|Related|Advertisement|Listen|Menu|Close|Dismiss)$/i;

/**
 * Words of a dateline, an update line, a reading-time note or a republication line ("Originally
 * published at …"); numbers and times are matched apart.
 */
const DATELINE_WORD =
  /^(?:published|updated|posted|written|modified|originally|last|first|on|at|by|in|ago|the|of|and|date|time|read|reading|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|today|yesterday|am|pm|a\.m|p\.m|gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/;
/** A number, a time or a numeric date: "10:48", "9:55am", "11/19/2019", "2nd", "19:11". */
const DATELINE_NUMBER = /^\d[\d:./-]*(?:am|pm|st|nd|rd|th|h)?$/;
/** A web address, which a republication line names as its author's site: "www.example.com", "example.org/blog". */
const DATELINE_SITE = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:\/\S*)?$/u;
/** A word of a line, between the separators a dateline uses. */
const DATELINE_TOKEN = /[^\s,;:|·•–—()[\]]+/g;

/**
 * A dateline, update line, reading-time note or republication line, whatever its format: "Published 1
 * day ago", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Updated: 18 Nov 2019, 19:11", "5:45 AM PST 11/19/2019
 * by", "Oct 18, 2019 · 8 min read", "Posted by Jane Doe on 9:55am Wed 2 Jan 08", "Originally published at
 * www.example.com on November 18, 2011". Every word is a date, time or dateline word, except at most three
 * capitalised ones or web addresses (the author's name, their site), and there is a number.
 */
export function isDateLine(text: string): boolean {
  // Without a digit there is no figure, and a dateline needs one.
  if (!/\d/.test(text)) return false;
  let figures = 0;
  let names = 0;
  let count = 0;
  // Word by word, leaving at the first that cannot be a dateline's: every sentence is asked. An exec
  // loop rather than matchAll, which copies the expression on each call.
  DATELINE_TOKEN.lastIndex = 0;
  for (let m = DATELINE_TOKEN.exec(text); m; m = DATELINE_TOKEN.exec(text)) {
    const raw = m[0];
    if (!/[\p{L}\p{N}]/u.test(raw)) continue;
    if (++count > 16) return false;
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const lower = w.toLowerCase().replace(/\.$/, '');
    if (DATELINE_NUMBER.test(lower)) figures++;
    else if (DATELINE_WORD.test(lower)) continue;
    else if ((/^\p{Lu}/u.test(w) || DATELINE_SITE.test(lower)) && ++names <= 3) continue;
    else return false;
  }
  return figures > 0;
}

/**
 * Why a block is page furniture, or null when it is prose. Works on the whole block: a caption that
 * ends in a photo credit is furniture in every one of its sentences.
 */
export function boilerplateBlock(block: string): string | null {
  const t = block.trim();
  if (!t) return 'empty';
  if (isNotice(t) && t.split(/\s+/).length < 40) return 'notice';
  if (CREDIT.test(t)) return 'credit';
  if (IMAGE_NAME.test(t)) return 'image';
  if (DEAL.test(t)) return 'deal';
  if (BYLINE.test(t) && t.split(/\s+/).length <= 12) return 'byline';
  if (DATE_LINE.test(t) || isDateLine(t)) return 'date';
  if (LABEL_LINE.test(t)) return 'label';
  return null;
}

/**
 * Why a sentence cannot be a claim on its own, or null. A headline-like line (no final punctuation,
 * short, no figures) is a heading that extraction tagged as a paragraph; a handful of capitalised
 * words with no verb is a name, an outlet or a label.
 */
export function boilerplateSentence(text: string, tags: readonly string[]): string | null {
  const t = text.trim();
  // Enough words to answer the rules below, which ask about up to 15.
  const words = countWords(t, 16);
  if (words < 4) return 'fragment';
  if (IMAGE_NAME.test(t)) return 'image';
  if (/^\s*[/|]/.test(t)) return 'credit';
  if (isDateLine(t)) return 'date';
  // A verbless line is a name, an outlet or a label, unless it is a whole sentence with a figure or of
  // some length ("$500 per child under 18.", "More progress in eight years than in the eighty before."):
  // speakers and headlines drop the verb, and the tagger misses some.
  const hasVerb = tags.some((p) => p === 'VERB' || p === 'AUX');
  if (!hasVerb && (!/[.!?]["”’)]?\s*$/.test(t) || (words < 8 && !/\d/.test(t)))) return 'no-verb';
  if (!/[.!?:;"”’)]\s*$/.test(t) && !/\d/.test(t) && words <= 15) return 'heading';
  if (/\|/.test(t) && !/[.!?]\s*$/.test(t)) return 'heading';
  return null;
}

/** What `\s` matches in a regular expression (all of it in the Basic Multilingual Plane). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Words of a sentence: runs between white space (`\s`) that hold a letter or a digit (`[\p{L}\p{N}]`),
 * counted up to `cap` (the rules above only ask about the first few). One scan, because splitting and
 * testing every word was a cost paid on every sentence.
 */
export function countWords(t: string, cap = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let i = 0;
  while (i < t.length && count < cap) {
    // A run up to its first letter or digit...
    let c = t.charCodeAt(i);
    let found = false;
    while (i < t.length && !isSpace(c)) {
      const len = letterOrDigitAt(t, i);
      if (len > 0) {
        found = true;
        break;
      }
      i += codePointLength(t, i);
      c = t.charCodeAt(i);
    }
    if (found) {
      count++;
      // ...and the rest of it, which only needs its end found.
      while (i < t.length && !isSpace(t.charCodeAt(i))) i++;
    }
    while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  }
  return count;
}
