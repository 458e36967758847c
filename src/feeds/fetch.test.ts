import { describe, expect, it } from 'vitest';
import { decode, FetchError, HostLimiter, type Net, politeGet } from './fetch.ts';

function fakeNet(respond: (url: string, init: RequestInit) => Response, allowed = true) {
  let clock = 0;
  const calls: { url: string; init: RequestInit; at: number }[] = [];
  const net: Net = {
    fetch: async (url, init) => {
      calls.push({ url, init, at: clock });
      return respond(url, init);
    },
    allowed: async () => allowed,
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
  };
  return { net, calls };
}

const feedResponse = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/rss+xml', ...headers } });

describe('politeGet', () => {
  it('spaces requests to one host, not to different hosts', async () => {
    const { net, calls } = fakeNet(() => feedResponse('<rss/>'));
    const limiter = new HostLimiter(1_000);
    await politeGet(net, limiter, 'https://a.test/1', { accept: 'feed' });
    await politeGet(net, limiter, 'https://a.test/2', { accept: 'feed' });
    await politeGet(net, limiter, 'https://b.test/1', { accept: 'feed' });
    await politeGet(net, limiter, 'https://a.test/3', { accept: 'feed' });
    expect(calls.map((c) => [new URL(c.url).hostname, c.at])).toEqual([
      ['a.test', 0],
      ['a.test', 1_000],
      ['b.test', 1_000],
      ['a.test', 2_000],
    ]);
  });

  it('sends the validators, never follows a redirect and sends no credentials', async () => {
    const { net, calls } = fakeNet(() => new Response(null, { status: 304 }));
    const got = await politeGet(net, new HostLimiter(0), 'https://a.test/f', {
      accept: 'feed',
      etag: '"x"',
      lastModified: 'Mon, 21 Oct 2024 00:00:00 GMT',
    });
    expect(got).toEqual({ notModified: true });
    expect(calls[0].init).toMatchObject({
      redirect: 'manual',
      credentials: 'omit',
      headers: { 'if-none-match': '"x"', 'if-modified-since': 'Mon, 21 Oct 2024 00:00:00 GMT' },
    });
  });

  it('refuses hosts not allowed, other schemes and user names, before any request', async () => {
    const { net, calls } = fakeNet(() => feedResponse(''), false);
    await expect(politeGet(net, new HostLimiter(0), 'https://a.test/f', { accept: 'feed' })).rejects.toThrow(
      /a\.test is not a host you follow/,
    );
    const open = fakeNet(() => feedResponse(''));
    await expect(
      politeGet(open.net, new HostLimiter(0), 'ftp://a.test/f', { accept: 'feed' }),
    ).rejects.toThrow('not an http(s) address');
    await expect(
      politeGet(open.net, new HostLimiter(0), 'https://u:p@a.test/f', { accept: 'feed' }),
    ).rejects.toThrow(/user name or password/);
    expect(calls).toHaveLength(0);
    expect(open.calls).toHaveLength(0);
  });

  it('refuses a page that is not HTML and a feed that is an image, as permanent errors', async () => {
    const pdf = fakeNet(() => new Response('%PDF', { headers: { 'content-type': 'application/pdf' } }));
    const error = await politeGet(pdf.net, new HostLimiter(0), 'https://a.test/x', { accept: 'page' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(FetchError);
    expect(error.permanent).toBe(true);
    expect(error.message).toBe("the item's page is not an HTML page (application/pdf); nothing was read");
    const png = fakeNet(() => new Response('x', { headers: { 'content-type': 'image/png' } }));
    await expect(
      politeGet(png.net, new HostLimiter(0), 'https://a.test/x', { accept: 'feed' }),
    ).rejects.toThrow('not a feed (image/png)');
  });

  it('says what the server answered', async () => {
    const { net } = fakeNet(() => new Response('no', { status: 503, statusText: 'Service Unavailable' }));
    const error = await politeGet(net, new HostLimiter(0), 'https://a.test/x', { accept: 'feed' }).catch(
      (e) => e,
    );
    expect(error.message).toBe('a.test answered 503 Service Unavailable');
    expect(error.permanent).toBe(false);
  });
});

describe('decode', () => {
  it('uses the charset of the response, else of the XML declaration, else UTF-8', () => {
    const latin = new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]);
    expect(decode(latin, 'text/xml; charset=iso-8859-1')).toBe('<a>é</a>');
    const declared = new TextEncoder().encode('<?xml version="1.0" encoding="iso-8859-1"?><a>');
    expect(
      decode(new Uint8Array([...declared, 0xe9, ...new TextEncoder().encode('</a>')]), 'text/xml'),
    ).toMatch(/<a>é<\/a>$/);
    expect(decode(new TextEncoder().encode('<a>ü</a>'), 'text/xml')).toBe('<a>ü</a>');
  });
});
