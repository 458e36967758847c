/**
 * Lays each seed article out as an HTML page of its outlet (test/fixtures/pages/), with the furniture a
 * real news page has: navigation, a cookie banner, bylines, figure captions, a footer. The layout of each
 * seed (which line is a byline or caption) comes from test/fixtures/outlets.json.
 * Reads ../shared/seeds when present (else the committed copy) and writes committed fixtures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface PageSpec {
  seed: string;
  host: string;
  path: string;
  siteName?: string;
  title?: string;
  publishedAt: string;
  byline?: string;
  roles: Record<string, string>;
}

const root = new URL('..', import.meta.url).pathname;
const sharedSeeds = join(root, '..', 'shared', 'seeds');
const seedDir = existsSync(sharedSeeds) ? sharedSeeds : join(root, 'test/fixtures/seeds');
const outDir = join(root, 'test/fixtures/pages');
const specs: PageSpec[] = JSON.parse(readFileSync(join(root, 'test/fixtures/outlets.json'), 'utf8')).pages;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

mkdirSync(outDir, { recursive: true });
const index = [];
for (const spec of specs) {
  const lines = readFileSync(join(seedDir, spec.seed), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const role = (i: number) => spec.roles[String(i)] ?? 'p';
  const title = spec.title ?? lines[0];
  const head: string[] = [];
  const body: string[] = [];
  const bylines: string[] = [];
  if (!Object.values(spec.roles).includes('h1')) head.push(`<h1>${esc(title)}</h1>`);
  lines.forEach((line, i) => {
    const r = role(i);
    if (r === 'h1') head.push(`<h1>${esc(line)}</h1>`);
    else if (r === 'kicker') head.push(`<p class="kicker">${esc(line)}</p>`);
    else if (r === 'standfirst') head.push(`<p class="standfirst">${esc(line)}</p>`);
    else if (r === 'byline') bylines.push(`<span class="byline-part">${esc(line)}</span>`);
    else if (r === 'dateline')
      head.push(`<time class="dateline" datetime="${spec.publishedAt}">${esc(line)}</time>`);
    else if (r === 'caption')
      body.push(
        `<figure class="lead-image"><img src="/img/lead.svg" alt="" width="640" height="360"><figcaption>${esc(line)}</figcaption></figure>`,
      );
    else if (r === 'h2') body.push(`<h2>${esc(line)}</h2>`);
    else if (r === 'tag') body.push(`<p class="tags-line"><a href="/news">${esc(line)}</a></p>`);
    else if (r === 'notice-button')
      body.push(`<div class="cookie-notice" role="dialog"><button type="button">${esc(line)}</button></div>`);
    else if (r === 'scroll-top') body.push(`<p><a href="#top" class="scroll-top">${esc(line)}</a></p>`);
    else body.push(`<p>${esc(line)}</p>`);
  });
  if (spec.byline) bylines.push(`<span class="byline-part">${esc(spec.byline)}</span>`);
  const siteLabel = spec.siteName ?? spec.host;
  const metaTags = [
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${esc(title)}">`,
    spec.siteName ? `<meta property="og:site_name" content="${esc(spec.siteName)}">` : '',
    `<meta property="article:published_time" content="${spec.publishedAt}">`,
  ].filter(Boolean);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | ${esc(siteLabel)}</title>
${metaTags.join('\n')}
<link rel="stylesheet" href="/site.css">
</head>
<body id="top">
<header class="site-header">
  <a class="logo" href="/">${esc(siteLabel)}</a>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/video">Video</a></li></ul></nav>
</header>
<div class="cookie-banner" role="region" aria-label="Cookie notice">
  <p>We use cookies to improve your experience and to show you relevant advertising. By continuing to browse the site you agree to our use of cookies.</p>
  <button type="button">Accept all cookies</button>
</div>
<main>
<article>
<header class="article-header">
${head.join('\n')}
<div class="byline">${bylines.join(' ')}</div>
</header>
<div class="article-body">
${body.join('\n')}
</div>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/world/1">Seoul summons Russian ambassador over troop reports</a></li><li><a href="/world/2">Kursk incursion: what we know</a></li></ul></aside>
</main>
<footer class="site-footer"><p>&copy; 2024 ${esc(siteLabel)}. All rights reserved. This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.</p></footer>
<script src="/site.js"></script>
</body>
</html>
`;
  const file = `${spec.host}.html`;
  writeFileSync(join(outDir, file), html);
  index.push({ file, host: spec.host, path: spec.path, outlet: siteLabel, title, seed: spec.seed });
}
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(`wrote ${index.length} pages to ${outDir}`);
