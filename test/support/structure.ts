/**
 * Checks, from the page, that every claim highlight respects the page's structure: it stays inside
 * one block, touches no form field, editable region, script, style or hidden node, and never reaches
 * into a shadow root or a frame.
 */
import type { Page } from 'playwright-core';

export interface StructureReport {
  highlights: number;
  /** One line per offending highlight: why, and its text. */
  violations: string[];
}

/** Runs in the page's main world; a string so tsx adds no helpers the page lacks. */
const CHECK = `(() => {
  const h = CSS.highlights.get('claimlens-claim');
  const ranges = h ? [...h] : [];
  const violations = [];
  const BLOCK = 'p, li, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, figcaption, caption, pre, td, th, div';
  const FORBIDDEN = 'input, textarea, select, option, button, label, form, script, style, noscript, template, [contenteditable]:not([contenteditable="false"]), [hidden], [aria-hidden="true"]';
  const elementOf = (node) => (node.nodeType === 1 ? node : node.parentElement);
  for (const r of ranges) {
    const text = r.toString().replace(/\\s+/g, ' ').trim().slice(0, 80);
    if (r.collapsed) continue;
    const start = elementOf(r.startContainer);
    const end = elementOf(r.endContainer);
    if (!start || !end) { violations.push('detached: ' + text); continue; }
    if (start.getRootNode() !== document || end.getRootNode() !== document) violations.push('shadow: ' + text);
    const a = start.closest(BLOCK);
    const b = end.closest(BLOCK);
    if (a !== b) violations.push('crosses blocks: ' + text);
    for (const el of [start, end]) {
      if (el.closest(FORBIDDEN)) violations.push('forbidden ' + el.closest(FORBIDDEN).tagName + ': ' + text);
      if (el.isContentEditable) violations.push('editable: ' + text);
      if (!el.checkVisibility({ visibilityProperty: true })) violations.push('hidden: ' + text);
    }
    const walker = document.createTreeWalker(r.commonAncestorContainer, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === 1 && r.intersectsNode(n) && n.matches(FORBIDDEN)) violations.push('contains ' + n.tagName + ': ' + text);
      if (n.nodeType === 1 && r.intersectsNode(n) && n.matches('br')) violations.push('crosses a line break: ' + text);
    }
  }
  return { highlights: ranges.length, violations };
})()`;

/** Every highlight that breaks the page's structure, with the reason. */
export async function structureViolations(page: Page): Promise<StructureReport> {
  return page.evaluate(CHECK) as Promise<StructureReport>;
}
