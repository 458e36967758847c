/**
 * The only place ClaimLens makes a network request. Every request is a GET to a host the reader
 * subscribed to (checked here, before anything leaves), at most one per host per interval, never
 * following a redirect (the browser cannot say where one leads without going there), with the feed's
 * validators for a conditional request, and read up to a byte cap: a longer body is cut off and
 * refused, never held whole in memory.
 */

/** The politeness rules, in one place. */
export const FETCH_LIMITS = {
  /** Bytes read of one response at most (a feed or an article page). */
  bytes: 5_000_000,
  /** Least time between two requests to one host. */
  hostIntervalMs: 1_000,
  /** A request that has not finished by then is abandoned. */
  timeoutMs: 30_000,
} as const;

/** A request that failed; the message is for the reader. `permanent` failures are not retried for the same item. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export type FetchResult =
  | { notModified: true }
  | {
      notModified: false;
      text: string;
      /** The media type, lower case, without parameters. */
      type: string;
      etag?: string;
      lastModified?: string;
    };

export interface GetOptions {
  /** What the caller can read: the response's media type must match. */
  accept: 'feed' | 'page';
  /** With `feed`: an HTML page is read too (a site's address, whose page may advertise its feed). */
  allowHtml?: boolean;
  etag?: string;
  lastModified?: string;
  maxBytes?: number;
}

/** What the fetcher needs from its host: the network, the allow-list, and a clock to wait on. */
export interface Net {
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Whether the reader subscribed to this host and the browser grants ClaimLens access to it. */
  allowed(url: URL): Promise<boolean>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8',
  page: 'text/html, application/xhtml+xml;q=0.9',
};

const FEED_TYPES = /^(application\/((rss|atom|rdf)\+xml|xml|(feed\+)?json|x-rss\+xml)|text\/(xml|plain))$/;
const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml)$/;

/** Spaces requests to each host; shared by every fetch of one background. */
export class HostLimiter {
  private readonly next = new Map<string, number>();
  constructor(private readonly intervalMs: number = FETCH_LIMITS.hostIntervalMs) {}

  /** Waits for the host's turn and takes it. */
  async turn(host: string, net: Pick<Net, 'sleep' | 'now'>): Promise<void> {
    const at = this.next.get(host) ?? 0;
    const now = net.now();
    const start = Math.max(now, at);
    this.next.set(host, start + this.intervalMs);
    if (start > now) await net.sleep(start - now);
  }
}

/** Fetches a feed or a page under the rules above. */
export async function politeGet(
  net: Net,
  limiter: HostLimiter,
  address: string,
  options: GetOptions,
): Promise<FetchResult> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError(`not a web address: ${address}`, true);
  }
  if (!/^https?:$/.test(url.protocol)) throw new FetchError(`not an http(s) address: ${address}`, true);
  if (url.username || url.password)
    throw new FetchError('addresses with a user name or password are refused', true);
  if (!(await net.allowed(url)))
    throw new FetchError(
      `${url.hostname} is not a host you follow (or ClaimLens has no permission for it): nothing was requested`,
      true,
    );
  await limiter.turn(url.hostname, net);
  const headers: Record<string, string> = { accept: ACCEPT[options.accept] };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_LIMITS.timeoutMs);
  try {
    let response: Response;
    try {
      response = await net.fetch(url.href, {
        method: 'GET',
        headers,
        // A redirect is never followed: with `manual` the browser stops at it and does not say where it
        // leads, so nothing reaches a host the reader did not choose.
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-cache',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted)
        throw new FetchError(`${url.hostname} did not answer within ${FETCH_LIMITS.timeoutMs / 1000} s`);
      throw new FetchError(`could not reach ${url.hostname}: ${(error as Error).message}`);
    }
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400 && response.status !== 304)
    )
      throw new FetchError(
        `${url.hostname} redirected the request elsewhere; ClaimLens follows no redirect (it could lead to a host you did not choose). Subscribe to the address the redirect leads to`,
        true,
      );
    if (response.status === 304) return { notModified: true };
    if (!response.ok)
      throw new FetchError(
        `${url.hostname} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        response.status === 404 || response.status === 410,
      );
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const wanted = (t: string) =>
      options.accept === 'page'
        ? PAGE_TYPES.test(t)
        : FEED_TYPES.test(t) || (!!options.allowHtml && PAGE_TYPES.test(t));
    if (type && !wanted(type)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchError(
        options.accept === 'page'
          ? `the item's page is not an HTML page (${type}); nothing was read`
          : `not a feed (${type}); nothing was read`,
        true,
      );
    }
    const text = await readCapped(response, options.maxBytes ?? FETCH_LIMITS.bytes, url.hostname);
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return {
      notModified: false,
      text,
      type,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  } finally {
    clearTimeout(timer);
  }
}

const MB = (n: number) => `${Math.round(n / 100_000) / 10} MB`;

/**
 * The body as text, read chunk by chunk and given up (the connection cancelled) as soon as it passes
 * `max` bytes; a declared length over the cap is refused before a byte is read.
 */
async function readCapped(response: Response, max: number, host: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(
      `${host} sent ${MB(declared)}; ClaimLens reads at most ${MB(max)} of a response`,
      true,
    );
  }
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(
        `${host} sent more than ${MB(max)}; ClaimLens stopped reading and kept nothing of it`,
        true,
      );
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return decode(bytes, response.headers.get('content-type') ?? '');
}

/** Text in the charset the response or the XML declaration names, else UTF-8. */
export function decode(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1];
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
