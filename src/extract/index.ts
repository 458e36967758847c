/**
 * Is this page an article, and what are its text blocks? Runs in the content script on every page
 * (so it must be cheap and must bail out early on non-articles) and in the CLI on saved HTML.
 */
import { ARTICLE_LIMITS, type ArticleInput, outletFrom } from '../article/types.ts';
import {
  BLOCK_KIND,
  BLOCK_TAGS,
  collectBlockSteps,
  type DomBlock,
  isSkipped,
  linkChars,
  type ReadCache,
  readCache,
} from './blocks.ts';
import { drain, runSliced, type SliceOptions, STEP_NODES, type Steps } from './slices.ts';

export type { DomBlock } from './blocks.ts';
export { blockMap, blockMapSteps, domPosition } from './blocks.ts';
export { drain, runSliced, type SliceOptions, type Steps } from './slices.ts';

export interface DomArticle {
  input: ArticleInput;
  /** The blocks in the same order as `input.blocks`, with their DOM maps. */
  blocks: DomBlock[];
  root: Element;
}

/** Minimum prose (characters in paragraphs of 80+ characters) for a page to count as an article. */
const MIN_PROSE_CHARS = 500;
const MIN_PROSE_PARAGRAPHS = 3;
/**
 * Or Readability's reader-view measure (`isProbablyReaderable`'s defaults): each paragraph longer than
 * 140 characters adds the square root of its excess, and a page scoring over 20 is an article. A news
 * brief of two long paragraphs, or a story laid out as one block of text, has too few paragraphs for
 * the count above but is an article all the same.
 */
const READERABLE_MIN_CHARS = 140;
const READERABLE_SCORE = 20;

/** Elements that declare themselves the article (or the page's main content). */
const EXPLICIT = 'article, [itemprop="articleBody"], [itemprop="articlebody"], main, [role="main"]';

/**
 * Picks the element that holds the article body: an `<article>` or `[itemprop=articleBody]` when it
 * holds most of the prose, else the ancestor that gathers the most paragraph text (Readability's idea,
 * reduced to one pass over the paragraphs). Resumable steps, so the content script can slice the work.
 */
export function* findArticleRootSteps(
  doc: Document,
  useCss = false,
  strict = true,
  cache: ReadCache = readCache(),
): Steps<Element | null> {
  const body = doc.body;
  if (!body) return null;
  // A `<br>` stands for its parent's text (pages laid out with line breaks or table cells, no `<p>`).
  // List items count only on the second try, and only when they read as prose (long, ending a
  // sentence): menus and teaser lists are lists of short links, and a page has many, but an article may
  // be a numbered list whose items sit apart from its few paragraphs.
  // Text boxes on the second try only when the first scored few paragraphs: where paragraphs are divs
  // or cells the page has no prose <p>, and a home page's thousands of divs are otherwise not asked.
  const boxes = !strict && (cache.scored ?? 0) < BOXES_UNDER_PARAGRAPHS;
  const { paragraphs, explicit } = yield* candidateSteps(body, strict, SLICED_SCAN_ELEMENTS, boxes);
  /** Paragraph score gathered by each of the three nearest ancestors (Readability's candidate score). */
  const scores = new Map<Element, number>();
  /** Paragraph score contained anywhere below each explicit element. */
  const inside = new Map<Element, number>();
  const skipped = new Map<Element, boolean>();
  const declaredAbove = new Map<Element, readonly Element[]>();
  const seen = new Set<Element>();
  /** The paragraphs that scored, in page order. */
  const counted: Element[] = [];
  const weights: number[] = [];
  let total = 0;
  let work = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (++work % STEP_NODES === 0) yield;
    const el = p.localName === 'br' ? p.parentElement : p;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    // A menu item (one link, or a link and its submenu) is never prose: spared reading its text, which
    // for a submenu is the whole submenu's.
    if (el.localName === 'li' && isMenuItem(el)) continue;
    let content = cache.texts.get(el);
    if (content === undefined) {
      content = el.textContent ?? '';
      cache.texts.set(el, content);
    }
    const length = content.trim().length;
    if (length < 25) continue;
    if (el.localName === 'li' && (length < 80 || !PROSE_END.test(content))) continue;
    if (skippedChain(el, body, skipped, useCss, strict, cache.skipped)) continue;
    // Text that is mostly links is a list of other pages (teasers, related stories, a magazine's
    // contents): it counts by the share of it that is not links, as in Readability. Only short text is
    // asked: such lists are made of short items, and an article's long paragraphs are most of a page's.
    const linked = length < LINK_CHECK_CHARS ? linkChars(el, cache) : 0;
    if (linked > 0.5 * length) continue;
    const score = (Math.min(length, 1_000) + (commas(content) + 1) * 10) * (1 - linked / length);
    counted.push(el);
    weights.push(score);
    total += score;
    let parent = el.parentElement;
    for (let level = 0; parent && level < 3; level++, parent = parent.parentElement) {
      scores.set(parent, (scores.get(parent) ?? 0) + score / (level + 1));
    }
    if (explicit.size) {
      for (const a of explicitAbove(el.parentElement, body, explicit, declaredAbove))
        inside.set(a, (inside.get(a) ?? 0) + score);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  const scoredBest = best;
  if (best) best = commonAncestorOfPeers(best, bestScore, scores, body);
  // The best candidate's score counts only the three levels below it, so it holds at least that much
  // prose: most article pages are settled here without a second look at every paragraph.
  if (best && (best !== scoredBest || bestScore < total * 0.5))
    best = yield* gatheringAncestorSteps(best, counted, weights, total);
  // A row of a layout table is not the article: the table is (its other rows hold the rest of it),
  // unless the story is one cell of the row, beside a menu column (`storyCellSteps`).
  const row = best?.localName === 'tr' ? best : null;
  while (best && TABLE_PARTS.has(best.localName) && best.parentElement && best.parentElement !== body)
    best = best.parentElement;
  if (row && best) best = (yield* storyCellSteps(row, best, counted, weights)) ?? best;
  // The explicit element holding the most prose, when it holds a good share of the page's prose.
  let declared: Element | null = null;
  let declaredScore = 0;
  for (const [el, score] of inside) {
    if (score > declaredScore) {
      declared = el;
      declaredScore = score;
    }
  }
  const root = chooseRoot(best, declared, declaredScore >= total * 0.4, seen);
  if (strict) cache.scored = counted.length;
  if (!strict && root) cache.exempt = yield* furnitureWrapperSteps(root, counted);
  return root;
}

/** What `findArticleRootSteps` reads: the paragraph-like elements in page order, and the declared articles. */
interface Candidates {
  paragraphs: ArrayLike<Element>;
  explicit: Set<Element>;
}

/**
 * Past this many elements a page's candidates are gathered in slices: one selector query walks the
 * whole page in one go, and on a page of 100,000 nodes that alone is a long task.
 */
const SLICED_SCAN_ELEMENTS = 20_000;

/**
 * The candidates of `findArticleRootSteps`, by two selector queries on an ordinary page (the browser's
 * matching is the cheapest way there), or on a very large page by one walk that yields every
 * `STEP_NODES` elements and keeps exactly what the queries would (`scanOver` lowers the size for tests).
 */
export function* candidateSteps(
  body: Element,
  strict: boolean,
  scanOver = SLICED_SCAN_ELEMENTS,
  /** Whether divs and cells that hold text are candidates too (`isTextBox`; never on the first try). */
  boxes = !strict,
): Steps<Candidates> {
  const explicit = new Set<Element>();
  if (body.getElementsByTagName('*').length <= scanOver) {
    let paragraphs: ArrayLike<Element> = body.querySelectorAll(
      strict ? PARAGRAPHS : boxes ? `${PARAGRAPHS}, li, div, td` : `${PARAGRAPHS}, li`,
    );
    if (boxes) {
      const found = paragraphs;
      const kept: Element[] = [];
      for (let i = 0; i < found.length; i++) {
        const name = found[i].localName;
        if ((name !== 'div' && name !== 'td') || isTextBox(found[i])) kept.push(found[i]);
      }
      paragraphs = kept;
    }
    const declaring = body.querySelectorAll(EXPLICIT);
    // Indexed, as every loop over a node list here: its iterator is one more call into the page per item.
    for (let i = 0; i < declaring.length; i++) explicit.add(declaring[i]);
    return { paragraphs, explicit };
  }
  const paragraphs: Element[] = [];
  const doc = body.ownerDocument;
  // A walker, not a live collection: the page may change between slices, which a walker survives.
  const walker = doc.createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  let work = 0;
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (++work % STEP_NODES === 0) yield;
    const name = el.localName;
    if (
      PARAGRAPH_NAMES.has(name) ||
      (!strict && (name === 'li' || (boxes && (name === 'div' || name === 'td') && isTextBox(el))))
    )
      paragraphs.push(el);
    else if (name === 'br') {
      const parent = el.parentElement?.localName;
      if (parent === 'div' || parent === 'td') paragraphs.push(el);
    }
    if (name === 'article' || name === 'main') explicit.add(el);
    else if (el.hasAttributes()) {
      const itemprop = el.getAttribute('itemprop');
      if (itemprop === 'articleBody' || itemprop === 'articlebody' || el.getAttribute('role') === 'main')
        explicit.add(el);
    }
  }
  return { paragraphs, explicit };
}

/**
 * Paragraph-like elements (a `<br>` standing for its parent's text); list items and the divs and cells
 * that hold text join on the second try.
 */
const PARAGRAPHS = 'p, pre, blockquote, div > br, td > br';
const PARAGRAPH_NAMES = new Set(['p', 'pre', 'blockquote']);

/** A page whose first try scored this many paragraphs or more writes them as such: no text box is asked. */
const BOXES_UNDER_PARAGRAPHS = 3;

/**
 * A `<div>` or a table cell used as a paragraph: text, bare or wrapped in a `<span>` or a `<font>`, and no
 * block among its children. Some sites write every paragraph of the article so, a div or a table row
 * each, with no `<p>` on the page (Readability reads such divs as paragraphs too); whether it holds
 * enough text is the candidates' own test. Asked on the second try only: on the first, the divs of a
 * page's furniture (bylines, captions, teasers) would all be candidates.
 */
function isTextBox(box: Element): boolean {
  let content = false;
  for (let c = box.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      const name = (c as Element).localName;
      if (TEXT_BOX_BLOCKS.has(name)) return false;
      content ||= TEXT_WRAPPERS.has(name);
    } else if (c.nodeType === 3) content ||= (c.nodeValue ?? '').trim() !== '';
  }
  return content;
}

/**
 * Inline elements that wrap a paragraph's text. A link, an image or an icon alone is not text: a box
 * holding only those is a teaser's headline, a menu item or a picture, and a home page has thousands.
 */
const TEXT_WRAPPERS = new Set([
  'span',
  'font',
  'b',
  'strong',
  'i',
  'em',
  'small',
  'big',
  'u',
  'mark',
  'q',
  'cite',
]);

/** Children that make a div or a cell a container of blocks rather than a paragraph. */
const TEXT_BOX_BLOCKS = new Set([
  ...Object.keys(BLOCK_KIND),
  ...BLOCK_TAGS,
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  'figure',
  'dl',
  'hr',
]);

/** The best-scoring candidate or the declared article, whichever holds the article. */
function chooseRoot(
  best: Element | null,
  declared: Element | null,
  declaredHoldsMost: boolean,
  seen: ReadonlySet<Element>,
): Element | null {
  if (!best) return declared;
  if (!declared || !declaredHoldsMost) return best;
  if (declared.contains(best)) return declared;
  if (best.contains(declared)) {
    let bestInside = 0;
    for (const p of seen) if (best.contains(p)) bestInside += 1;
    let declaredInside = 0;
    for (const p of seen) if (declared.contains(p)) declaredInside += 1;
    return declaredInside >= bestInside * 0.6 ? declared : best;
  }
  return best;
}

const TABLE_PARTS = new Set(['tr', 'tbody', 'thead', 'tfoot']);

/** Share of a layout table's prose that one cell must hold to be the article without the rest. */
const STORY_CELL_SHARE = 0.8;

/**
 * The cell of a layout table's best row that is the story, if one is: 2008-style pages put the menu
 * column (links, the weather, the lottery numbers) and the story side by side in cells of one row,
 * and the menu is not the article. A cell is the story when it holds nearly all of the table's prose
 * (`STORY_CELL_SHARE`) and the table holds no prose outside its row: where other rows hold a
 * paragraph each, or a lead the first look did not count, the table stays the article.
 */
function* storyCellSteps(
  row: Element,
  table: Element,
  paragraphs: readonly Element[],
  weights: readonly number[],
): Steps<Element | null> {
  let total = 0;
  const cells = new Map<Element, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!table.contains(p)) continue;
    total += weights[i];
    for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling)
      if (cell.contains(p)) cells.set(cell, (cells.get(cell) ?? 0) + weights[i]);
  }
  let story: Element | null = null;
  for (const [cell, weight] of cells) if (weight >= total * STORY_CELL_SHARE) story = cell;
  return story && !(yield* proseOutsideSteps(table, row)) ? story : null;
}

/** A copyright or rights line: a footer's, not a lead's. */
const RIGHTS_LINE = /©|copyright|all rights reserved/i;

/**
 * Whether `table` holds, outside `row` and outside links and scripts, a text of prose (a sentence of 80
 * characters or more, a copyright line apart): a lead or a paragraph the first look did not count.
 */
function* proseOutsideSteps(table: Element, row: Element): Steps<boolean> {
  // A walk in slices like the rest of the reading: a layout table may be the whole page.
  const stack: Element[] = [table];
  let work = 0;
  while (stack.length) {
    const el = stack.pop() as Element;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (++work % STEP_NODES === 0) yield;
      if (c.nodeType === 3) {
        const text = (c.nodeValue ?? '').trim();
        if (text.length >= 80 && PROSE_END.test(text) && !RIGHTS_LINE.test(text)) return true;
      } else if (c.nodeType === 1 && c !== row && !NOT_PROSE.has((c as Element).localName))
        stack.push(c as Element);
    }
  }
  return false;
}

/** Elements whose text is never a story's prose. */
const NOT_PROSE = new Set(['a', 'script', 'style', 'noscript', 'template']);

/** Sentence punctuation followed by a space or the end of the text. */
const PROSE_END = /[.!?]["”’)]?(?:\s|$)/;

/** Longest text whose links are counted (see the paragraph loop of `findArticleRootSteps`). */
const LINK_CHECK_CHARS = 400;

/** A list item holding one link, or a link and a submenu list. */
function isMenuItem(li: Element): boolean {
  const first = li.firstElementChild;
  if (first?.localName !== 'a') return false;
  const last = li.lastElementChild as Element;
  return last === first || last.localName === 'ul' || last.localName === 'ol';
}

/**
 * Readability's fix for articles cut into many boxes (steps of a how-to, items of a list, sections
 * each in its own wrapper): when at least three other candidates score nearly as well as the best and
 * share an ancestor with it, that ancestor is the article, not the one box that scored highest.
 */
function commonAncestorOfPeers(
  best: Element,
  bestScore: number,
  scores: ReadonlyMap<Element, number>,
  body: Element,
): Element {
  // The five best-scoring others, as Readability takes its top candidates: a page of thousands of
  // like paragraphs must not make this a loop over all of them in the page.
  const top: { el: Element; score: number }[] = [];
  for (const [el, score] of scores) {
    if (el === best || score < bestScore * 0.75) continue;
    if (top.length === PEERS) {
      if (score <= top[PEERS - 1].score) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && top[at - 1].score < score) at--;
    top.splice(at, 0, { el, score });
  }
  const peers = top.map((t) => t.el).filter((el) => !el.contains(best) && !best.contains(el));
  if (peers.length < 3) return best;
  for (let a = best.parentElement; a && a !== body; a = a.parentElement) {
    let inside = 0;
    for (const p of peers) if (a.contains(p)) inside++;
    if (inside >= 3) return a;
  }
  return best;
}

/** How many of the best-scoring other candidates `commonAncestorOfPeers` looks at (Readability's five). */
const PEERS = 5;

/**
 * An article cut into boxes whose paragraphs differ in length (a how-to's long introduction and short
 * steps): when the best box holds less than half of the page's prose and an ancestor at most four
 * levels up gathers at least twice as much and most of the page's, that ancestor is the article.
 */
function* gatheringAncestorSteps(
  best: Element,
  paragraphs: readonly Element[],
  weights: readonly number[],
  total: number,
): Steps<Element> {
  // A pass over every paragraph, in slices like the rest of the reading.
  function* below(el: Element): Steps<number> {
    let n = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      if ((i + 1) % STEP_NODES === 0) yield;
      if (el.contains(paragraphs[i])) n += weights[i];
    }
    return n;
  }
  const own = yield* below(best);
  if (own >= total * 0.5) return best;
  let a = best.parentElement;
  for (let level = 0; a && level < 4; level++, a = a.parentElement) {
    if (a.localName === 'body') break;
    const gathered = yield* below(a);
    if (gathered >= own * 2 && gathered >= total * 0.6) return a;
  }
  return best;
}

/**
 * On the second try (class names ignored while finding the article), the wrappers inside the article
 * whose class names say furniture but that hold most of its paragraphs ("panel-two-col-sidebar-right-mix"
 * around the whole story): reading the blocks must not skip them either.
 */
function* furnitureWrapperSteps(root: Element, paragraphs: readonly Element[]): Steps<Set<Element>> {
  const held = new Map<Element, number>();
  let total = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if ((i + 1) % STEP_NODES === 0) yield;
    const p = paragraphs[i];
    if (!root.contains(p)) continue;
    total++;
    for (let a = p.parentElement; a && a !== root; a = a.parentElement)
      if (isSkipped(a, false, true) && !isSkipped(a, false, false)) held.set(a, (held.get(a) ?? 0) + 1);
  }
  const out = new Set<Element>();
  for (const [el, n] of held) if (n * 2 >= total) out.add(el);
  return out;
}

/** Commas in a paragraph (Readability's score counts them), without splitting the text into an array. */
function commas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) n++;
  return n;
}

const NONE: readonly Element[] = [];

/**
 * The explicit elements among `el` and its ancestors below `stop`, memoised per element: paragraphs
 * share their ancestors, so each element's chain is climbed once, not once per paragraph below it.
 */
function explicitAbove(
  el: Element | null,
  stop: Element,
  explicit: ReadonlySet<Element>,
  memo: Map<Element, readonly Element[]>,
): readonly Element[] {
  const path: Element[] = [];
  let found = NONE;
  for (let a = el; a && a !== stop; a = a.parentElement) {
    const known = memo.get(a);
    if (known) {
      found = known;
      break;
    }
    path.push(a);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    if (explicit.has(path[i])) found = [path[i], ...found];
    memo.set(path[i], found);
  }
  return found;
}

/** Whether the element or an ancestor below `stop` is skipped; memoised, as paragraphs share ancestors. */
function skippedChain(
  el: Element,
  stop: Element,
  memo: Map<Element, boolean>,
  useCss: boolean,
  furniture: boolean,
  own: Map<Element, boolean>,
): boolean {
  const path: Element[] = [];
  let result = false;
  for (let a: Element | null = el; a && a !== stop; a = a.parentElement) {
    const known = memo.get(a);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(a);
    // The computed-style check covers every ancestor at once, so it is asked only of the paragraph,
    // whose own answer the block reading reuses (`own`).
    let skipped: boolean;
    if (a === el) {
      skipped = own.get(el) ?? isSkipped(el, useCss, true);
      own.set(el, skipped);
    } else skipped = isSkipped(a, false, furniture);
    if (skipped) {
      result = true;
      break;
    }
  }
  for (const a of path) memo.set(a, result);
  return result;
}

/**
 * Whether the blocks make an article: enough paragraphs of prose, or a few long ones, and not a list of
 * stories. A section front or a home page whose teasers carry a summary under each linked headline has
 * prose enough for an article, but most of its paragraphs follow a headline (a heading) that links
 * elsewhere; an article's headline and subheads link nowhere, and a box of related stories is a few
 * teasers among many paragraphs. A linked line that is no heading ("Read more: ...", a deal) sits
 * between an article's own paragraphs, so it says nothing.
 */
function isArticleProse(blocks: DomBlock[]): boolean {
  let chars = 0;
  let paragraphs = 0;
  let score = 0;
  let teasers = 0;
  let afterLinkedHeadline = false;
  for (const b of blocks) {
    const length = b.text.length;
    if (
      length >= 80 &&
      (b.kind === 'paragraph' || b.kind === 'quote' || (b.kind === 'list-item' && PROSE_END.test(b.text)))
    ) {
      chars += length;
      paragraphs++;
      if (length > READERABLE_MIN_CHARS) score += Math.sqrt(length - READERABLE_MIN_CHARS);
      if (afterLinkedHeadline) teasers++;
    }
    afterLinkedHeadline = b.kind === 'heading' && linksElsewhere(b);
  }
  if (teasers >= MIN_TEASERS && teasers * 2 >= paragraphs) return false;
  return (chars >= MIN_PROSE_CHARS && paragraphs >= MIN_PROSE_PARAGRAPHS) || score > READERABLE_SCORE;
}

/** Teasers (a paragraph under a linked headline) that make a list of stories, when they are half the prose. */
const MIN_TEASERS = 3;

/**
 * Whether a heading is a headline linking to another page: inside such a link, or (almost) all its text
 * in one. A link to a place on the same page (`#section`, the permalink many blogs and documents wrap
 * their subheads in) is not one.
 */
function linksElsewhere(block: DomBlock): boolean {
  const el = block.element;
  const around = el.closest('a');
  if (around) return isOutgoing(around);
  const links = el.getElementsByTagName('a');
  let chars = 0;
  for (let i = 0; i < links.length; i++)
    if (isOutgoing(links[i])) chars += (links[i].textContent ?? '').trim().length;
  return chars >= 0.8 * block.text.length;
}

/** Whether a link goes to another page (not to a place on this one, written as `#id` or in full). */
function isOutgoing(a: Element): boolean {
  const href = a.getAttribute('href');
  if (!href || href.startsWith('#')) return false;
  const target = (a as HTMLAnchorElement).href;
  const here = a.ownerDocument?.URL ?? '';
  return !target || withoutHash(target) !== withoutHash(here);
}

const withoutHash = (url: string) => {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
};

/** The meta tags ClaimLens reads, by their property, name or itemprop. */
export const META_NAMES = [
  'og:site_name',
  'application-name',
  'og:title',
  'twitter:title',
  'article:published_time',
  'datePublished',
  'date',
  'pubdate',
] as const;
type MetaName = (typeof META_NAMES)[number];

/** The attributes a meta tag may name itself by. */
export const META_ATTRIBUTES = ['property', 'name', 'itemprop'] as const;

/**
 * Only those tags are read: a page's head carries dozens of others (viewport, icons, verification
 * tokens), and one native match per tag costs less than reading each one's attributes from cold code.
 * Every `META_NAMES` by every `META_ATTRIBUTES`, written out rather than built on every page;
 * extract.test.ts checks it against them.
 */
export const META_SELECTOR =
  'meta[property="og:site_name"],meta[name="og:site_name"],meta[itemprop="og:site_name"],' +
  'meta[property="application-name"],meta[name="application-name"],meta[itemprop="application-name"],' +
  'meta[property="og:title"],meta[name="og:title"],meta[itemprop="og:title"],' +
  'meta[property="twitter:title"],meta[name="twitter:title"],meta[itemprop="twitter:title"],' +
  'meta[property="article:published_time"],meta[name="article:published_time"],meta[itemprop="article:published_time"],' +
  'meta[property="datePublished"],meta[name="datePublished"],meta[itemprop="datePublished"],' +
  'meta[property="date"],meta[name="date"],meta[itemprop="date"],' +
  'meta[property="pubdate"],meta[name="pubdate"],meta[itemprop="pubdate"]';

/** Meta tags by name, read once per extraction: each selector query would walk the whole page. */
const metaCache = new WeakMap<Document, Map<string, string>>();

/** The first of these meta tags the page fills (also read by `readPageMeta` in page-meta.ts). */
export function meta(doc: Document, ...names: MetaName[]): string | undefined {
  let tags = metaCache.get(doc);
  if (!tags) {
    tags = new Map();
    const all = doc.querySelectorAll('meta');
    for (let i = 0; i < all.length; i++) {
      const el = all[i];
      if (!el.matches(META_SELECTOR)) continue;
      const content = el.getAttribute('content')?.trim();
      if (!content) continue;
      for (const attr of META_ATTRIBUTES) {
        const key = el.getAttribute(attr);
        if (key && !tags.has(key)) tags.set(key, content);
      }
    }
    metaCache.set(doc, tags);
  }
  for (const name of names) {
    const content = tags.get(name);
    if (content) return content;
  }
  return undefined;
}

/** The page's title: its Open Graph title, else its first heading, else the document title. */
function titleOf(doc: Document, root: Element): string {
  const h1 = () => (root.querySelector('h1') ?? doc.querySelector('h1'))?.textContent;
  return (meta(doc, 'og:title', 'twitter:title') ?? h1() ?? doc.title ?? '').replace(/\s+/g, ' ').trim();
}

/** The page's publication date as an ISO time, from its meta tags or first dated `<time>`. */
export function publishedAtOf(doc: Document): string | undefined {
  const raw =
    meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  if (!raw) return undefined;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export interface ExtractOptions {
  /**
   * Consult the page's computed style (hidden by CSS). Cheap in a browser,
   * slow in happy-dom, so only the content script turns it on.
   */
  useCss?: boolean;
}

/** The article with its DOM maps, or null when the page is not an article. */
export function extractDomArticle(
  doc: Document,
  url: string,
  options: ExtractOptions = {},
): DomArticle | null {
  return drain(extractDomArticleSteps(doc, url, options));
}

/**
 * The same extraction in slices that give the page its main thread back between them: the content
 * script's way, so a page of any size never sees a long task from ClaimLens.
 */
export function extractDomArticleSliced(
  doc: Document,
  url: string,
  options: ExtractOptions & SliceOptions = {},
): Promise<DomArticle | null | undefined> {
  return runSliced(extractDomArticleSteps(doc, url, options), options);
}

/** Extraction as resumable steps. */
export function* extractDomArticleSteps(
  doc: Document,
  url: string,
  options: ExtractOptions = {},
): Steps<DomArticle | null> {
  const useCss = options.useCss ?? false;
  // A document in design mode is the reader's own text being edited, not an article to annotate.
  if (doc.designMode === 'on') return null;
  metaCache.delete(doc);
  const cache = readCache();
  let root = yield* findArticleRootSteps(doc, useCss, true, cache);
  let blocks = root ? yield* collectBlockSteps(root, useCss, cache) : [];
  if (!root || !isArticleProse(blocks)) {
    // Second try, as Readability does: class names like "sidebar-right-mix" sometimes wrap the article.
    root = yield* findArticleRootSteps(doc, useCss, false, cache);
    blocks = root ? yield* collectBlockSteps(root, useCss, cache) : [];
    if (!root || !isArticleProse(blocks)) return null;
  }
  blocks = withinLimits(blocks);
  // Each metadata read may query the whole page: a slice may end after any of them, and after the
  // last, so what the caller does next with the article starts a slice of its own.
  yield;
  const outlet = outletFrom(meta(doc, 'og:site_name', 'application-name'), url);
  yield;
  const title = titleOf(doc, root).slice(0, 1_000);
  yield;
  const publishedAt = publishedAtOf(doc);
  yield;
  const input: ArticleInput = {
    url,
    outlet,
    title,
    publishedAt,
    blocks: blocks.map((b) => ({ kind: b.kind, text: b.text })),
  };
  return { input, blocks, root };
}

/** The message protocol's limits (src/protocol/messages.ts): an article beyond them would be refused whole. */
const { blocks: MAX_BLOCKS, blockChars: MAX_BLOCK_CHARS, articleChars: MAX_ARTICLE_CHARS } = ARTICLE_LIMITS;

/**
 * Keeps an enormous page analysable: blocks longer than the protocol allows are dropped (no prose
 * paragraph is that long) and the article is cut after the block or character budget, so the first
 * part is still highlighted instead of nothing.
 */
function withinLimits(blocks: DomBlock[]): DomBlock[] {
  const out: DomBlock[] = [];
  let chars = 0;
  for (const b of blocks) {
    if (b.text.length > MAX_BLOCK_CHARS) continue;
    if (out.length >= MAX_BLOCKS || chars + b.text.length > MAX_ARTICLE_CHARS) break;
    out.push(b);
    chars += b.text.length;
  }
  return out;
}

/** The article as the core takes it, or null when the page is not an article (used by the CLI). */
export function extractArticle(doc: Document, url: string): ArticleInput | null {
  return extractDomArticle(doc, url)?.input ?? null;
}
