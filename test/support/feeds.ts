/**
 * Feeds for tests, the demo and the bench: the seed articles as items of their outlets' feeds, in each
 * format ClaimLens reads (RSS 2.0 with `content:encoded`, Atom with HTML content, JSON Feed, and RSS
 * with links only, whose pages must be fetched), plus a fact-check page carrying ClaimReview markup.
 * Fixture data only: nothing here is read by product code.
 */
import { readFileSync } from 'node:fs';
import { seedLines } from './seeds.ts';
import { SEED_PAGES, type SeedPage } from './server.ts';

const fixtures = new URL('../fixtures/', import.meta.url);

interface Layout {
  seed: string;
  roles: Record<string, string>;
  publishedAt: string;
}
const LAYOUT: Layout[] = JSON.parse(readFileSync(new URL('outlets.json', fixtures), 'utf8')).pages;

export type FeedFormat = 'rss' | 'atom' | 'json' | 'rss-links';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The seed's body paragraphs (lines with no layout role other than a paragraph). */
export function seedParagraphs(page: SeedPage): string[] {
  const layout = LAYOUT.find((l) => l.seed === page.seed);
  const lines = seedLines(page.seed);
  return lines.filter((_, i) => i > 0 && (!layout?.roles[i] || layout.roles[i] === 'p'));
}

export interface FeedItemSpec {
  title: string;
  link: string;
  /** HTML body; absent for link-only items. */
  html?: string;
  date: string;
}

/** The seed page as a feed item: its page's URL, and its body as HTML paragraphs. */
export function seedItem(page: SeedPage, pageUrl: string, withContent: boolean): FeedItemSpec {
  const layout = LAYOUT.find((l) => l.seed === page.seed);
  return {
    title: page.title,
    link: pageUrl,
    ...(withContent
      ? {
          html: seedParagraphs(page)
            .map((p) => `<p>${escapeXml(p)}</p>`)
            .join('\n'),
        }
      : {}),
    date: layout?.publishedAt ?? '2024-10-20T00:00:00Z',
  };
}

/** A feed document in the given format. */
export function feedDocument(format: FeedFormat, title: string, site: string, items: FeedItemSpec[]): string {
  if (format === 'json')
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title,
      home_page_url: site,
      items: items.map((it, i) => ({
        id: `${site}#${i}`,
        url: it.link,
        title: it.title,
        ...(it.html ? { content_html: it.html } : { summary: it.title }),
        date_published: it.date,
      })),
    });
  if (format === 'atom')
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><link href="${escapeXml(site)}"/>
<id>${escapeXml(site)}</id><updated>2024-10-22T00:00:00Z</updated>
${items
  .map(
    (
      it,
    ) => `<entry><title>${escapeXml(it.title)}</title><link href="${escapeXml(it.link)}"/><id>${escapeXml(it.link)}</id>
<updated>${it.date}</updated><published>${it.date}</published>${it.html ? `<content type="html">${escapeXml(it.html)}</content>` : ''}</entry>`,
  )
  .join('\n')}
</feed>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${escapeXml(title)}</title><link>${escapeXml(site)}</link><description>News</description>
${items
  .map(
    (
      it,
    ) => `<item><title>${escapeXml(it.title)}</title><link>${escapeXml(it.link)}</link><guid>${escapeXml(it.link)}</guid>
<pubDate>${new Date(it.date).toUTCString()}</pubDate><description>${escapeXml(it.title)}</description>${
      it.html && format === 'rss' ? `<content:encoded><![CDATA[${it.html}]]></content:encoded>` : ''
    }</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  'rss-links': 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The four outlets followed in the tests, one per format; the fifth (The Korea Herald) is read by the reader. */
export const FOLLOWED: { outlet: string; format: FeedFormat; path: string }[] = [
  { outlet: 'The Kyiv Independent', format: 'rss', path: '/feed.rss' },
  { outlet: 'World News Desk', format: 'atom', path: '/feed.atom' },
  { outlet: 'bne IntelliNews', format: 'json', path: '/feed.json' },
  { outlet: 'ukdailynews.test', format: 'rss-links', path: '/rss' },
];

export function seedPage(outlet: string): SeedPage {
  const page = SEED_PAGES.find((p) => p.outlet === outlet);
  if (!page) throw new Error(`no seed page of ${outlet}`);
  return page;
}

/** The fact-checker of the tests: its host, its feed and one fact-check page. */
export const FACT_CHECKER = {
  host: 'factcheckdesk.test',
  feedPath: '/feed.xml',
  pagePath: '/checks/north-korean-troops-ready-by-november',
  name: 'Fact Check Desk',
  claim:
    'Close to 11,000 North Korean troops are in Russia and will be ready to fight in Ukraine by November 1.',
  rating: 'Half True',
};

/** A fact-check article with ClaimReview JSON-LD (schema.org), as fact-checkers publish them. */
export function factCheckPage(url: string): string {
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    datePublished: '2024-10-23',
    author: { '@type': 'Organization', name: FACT_CHECKER.name, url: `http://${FACT_CHECKER.host}/` },
    claimReviewed: FACT_CHECKER.claim,
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Kyrylo Budanov' },
      datePublished: '2024-10-18',
      appearance: [{ '@type': 'CreativeWork', url: 'http://kyivindependent.test/news/' }],
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 3,
      bestRating: 5,
      worstRating: 1,
      alternateName: FACT_CHECKER.rating,
    },
  };
  const body = [
    'Ukraine’s military intelligence chief said in October that close to 11,000 North Korean troops were in Russia and would be ready to fight by Nov. 1, a figure that spread quickly across news sites.',
    'Independent confirmation of the number has been limited: South Korea’s spy agency reported a first transfer of about 1,500 special forces, while Washington said at the time that it could not confirm the reports.',
    'Satellite images and videos published by Ukraine show troops at camps in Russia’s Far East, but they do not show how many soldiers are there or when they would be deployed to the front.',
    'We rate the claim Half True: the presence of North Korean soldiers in Russia is documented, the count and the timetable rest on a single intelligence source.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fact check: 11,000 North Korean troops ready by Nov. 1?</title>
<meta property="og:site_name" content="${FACT_CHECKER.name}">
<script type="application/ld+json">${JSON.stringify(review)}</script></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article>
<h1>Fact check: are 11,000 North Korean troops ready to fight by Nov. 1?</h1>
${body.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}
</article></main></body></html>`;
}
