/**
 * Style for what ClaimLens shows in a page, added as a constructed style sheet: it adds no node to the
 * page and a page's Content-Security-Policy does not govern it (an inserted `<style>` it would). The
 * sheet is made with the target's own window, since a sheet from another document is refused.
 */
export function adoptCss(target: Document | ShadowRoot, css: string): CSSStyleSheet {
  const doc = target.nodeType === 9 ? (target as Document) : (target.ownerDocument as Document);
  const win = doc.defaultView as Window & typeof globalThis;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  return sheet;
}
