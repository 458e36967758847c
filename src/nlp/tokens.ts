/**
 * Word-level tokens shared by every model (claims, matching, stance), so that features
 * computed at training time and in the browser are the same.
 */

const STOPWORDS = new Set(
  (
    'a an the and or but if then than that this these those there their they them he she it its his her him we us our ' +
    'you your i me my of to in on at by for from with as is are was were be been being has have had do does did ' +
    'not no nor so such too very can could would should will shall may might must also just only into over under ' +
    'about after before between through during against up down out off again further once here when where why how ' +
    'all any both each few more most other some own same what which who whom whose s t'
  ).split(' '),
);

/** True for function words that carry no topic. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Lower-cased word and number tokens; apostrophes and hyphens inside words are kept. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * A light suffix stripper: enough to make "troops"/"troop" and "deployed"/"deploy" meet,
 * cheap enough to run on every token in the service worker.
 */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  for (const suffix of ['ing', 'edly', 'ed', 'ly', 'es', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Stemmed content words of a text, in order, stopwords removed. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopword(t))
    .map(stem);
}
