/**
 * Every match of a global regular expression, for the detectors that run on each sentence of an
 * article: the same matches, in the same order, as `text.matchAll(re)`, without the copy of the
 * expression that `matchAll` makes on every call (a cost comparable to the match itself on a
 * sentence). `re` must have the `g` flag; its `lastIndex` is 0 again on return.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (one code point under the `u` flag), as matchAll does.
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? i + 2 : i + 1;
}
