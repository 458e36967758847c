/**
 * The message protocol between content scripts, extension pages and the background: one schema per
 * message, validated on receipt on both sides, so a malformed or hostile message is refused with a
 * clear error instead of reaching the store.
 */
import * as v from 'valibot';
import { ARTICLE_LIMITS, BLOCK_KINDS, BLOCK_SEPARATOR } from '../article/types.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import { ANNOTATION_KINDS, VERDICTS } from '../model/annotation.ts';
import type { Settings } from '../model/settings.ts';
import { FEED_REQUESTS, type FeedResponseMap, PageExtrasSchema } from './feeds.ts';
import { type PackedArticle, unpackArticle } from './packed-article.ts';
import type { ArticleView } from './views.ts';

const { blocks: MAX_BLOCKS, blockChars: MAX_BLOCK_CHARS, articleChars: MAX_ARTICLE_CHARS } = ARTICLE_LIMITS;

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(4_096),
  v.check((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'must be an http(s) URL'),
);

const Block = v.object({
  kind: v.picklist(BLOCK_KINDS),
  text: v.pipe(v.string(), v.maxLength(MAX_BLOCK_CHARS)),
});

export const ArticleInputSchema = v.pipe(
  v.object({
    url: HttpUrl,
    outlet: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    title: v.pipe(v.string(), v.maxLength(1_000)),
    publishedAt: v.optional(v.pipe(v.string(), v.maxLength(64))),
    blocks: v.pipe(v.array(Block), v.minLength(1), v.maxLength(MAX_BLOCKS)),
  }),
  v.check(
    (a) => a.blocks.reduce((n, b) => n + b.text.length, 0) <= MAX_ARTICLE_CHARS,
    `article text must be at most ${MAX_ARTICLE_CHARS} characters`,
  ),
);

/**
 * The article as the content script sends it (`packArticle`), unpacked into an `ArticleInput` and then
 * held to every rule of `ArticleInputSchema`.
 */
const PackedArticleSchema = v.pipe(
  v.object({
    url: v.string(),
    outlet: v.string(),
    title: v.string(),
    publishedAt: v.optional(v.string()),
    kinds: v.pipe(v.string(), v.maxLength(MAX_BLOCKS)),
    // Bounded before it is split: the blocks' own limit plus their separators.
    text: v.pipe(
      v.string(),
      v.maxLength(
        MAX_ARTICLE_CHARS + MAX_BLOCKS * BLOCK_SEPARATOR.length,
        `article text must be at most ${MAX_ARTICLE_CHARS} characters`,
      ),
    ),
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const article = unpackArticle(dataset.value as PackedArticle);
    if ('error' in article) {
      addIssue({ message: article.error });
      return NEVER;
    }
    return article;
  }),
  ArticleInputSchema,
);

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const Colour = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #ffd60a'));
const Host = v.pipe(v.string(), v.toLowerCase(), v.regex(/^[a-z0-9.-]{1,253}$/, 'must be a host name'));

export const SettingsSchema = v.object({
  /** Check-worthiness threshold in 0..1. */
  threshold: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** Highlight claims automatically on article pages. */
  enabled: v.boolean(),
  /** Sites (host names) where automatic highlighting is off even when `enabled`. */
  disabledSites: v.pipe(v.array(Host), v.maxLength(1_000)),
  /** Highlight colours: automatic claims, and the researcher's own annotations. */
  claimColour: Colour,
  annotationColour: Colour,
  /** Written as the `creator` of new annotations. */
  researcherName: v.pipe(v.string(), v.trim(), v.maxLength(200)),
});
export type { Settings };

// The schema must produce exactly the model's shape.
type SchemaMatches<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const settingsShape: SchemaMatches<v.InferOutput<typeof SettingsSchema>, Settings> = true;
void settingsShape;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));

const SelectorsSchema = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
    prefix: Text(64),
    suffix: Text(64),
  }),
  position: v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  codePoints: v.object({
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
});

/** What a page or the tag editor sends to create or update an annotation; the background fills the rest. */
export const AnnotationDraftSchema = v.object({
  /** Present when updating an existing annotation. */
  id: v.optional(Id),
  url: HttpUrl,
  kind: v.picklist(ANNOTATION_KINDS.filter((k) => k !== 'auto-claim')),
  /** The automatic claim this is about, if any. */
  sentenceId: v.optional(Id),
  selectors: SelectorsSchema,
  tags: v.pipe(v.array(Tag), v.maxLength(50)),
  note: v.optional(Text(10_000)),
  verdict: v.optional(v.picklist(VERDICTS)),
  outlet: v.optional(Text(200)),
  title: v.optional(Text(1_000)),
  /** The article's author(s) and publication date from the page's metadata, when it states them. */
  author: v.optional(Text(1_000)),
  published: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(40),
      v.check((d) => !Number.isNaN(Date.parse(d)), 'must be a date'),
    ),
  ),
});
export type AnnotationDraft = v.InferOutput<typeof AnnotationDraftSchema>;

export const AnnotationQuerySchema = v.object({
  url: v.optional(HttpUrl),
  tag: v.optional(Tag),
  outlet: v.optional(Text(200)),
  kind: v.optional(v.picklist(ANNOTATION_KINDS)),
  verdict: v.optional(v.picklist(VERDICTS)),
  /** Case-insensitive text search over quote, note and tags. */
  text: v.optional(Text(500)),
  ids: v.optional(v.pipe(v.array(Id), v.maxLength(100_000))),
});
export type AnnotationQuery = v.InferOutput<typeof AnnotationQuerySchema>;

/** Messages the background accepts. */
export const RequestSchema = v.variant('type', [
  /** Content script: this page is an article; analyse, store and link it. `page`: its feeds and ClaimReview markup. */
  v.object({ type: v.literal('analyze'), article: PackedArticleSchema, page: v.optional(PageExtrasSchema) }),
  /** Content script: current status of an article's claims (after another article changed it). */
  v.object({ type: v.literal('getArticleView'), articleId: Id }),
  /** Popup: the claims of a tab's page (and which page it is, article or not). */
  v.object({ type: v.literal('getTabView'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** Settings; with `url` (a content script's own page) also whether that page has annotations. */
  v.object({ type: v.literal('getSettings'), url: v.optional(HttpUrl) }),
  v.object({ type: v.literal('setSettings'), settings: v.partial(SettingsSchema) }),
  /** Options page: delete every stored record. */
  v.object({ type: v.literal('clearAll') }),
  /** Create or update an annotation (content scripts only for their own page). */
  v.object({ type: v.literal('saveAnnotation'), draft: AnnotationDraftSchema }),
  /** Delete annotations; the answer carries a token that undoes it. */
  v.object({
    type: v.literal('deleteAnnotations'),
    ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(100_000)),
  }),
  v.object({ type: v.literal('undoDelete'), token: Id }),
  /** Annotations matching a query (content scripts: only `url` of their own page). */
  v.object({ type: v.literal('listAnnotations'), query: AnnotationQuerySchema }),
  /** Every tag in use with its count, for autocomplete and the library. */
  v.object({ type: v.literal('listTags') }),
  /** Tag many automatic claims at once (bulk tagging). */
  v.object({
    type: v.literal('tagClaims'),
    url: HttpUrl,
    claims: v.pipe(
      v.array(v.object({ sentenceId: Id, selectors: v.optional(SelectorsSchema) })),
      v.minLength(1),
      v.maxLength(5_000),
    ),
    tags: v.pipe(v.array(Tag), v.minLength(1), v.maxLength(50)),
  }),
  /** Extension pages: the annotations matching a query as a W3C Web Annotation document (JSON text). */
  v.object({
    type: v.literal('exportAnnotations'),
    query: AnnotationQuerySchema,
    /** W3C Web Annotation JSON (the default) or a CSV table for spreadsheets. */
    format: v.optional(v.picklist(['w3c', 'csv'])),
  }),
  /** Content script: which of its page's annotations anchored and which are orphans now. */
  v.object({
    type: v.literal('reportAnchoring'),
    url: HttpUrl,
    orphanIds: v.pipe(v.array(Id), v.maxLength(100_000)),
    anchoredIds: v.pipe(v.array(Id), v.maxLength(100_000)),
    /** Anchored annotations whose words now read differently, with the selectors of the words found. */
    changed: v.optional(
      v.pipe(v.array(v.object({ id: Id, selectors: SelectorsSchema })), v.maxLength(100_000)),
    ),
  }),
  /** Ids of annotations that did not anchor the last time their page was open. */
  v.object({ type: v.literal('listOrphans') }),
  /** Followed feeds (src/protocol/feeds.ts). */
  ...FEED_REQUESTS,
]);
export type Request = v.InferOutput<typeof RequestSchema>;
/** A request as sent, before validation (the article of `analyze` is still packed). */
export type WireRequest = v.InferInput<typeof RequestSchema>;
/** The name of each request. */
export type RequestType = Request['type'];
/** The request of one type, as the background receives it (validated). */
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Messages the background sends to content scripts. */
export const TabEventSchema = v.variant('type', [
  /** Links changed for this article (another outlet was read): fetch the view again. */
  v.object({ type: v.literal('articleChanged'), articleId: Id }),
  /** Settings changed: repaint or stop. */
  v.object({ type: v.literal('settingsChanged'), settings: SettingsSchema }),
  /** The page's annotations changed (here, in another tab, or by an import): reload them. */
  v.object({ type: v.literal('annotationsChanged') }),
  /** The user asked (context menu or shortcut) to tag the current selection. */
  v.object({ type: v.literal('tagSelection') }),
  /** The user asked (shortcut) to show or hide highlights on this page. */
  v.object({ type: v.literal('toggleHighlights') }),
]);
export type TabEvent = v.InferOutput<typeof TabEventSchema>;

/** What each request answers with when it succeeds. */
export interface ResponseMap extends FeedResponseMap {
  analyze: { view: ArticleView };
  getArticleView: { view: ArticleView | null };
  /** `page`: the URL of the page the tab shows, when its content script has reported it (any page). */
  getTabView: { view: ArticleView | null; page?: string };
  getSettings: { settings: Settings; annotated?: boolean };
  setSettings: { settings: Settings };
  clearAll: { cleared: true };
  saveAnnotation: { annotation: AnnotationRecord };
  deleteAnnotations: { deleted: number; undoToken: string };
  undoDelete: { restored: number };
  listAnnotations: { annotations: AnnotationRecord[] };
  listTags: { tags: { tag: string; count: number }[] };
  tagClaims: { annotations: AnnotationRecord[] };
  /** `json` holds the file's text in either format; `type` is its media type. */
  exportAnnotations: { json: string; fileName: string; count: number; type: string };
  reportAnchoring: { recorded: number };
  listOrphans: { orphanIds: string[] };
}

// Every request has its answer, and every answer its request.
const responsesMatch: SchemaMatches<keyof ResponseMap, RequestType> = true;
void responsesMatch;

/** The background's answer to a request of type `T`: its `ResponseMap` entry, or a refusal. */
export type Response<T extends RequestType> = Ok<T> | { ok: false; error: string };
/** A successful answer to a request of type `T`. */
export type Ok<T extends RequestType> = { ok: true } & ResponseMap[T];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates an incoming request; the error names the first bad place. */
export function parseRequest(message: unknown): ParseResult<Request> {
  return parseWith(RequestSchema, message);
}

/** Validates an event from the background before the content script acts on it. */
export function parseTabEvent(message: unknown): ParseResult<TabEvent> {
  return parseWith(TabEventSchema, message);
}

/** Validates a message against a schema; the error names the first bad place. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): ParseResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(root)';
  return { ok: false, error: `invalid message at ${path}: ${issue.message}` };
}
