/**
 * A local HTTP server for end-to-end tests, the demo and the benchmarks. It listens on 127.0.0.1 only
 * and serves pages by Host header, so each outlet gets its own host name (mapped to loopback in
 * Chromium with --host-resolver-rules; Firefox uses the server as its HTTP proxy). Nothing here ever
 * contacts another address.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixtures = new URL('../fixtures/', import.meta.url);

export interface SeedPage {
  file: string;
  host: string;
  path: string;
  outlet: string;
  title: string;
  seed: string;
}

/** The five seed articles laid out as outlet pages (test/fixtures/pages). */
export const SEED_PAGES: SeedPage[] = JSON.parse(readFileSync(new URL('pages/index.json', fixtures), 'utf8'));

export interface Page {
  body: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
  /** HTTP status (default 200). */
  status?: number;
  /** Answers the request itself (conditional requests, streamed bodies); `body` is then unused. */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface TestServer {
  port: number;
  /** URL of a path on a host name (which Chromium maps to 127.0.0.1). */
  url(host: string, path: string): string;
  /** Serves (or replaces) a page at host + path. */
  setPage(host: string, path: string, page: Page): void;
  /** Every request seen, as "host path". */
  requests: string[];
  close(): Promise<void>;
}

const STATIC: Record<string, Page> = {
  '/site.js': { body: readFileSync(new URL('site/site.js', fixtures)), type: 'text/javascript' },
  '/site.css': { body: readFileSync(new URL('site/site.css', fixtures)), type: 'text/css' },
  '/img/lead.svg': { body: readFileSync(new URL('site/lead.svg', fixtures)), type: 'image/svg+xml' },
};

/** Starts the server with the seed pages registered. */
export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, Page>();
  const requests: string[] = [];
  for (const p of SEED_PAGES) {
    pages.set(`${p.host}${p.path}`, {
      body: readFileSync(new URL(`pages/${p.file}`, fixtures)),
      type: 'text/html; charset=utf-8',
    });
  }
  const server: Server = createServer((req, res) => {
    // Node's fetch cannot set Host, so unit tests name the outlet host in this header instead.
    const named = req.headers['x-test-host'];
    const host = (typeof named === 'string' ? named : (req.headers.host ?? '')).replace(/:\d+$/, '');
    // A browser that uses this server as its HTTP proxy (Firefox in the tests) sends the whole URL.
    const target = req.url ?? '/';
    const path = /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/]*/i, '') || '/' : target;
    requests.push(`${host} ${path}`);
    const page = pages.get(`${host}${path}`) ?? STATIC[path.split('?')[0]];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (page.handle) {
      page.handle(req, res);
      return;
    }
    res.writeHead(page.status ?? 200, {
      'content-type': page.type ?? 'text/html; charset=utf-8',
      ...page.headers,
    });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (host, path) => `http://${host}:${port}${path}`,
    setPage: (host, path, page) => pages.set(`${host}${path}`, page),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
