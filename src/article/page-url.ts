/**
 * Which page a URL is, as ClaimLens' in-page code keys its work: the URL without its fragment. Jumping
 * to an anchor is not a new article, and annotations belong to the page, not to an anchor in it. No
 * parsing (`canonicalUrl` in the store also drops tracking parameters): the content script asks this
 * on every navigation event, and a plain string cut needs no URL object.
 */
export function pageUrlOf(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}
