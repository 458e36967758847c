/**
 * OPML, the file feed readers exchange subscription lists in: read to subscribe to many feeds at once,
 * written to take ClaimLens' list elsewhere. Feedsmith reads and writes it.
 */
import { generateOpml, parseOpml } from 'feedsmith';
import type { FeedRecord } from '../store/schema.ts';

/** A feed listed in an OPML file. */
export interface OpmlFeed {
  url: string;
  title: string;
}

/** OPML files of more feeds than this are refused whole. */
export const OPML_LIMIT = 500;

/** The feeds (outlines with an http(s) `xmlUrl`, nested ones included) of an OPML file. */
export function readOpml(text: string): OpmlFeed[] {
  let opml: ReturnType<typeof parseOpml>;
  try {
    opml = parseOpml(text.replace(/^\uFEFF/, '').trim());
  } catch (error) {
    throw new Error(`not an OPML file: ${(error as Error).message}`);
  }
  const out: OpmlFeed[] = [];
  const seen = new Set<string>();
  type Outline = { text?: string; title?: string; xmlUrl?: string; outlines?: Outline[] };
  const walk = (outlines: Outline[] | undefined, depth: number) => {
    for (const o of outlines ?? []) {
      if (o.xmlUrl) {
        try {
          const u = new URL(o.xmlUrl);
          if (/^https?:$/.test(u.protocol) && !seen.has(u.href)) {
            seen.add(u.href);
            out.push({
              url: u.href,
              title: (o.title ?? o.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
            });
          }
        } catch {
          /* an outline with a broken address is not a feed */
        }
      }
      if (depth < 5) walk(o.outlines, depth + 1);
    }
  };
  walk((opml.body as { outlines?: Outline[] } | undefined)?.outlines, 0);
  if (out.length > OPML_LIMIT)
    throw new Error(`the file lists ${out.length} feeds; ClaimLens follows at most ${OPML_LIMIT}`);
  return out;
}

/** The followed feeds as an OPML 2.0 document. */
export function writeOpml(feeds: readonly FeedRecord[], now: number): string {
  return generateOpml({
    head: { title: 'ClaimLens: followed feeds', dateCreated: new Date(now) },
    body: {
      outlines: feeds.map((f) => ({
        text: f.outlet,
        title: f.title || f.outlet,
        type: 'rss',
        xmlUrl: f.url,
      })),
    },
  });
}
