/**
 * Which sentence of another article states the same fact as each of ours: a one-to-one alignment of
 * two articles' sentences by mutual best match, so a claim links to the sentence that says what it
 * says rather than to every sentence of the topic. Scoring every pair of two articles must be cheap:
 * each sentence's content words become a sorted, idf-weighted vector once, and a pair costs one merge.
 */
import type { SentenceAnalysis } from '../model/sentence.ts';
import { idfOf } from './features.ts';
import { preparedOf, sameSpeaker } from './index.ts';
import { IDF } from './model.ts';
import { sentenceQuantities, unitsAgree } from './numbers.ts';
import { concept, contentStems, stem, tokens } from './text.ts';

/** A sentence's content stems (sorted) with their idf, for fast pairwise scores. */
interface Terms {
  stems: string[];
  idf: number[];
  /** Sum of idf and of idf squared. */
  total: number;
  norm: number;
  /** `total` and `norm` leaving out one set of stems, kept for the set last asked (one set is in use). */
  without?: { ignore: ReadonlySet<string>; total: number; norm: number };
}

const termsByText = new Map<string, Terms>();
const TERMS_CACHE = 20_000;

function termsOf(s: SentenceAnalysis): Terms {
  let t = termsByText.get(s.text);
  if (t) return t;
  // Synonyms meet ("troops" and "soldiers"): two outlets rarely count one thing with the same noun.
  const stems = [...new Set([...preparedOf(s).contentSet].filter((x) => x.length > 1).map(concept))].sort();
  const idf = stems.map((x) => idfOf(IDF, x));
  let total = 0;
  let sq = 0;
  for (const w of idf) {
    total += w;
    sq += w * w;
  }
  t = { stems, idf, total, norm: Math.sqrt(sq) };
  if (termsByText.size >= TERMS_CACHE) termsByText.clear();
  termsByText.set(s.text, t);
  return t;
}

const saidByText = new Map<string, ReadonlySet<string>>();

/**
 * What a sentence says of whom it names: its content words (as concepts) and figures that are not part
 * of a name it mentions or of its source's name or role.
 */
function saidOf(s: SentenceAnalysis): ReadonlySet<string> {
  let said = saidByText.get(s.text);
  if (!said) {
    const names = new Set<string>();
    for (const e of s.entities) for (const w of contentStems(e.text)) names.add(w);
    // Its source's role is a name too: two lines of "Union president Marcus Hale" share him, not a fact.
    if (s.attribution)
      for (const w of contentStems(`${s.attribution.source} ${s.attribution.role ?? ''}`)) names.add(w);
    said = new Set(
      contentStems(withoutClosingSpeaker(s))
        .filter((w) => !names.has(w))
        .map(concept),
    );
    if (saidByText.size >= TERMS_CACHE) saidByText.clear();
    saidByText.set(s.text, said);
  }
  return said;
}

/**
 * A sentence without its closing speaker: one named by a common noun (`TRAILING_SPEAKER`), or its named
 * source and what follows the name (", said Andrew Hollis, chief inspector of the Rail Accident
 * Investigation Branch."), who spoke and what they are, not what was said.
 */
function withoutClosingSpeaker(s: SentenceAnalysis): string {
  const text = s.text.replace(TRAILING_SPEAKER, '');
  const source = s.attribution?.source;
  if (!source) return text;
  const at = text.lastIndexOf(source);
  if (at < 0 || !CLOSING_SAID.test(text.slice(Math.max(0, at - 12), at))) return text;
  const rest = text.slice(at + source.length);
  return QUOTE_MARK.test(rest) ? text : text.slice(0, at);
}

/** A saying verb right before a closing speaker's name (", said Andrew Hollis"). */
const CLOSING_SAID = /,\s+(?:said|says|added|adds)\s+$/;
/** A quote mark: a closing speaker is followed by nothing quoted. */
const QUOTE_MARK = /["“”]/;

/**
 * A sentence's closing speaker named by a common noun (", the museum said.", ", a hospital spokesman
 * said."), which the attribution reader leaves unnamed: who spoke, not what was said.
 */
const TRAILING_SPEAKER =
  /,\s+(?:the|a|an|its|his|her|their)\s+[\p{L}' -]{1,40}?\s+(?:said|says|added|told\s+\p{L}+)[.!]?\s*$/u;

/**
 * Whether two sentences share something they say beyond the names they mention: "Dylan Thomas has been
 * contacted for comment" states nothing of "Dylan Thomas was told by doctors that he had an allergy".
 * Two lines of one speaker share more than a word: a speaker says several things of one story ("the
 * longest search the team had carried out", "the value of carrying emergency kit").
 */
export function saysAlike(a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  // A sentence repeated word for word says what it says, even when that is all names ("'It's Kevin being
  // Kevin,' his cousin Keith told CBC.").
  if (a.text === b.text) return true;
  if (sameSpeaker(a, b)) return sharedBeyondSpeakers(a, b) >= 2;
  const x = saidOf(a);
  const y = saidOf(b);
  for (const w of x) if (y.has(w) && !figureOfOtherThings(w, a, b)) return true;
  return false;
}

/**
 * Whether a word two sentences share is a figure of each that counts other things: "More than fifty people
 * were injured" and "drivers could see less than fifty metres ahead" share a number, not a fact.
 */
function figureOfOtherThings(w: string, a: SentenceAnalysis, b: SentenceAnalysis): boolean {
  const figures = (s: SentenceAnalysis) =>
    sentenceQuantities(s).filter((q) => tokens(q.raw).some((t) => concept(stem(t)) === w));
  const fa = figures(a);
  const fb = figures(b);
  return fa.length > 0 && fb.length > 0 && !fa.some((x) => fb.some((y) => unitsAgree(x, y)));
}

/** The outlet a speaker told something, by its capitalised name ("told CBS News", "told the AP"). */
const TOLD_OUTLET = /\btold\s+((?:the\s+)?(?:\p{Lu}[\p{L}\d.&'’-]*\s*){1,4})/gu;

/**
 * The content words two sentences share beyond their speakers' names and roles: the names of whom they
 * speak of count ("The Pentagon's press secretary confirmed the death of Ahmed Abdi Godane" and "The
 * Pentagon has confirmed that Ahmed Abdi Godane ... was killed").
 */
function sharedBeyondSpeakers(a: SentenceAnalysis, b: SentenceAnalysis): number {
  // The speaker's name and role are left out where the sentence names them, not wherever their words
  // come up: "the Sayed Civilian Monitor said 38 of the dead were civilians" still says "civilians".
  const named = [a.attribution, b.attribution].flatMap((x) => (x ? [x.source, x.role ?? ''] : []));
  // Whom they told is no more what they said than who they are ("told CBS News", "told the AP").
  const told = new Set<string>();
  for (const s of [a, b])
    for (const m of s.text.matchAll(TOLD_OUTLET)) for (const w of contentStems(m[1])) told.add(w);
  const words = (s: SentenceAnalysis) => {
    let text = s.text;
    for (const n of named) if (n) text = text.replace(n, ' ');
    return new Set(
      contentStems(text)
        .filter((w) => !told.has(w))
        .map(concept),
    );
  };
  const x = words(a);
  let shared = 0;
  for (const w of words(b)) if (x.has(w)) shared++;
  return shared;
}

/** How much two sentences share, weighted by rarity: cosine, and the covered share of each side. */
export interface Overlap {
  cos: number;
  coverMin: number;
  coverMax: number;
}

/**
 * The overlap of two sentences. `ignore` leaves out stems that frame a statement rather than say what it
 * is about ("claim", "report", "hoax"), for the relevance of a denial to a claim.
 */
export function overlap(a: SentenceAnalysis, b: SentenceAnalysis, ignore?: ReadonlySet<string>): Overlap {
  const x = termsOf(a);
  const y = termsOf(b);
  let i = 0;
  let j = 0;
  let shared = 0;
  let dot = 0;
  while (i < x.stems.length && j < y.stems.length) {
    const p = x.stems[i];
    const q = y.stems[j];
    if (p === q) {
      if (!ignore?.has(p)) {
        shared += x.idf[i];
        dot += x.idf[i] * x.idf[i];
      }
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  const [tx, nx] = ignore ? totals(x, ignore) : [x.total, x.norm];
  const [ty, ny] = ignore ? totals(y, ignore) : [y.total, y.norm];
  return overlapOf(shared, dot, tx, nx, ty, ny);
}

/** The overlap of two sentences from the idf mass they share, its square, and each side's total and norm. */
function overlapOf(shared: number, dot: number, tx: number, nx: number, ty: number, ny: number): Overlap {
  const ca = tx ? shared / tx : 0;
  const cb = ty ? shared / ty : 0;
  return {
    cos: nx && ny ? dot / (nx * ny) : 0,
    coverMin: Math.min(ca, cb),
    coverMax: Math.max(ca, cb),
  };
}

/** Sum of idf and norm of a sentence's stems, leaving some out. */
function totals(t: Terms, ignore: ReadonlySet<string>): [number, number] {
  if (t.without?.ignore !== ignore) {
    let total = 0;
    let sq = 0;
    for (let k = 0; k < t.stems.length; k++)
      if (!ignore.has(t.stems[k])) {
        total += t.idf[k];
        sq += t.idf[k] * t.idf[k];
      }
    t.without = { ignore, total, norm: Math.sqrt(sq) };
  }
  return [t.without.total, t.without.norm];
}

/** The alignment score of a pair: rarity-weighted overlap, crediting a short sentence fully covered by a long one. */
export function alignScore(o: Overlap): number {
  return 0.5 * o.cos + 0.3 * o.coverMax + 0.2 * o.coverMin;
}

/** Score matrices by pair of sentence lists: judging two articles both ways needs one matrix, transposed. */
const matrices = new WeakMap<readonly SentenceAnalysis[], WeakMap<readonly SentenceAnalysis[], number[][]>>();

function scoreMatrix(ours: readonly SentenceAnalysis[], theirs: readonly SentenceAnalysis[]): number[][] {
  const known = matrices.get(ours)?.get(theirs);
  if (known) return known;
  const reverse = matrices.get(theirs)?.get(ours);
  const scores = reverse
    ? ours.map((_, i) => theirs.map((_, j) => reverse[j][i]))
    : sparseScores(ours, theirs);
  let row = matrices.get(ours);
  if (!row) {
    row = new WeakMap();
    matrices.set(ours, row);
  }
  row.set(theirs, scores);
  return scores;
}

/**
 * `alignScore(overlap(a, b))` for every pair, through an index of their stems: two articles' sentences
 * mostly share no stem at all, so a pair costs only the stems it shares. Each pair's sums are taken in
 * the order of our sentence's sorted stems, as `overlap` takes them, so the scores are the same numbers.
 */
function sparseScores(ours: readonly SentenceAnalysis[], theirs: readonly SentenceAnalysis[]): number[][] {
  const their = theirs.map(termsOf);
  const postings = new Map<string, number[]>();
  their.forEach((t, j) => {
    for (const stem of t.stems) {
      const list = postings.get(stem);
      if (list) list.push(j);
      else postings.set(stem, [j]);
    }
  });
  const shared = new Float64Array(theirs.length);
  const dot = new Float64Array(theirs.length);
  const seen = new Uint8Array(theirs.length);
  const touched: number[] = [];
  return ours.map((a) => {
    const x = termsOf(a);
    for (let i = 0; i < x.stems.length; i++) {
      const list = postings.get(x.stems[i]);
      if (!list) continue;
      const w = x.idf[i];
      for (const j of list) {
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        shared[j] += w;
        dot[j] += w * w;
      }
    }
    const row = new Array<number>(theirs.length).fill(0);
    for (const j of touched) {
      const y = their[j];
      row[j] = alignScore(overlapOf(shared[j], dot[j], x.total, x.norm, y.total, y.norm));
      shared[j] = 0;
      dot[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
    return row;
  });
}

export interface Aligned {
  /** Index into our sentences and into theirs. */
  ours: number;
  theirs: number;
  score: number;
}

/** Scores within this of a sentence's best count as its best too (repeated or near-identical sentences). */
const TIE = 0.02;
/**
 * Their sentence need not prefer ours above all others: it may pair with ours when ours scores at least
 * this share of its best (a sentence that states two facts pairs with a statement of each).
 */
const MUTUAL = 0.75;

/**
 * Content stems a sentence needs to state a fact at all. A one-word line ("Banksy?", a section's
 * "Advertisement") is wholly covered by any sentence naming its word, so it would outscore the sentence
 * that states the same fact and take its place in the alignment.
 */
export const MIN_ALIGNED_STEMS = 2;

/** Whether a sentence says enough to be aligned with another. */
function statesSomething(s: SentenceAnalysis): boolean {
  return termsOf(s).stems.length >= MIN_ALIGNED_STEMS;
}

/**
 * Mutual best matches between two articles' sentences with a score of at least `floor`: our sentence's
 * best match among theirs for which our sentence is (nearly) the best match among ours (ties within a
 * hair allowed, so a sentence an outlet repeats aligns with both copies). Sentences of fewer than
 * MIN_ALIGNED_STEMS content stems take no part.
 */
export function alignSentences(
  ours: readonly SentenceAnalysis[],
  theirs: readonly SentenceAnalysis[],
  floor: number,
  options: { beyondNames?: boolean } = {},
): Aligned[] {
  if (!ours.length || !theirs.length) return [];
  const scores = scoreMatrix(ours, theirs);
  const oursState = ours.map(statesSomething);
  const theirsState = theirs.map(statesSomething);
  const bestOfOurs = new Array<number>(ours.length).fill(0);
  const bestOfTheirs = new Array<number>(theirs.length).fill(0);
  // With `beyondNames`, a pair that shares nothing but names takes no part, so that each sentence's best
  // match is one that says something of what it names.
  // Asked once per pair and kept for the second pass (`saysAlike` reads both sentences' words).
  const pairable = new Uint8Array(ours.length * theirs.length);
  for (let i = 0; i < ours.length; i++)
    for (let j = 0; j < theirs.length; j++) {
      if (
        !oursState[i] ||
        !theirsState[j] ||
        (options.beyondNames && scores[i][j] >= floor && !saysAlike(ours[i], theirs[j]))
      )
        continue;
      pairable[i * theirs.length + j] = 1;
      bestOfOurs[i] = Math.max(bestOfOurs[i], scores[i][j]);
      bestOfTheirs[j] = Math.max(bestOfTheirs[j], scores[i][j]);
    }
  const out: Aligned[] = [];
  for (let i = 0; i < ours.length; i++)
    for (let j = 0; j < theirs.length; j++) {
      if (!pairable[i * theirs.length + j]) continue;
      const s = scores[i][j];
      if (s < floor || s < bestOfOurs[i] - TIE || s < bestOfTheirs[j] * MUTUAL) continue;
      out.push({ ours: i, theirs: j, score: s });
    }
  return out;
}

/**
 * `alignScore(overlap(ours[i], theirs[j]))` for every pair of two articles' sentences, scored once per
 * pair of articles (the alignment takes the same scores).
 */
export function pairScores(
  ours: readonly SentenceAnalysis[],
  theirs: readonly SentenceAnalysis[],
): readonly (readonly number[])[] {
  return scoreMatrix(ours, theirs);
}

/**
 * Their sentence that scores best with our sentence `i` (the first of equals), at least `floor`: what
 * `mostAbout(ours[i], theirs, floor, { max: 1 })[0]` finds, read from the scores the alignment of the
 * two articles has already taken.
 */
export function bestMatch(
  ours: readonly SentenceAnalysis[],
  theirs: readonly SentenceAnalysis[],
  i: number,
  floor: number,
): { index: number; score: number } | undefined {
  const row = pairScores(ours, theirs)[i];
  let best: { index: number; score: number } | undefined;
  for (let j = 0; j < row.length; j++)
    if (row[j] >= floor && (!best || row[j] > best.score)) best = { index: j, score: row[j] };
  return best;
}

/**
 * Our sentences a statement of theirs is most about (a denial, a "cannot confirm", a debunk's key
 * sentence): the best-scoring one and any within `share` of it, at most `max` different ones, each at
 * least `floor`, leaving out the sentences `skip` names and the stems in `ignore`.
 */
export function mostAbout(
  statement: SentenceAnalysis,
  ours: readonly SentenceAnalysis[],
  floor: number,
  options: {
    max?: number;
    share?: number;
    ignore?: ReadonlySet<string>;
    skip?: (index: number) => boolean;
  } = {},
): { index: number; score: number }[] {
  const { max = 3, share = 0.85, ignore, skip } = options;
  // Scored first and skipped after: `skip` is the costly test, and most sentences fall below the floor.
  const scored = ours
    .map((s, index) => ({ index, score: alignScore(overlap(statement, s, ignore)) }))
    .filter((x) => x.score >= floor && !skip?.(x.index))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  if (!scored.length) return [];
  const best = scored[0].score;
  // A sentence an article repeats (a headline above its first paragraph) takes one place, not two.
  const texts = new Set<string>();
  return scored.filter((x) => {
    if (x.score < best * share) return false;
    texts.add(ours[x.index].text);
    return texts.size <= max;
  });
}
