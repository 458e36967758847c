/**
 * A feed's text (RSS 2.0 or 0.9x, RDF, Atom, JSON Feed) read into the items ClaimLens turns into
 * articles. Feedsmith does the format work (pure JavaScript, so it runs in the service worker, the
 * offscreen document and Node alike); this module checks the input first, so a bad feed gets an error
 * that says what is wrong and where, and maps each format's fields to one item shape.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';

/** How much of a feed is read. One set of numbers for the extension and the CLI. */
export const FEED_LIMITS = {
  /** A news feed lists its latest few dozen items; a feed listing more is an archive or an attack. */
  items: 500,
  /** Characters of a title kept (as for articles read from pages). */
  titleChars: 1_000,
} as const;

/** One item of a feed, whatever its format. */
export interface FeedItem {
  /** The item's page, resolved against the feed's address; absent when the item names none. */
  url?: string;
  title: string;
  /** ISO date, when the item gives a readable one. */
  publishedAt?: string;
  /** Full text as HTML (RSS `content:encoded`, Atom `content` of type html/xhtml, JSON `content_html`). */
  html?: string;
  /** Full text as plain text (Atom `content` of type text, JSON `content_text`). */
  text?: string;
  /** The item's summary (RSS `description`, Atom `summary`, JSON `summary`). */
  summary?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  /** The channel's title (the outlet, for the CLI), white space collapsed. */
  title: string;
  /** The site the feed belongs to, when it says. */
  siteUrl?: string;
  items: FeedItem[];
}

/** A feed that cannot be read; the message is meant for the reader. */
export class FeedError extends Error {
  override name = 'FeedError';
}

export interface ParseOptions {
  /** The feed's own address: relative item links resolve against it. */
  baseUrl?: string;
  /** Refuse feeds with more items than this (default `FEED_LIMITS.items`). */
  maxItems?: number;
}

/** Reads a feed; throws `FeedError` with a message that names the problem (and its line, for XML). */
export function parseFeedText(text: string, options: ParseOptions = {}): ParsedFeed {
  const maxItems = options.maxItems ?? FEED_LIMITS.items;
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new FeedError('the feed is empty');
  const json = body.startsWith('{');
  if (json) {
    try {
      JSON.parse(body);
    } catch (error) {
      throw new FeedError(`not valid JSON: ${(error as Error).message}`);
    }
  } else {
    if (!body.startsWith('<')) throw new FeedError('not a feed: neither XML nor JSON');
    if (/^<!doctype\s+html|^<html[\s>]/i.test(body.replace(/^<\?xml[^>]*>\s*/, '')))
      throw new FeedError('not a feed: this is an HTML page');
    // Counted before parsing, so an enormous feed is refused without building every item.
    const count = body.match(/<(?:[a-z]+:)?(?:item|entry)[\s>/]/gi)?.length ?? 0;
    if (count > maxItems) throw tooMany(count, maxItems);
    const valid = XMLValidator.validate(body);
    if (valid !== true)
      throw new FeedError(
        `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
      );
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(body);
  } catch (error) {
    const message = (error as Error).message;
    throw new FeedError(
      /unrecognized/i.test(message)
        ? `not a feed: no RSS, Atom or JSON Feed ${json ? 'fields' : 'root element'} found`
        : `not a feed: ${message}`,
    );
  }
  const feed = parsed.feed as Record<string, unknown>;
  const raw = ((parsed.format === 'atom' ? feed.entries : feed.items) ?? []) as Record<string, unknown>[];
  if (raw.length > maxItems) throw tooMany(raw.length, maxItems);
  const base = options.baseUrl;
  const items = raw.map((item) => readItem(parsed.format, item, base));
  const title = collapse(textOf(feed.title)).slice(0, FEED_LIMITS.titleChars);
  const siteUrl = resolve(
    parsed.format === 'atom'
      ? alternateLink(feed.links)
      : parsed.format === 'json'
        ? str(feed.home_page_url)
        : str(feed.link),
    base,
  );
  return { format: parsed.format, title, ...(siteUrl ? { siteUrl } : {}), items };
}

function tooMany(count: number, max: number): FeedError {
  return new FeedError(
    `the feed lists ${count.toLocaleString('en')} items; ClaimLens reads feeds of at most ${max.toLocaleString('en')} (a news feed lists its latest few dozen)`,
  );
}

function readItem(format: ParsedFeed['format'], item: Record<string, unknown>, base?: string): FeedItem {
  let url: string | undefined;
  let html: string | undefined;
  let text: string | undefined;
  let summary: string | undefined;
  let date: string | undefined;
  if (format === 'atom') {
    url = alternateLink(item.links);
    const content = item.content as { value?: string; type?: string } | undefined;
    if (content?.value?.trim()) {
      if (!content.type || content.type === 'text' || content.type === 'text/plain') text = content.value;
      else html = content.value;
    }
    summary = textOf(item.summary) || undefined;
    date = str(item.published) ?? str(item.updated);
  } else if (format === 'json') {
    url = str(item.url) ?? str(item.external_url);
    html = str(item.content_html);
    text = str(item.content_text);
    summary = str(item.summary);
    date = str(item.date_published) ?? str(item.date_modified);
  } else {
    url = str(item.link);
    const guid = item.guid as { value?: string; isPermaLink?: boolean } | undefined;
    if (!url && guid?.value && guid.isPermaLink !== false && /^https?:/i.test(guid.value)) url = guid.value;
    html = str((item.content as { encoded?: string } | undefined)?.encoded);
    summary = str(item.description);
    const dc = item.dc as { date?: string; dates?: string[] } | undefined;
    date = str(item.pubDate) ?? str(dc?.date) ?? str(dc?.dates?.[0]);
  }
  const resolved = resolve(url, base);
  const publishedAt = isoDate(date);
  return {
    ...(resolved ? { url: resolved } : {}),
    title: collapse(textOf(item.title)).slice(0, FEED_LIMITS.titleChars),
    ...(publishedAt ? { publishedAt } : {}),
    ...(html?.trim() ? { html } : {}),
    ...(text?.trim() ? { text } : {}),
    ...(summary?.trim() ? { summary } : {}),
  };
}

/** The `alternate` link of an Atom entry or feed (a link without `rel` is one). */
function alternateLink(links: unknown): string | undefined {
  const list = (Array.isArray(links) ? links : []) as { href?: string; rel?: string }[];
  return (list.find((l) => !l.rel || l.rel === 'alternate') ?? list[0])?.href;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Atom text constructs are objects ({ value }); the other formats give strings. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string')
    return (value as { value: string }).value;
  return '';
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** An http(s) URL (relative ones resolved against the feed), else undefined. */
function resolve(url: string | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, base);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function isoDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
