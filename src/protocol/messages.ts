/**
 * The message protocol between content scripts, extension pages and the background: one schema per
 * message, validated on receipt on both sides, so a malformed or hostile message is refused with a
 * clear error instead of reaching the store.
 */
import * as v from 'valibot';
import type { ArticleView } from './views.ts';

const MAX_BLOCKS = 5_000;
const MAX_BLOCK_CHARS = 100_000;
const MAX_ARTICLE_CHARS = 2_000_000;

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(4_096),
  v.check((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'must be an http(s) URL'),
);

const Block = v.object({
  kind: v.picklist(['paragraph', 'heading', 'list-item', 'quote', 'caption', 'other']),
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

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const SettingsSchema = v.object({
  /** Check-worthiness threshold in 0..1. */
  threshold: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** Highlight claims automatically on article pages. */
  enabled: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** Messages the background accepts. */
export const RequestSchema = v.variant('type', [
  /** Content script: this page is an article; analyse, store and link it. */
  v.object({ type: v.literal('analyze'), article: ArticleInputSchema }),
  /** Content script: current status of an article's claims (after another article changed it). */
  v.object({ type: v.literal('getArticleView'), articleId: Id }),
  /** Popup: the claims of a tab's page. */
  v.object({ type: v.literal('getTabView'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('getSettings') }),
  v.object({ type: v.literal('setSettings'), settings: v.partial(SettingsSchema) }),
  /** Options page: delete every stored record. */
  v.object({ type: v.literal('clearAll') }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;

/** Messages the background sends to content scripts. */
export const TabEventSchema = v.variant('type', [
  /** Links changed for this article (another outlet was read): fetch the view again. */
  v.object({ type: v.literal('articleChanged'), articleId: Id }),
  /** Settings changed: repaint or stop. */
  v.object({ type: v.literal('settingsChanged'), settings: SettingsSchema }),
]);
export type TabEvent = v.InferOutput<typeof TabEventSchema>;

/** What each request answers with when it succeeds. */
export interface ResponseMap {
  analyze: { view: ArticleView };
  getArticleView: { view: ArticleView | null };
  getTabView: { view: ArticleView | null };
  getSettings: { settings: Settings };
  setSettings: { settings: Settings };
  clearAll: { cleared: true };
}

export type Response<T extends Request['type']> =
  | ({ ok: true } & ResponseMap[T])
  | { ok: false; error: string };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates an incoming request; the error names the first bad place. */
export function parseRequest(message: unknown): ParseResult<Request> {
  return parse(RequestSchema, message);
}

/** Validates an event from the background before the content script acts on it. */
export function parseTabEvent(message: unknown): ParseResult<TabEvent> {
  return parse(TabEventSchema, message);
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): ParseResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(root)';
  return { ok: false, error: `invalid message at ${path}: ${issue.message}` };
}
