/**
 * Reads ClaimLens' closed shadow root from a test through the DevTools protocol (page scripts cannot
 * reach it, and neither can Playwright's selectors — which is the point).
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface ShadowElement {
  text: string;
  html: string;
  /** Border box in CSS pixels, or null when the element is not rendered. */
  box: { x: number; y: number; width: number; height: number } | null;
  /** Computed styles that a hostile page would try to override. */
  style: { display: string; color: string; fontSize: string; visibility: string; borderLeftWidth: string };
  /** True when the element has keyboard focus. */
  focused: boolean;
}

function find(node: DomNode, match: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (match(node)) out.push(node);
  for (const c of node.children ?? []) find(c, match, out);
  for (const s of node.shadowRoots ?? []) find(s, match, out);
  return out;
}

const attr = (n: DomNode, name: string) => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

export class ShadowReader {
  private constructor(private readonly cdp: CDPSession) {}

  static async for(page: Page): Promise<ShadowReader> {
    return new ShadowReader(await page.context().newCDPSession(page));
  }

  /** Elements inside ClaimLens' shadow root that match an attribute (e.g. role=tooltip). */
  async query(attribute: string, value: string): Promise<ShadowElement[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const hosts = find(root, (n) => n.nodeName === 'CLAIMLENS-ROOT');
    const out: ShadowElement[] = [];
    for (const host of hosts) {
      for (const shadow of host.shadowRoots ?? []) {
        for (const node of find(shadow, (n) => attr(n, attribute) === value))
          out.push(await this.describe(node.nodeId));
      }
    }
    return out;
  }

  /** The tooltip, when one is shown. */
  async tooltip(): Promise<ShadowElement | null> {
    const [t] = await this.query('role', 'tooltip');
    return t?.box ? t : null;
  }

  private async describe(nodeId: number): Promise<ShadowElement> {
    const { outerHTML } = (await this.cdp.send('DOM.getOuterHTML', { nodeId })) as { outerHTML: string };
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        const s = getComputedStyle(this);
        const r = this.getBoundingClientRect();
        const shown = r.width > 0 && r.height > 0 && s.display !== 'none' && !this.closest('[hidden]');
        return { text: this.innerText, focused: this.matches(':focus'), box: shown ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
          style: { display: s.display, color: s.color, fontSize: s.fontSize, visibility: s.visibility, borderLeftWidth: s.borderLeftWidth } };
      }`,
      returnByValue: true,
    })) as { result: { value: Omit<ShadowElement, 'html'> } };
    return { ...result.value, html: outerHTML };
  }
}

/**
 * The tooltip once its text matches `text` (the background answers asynchronously, so it may first
 * show an earlier status); throws with the last text seen when it never does within about six seconds.
 */
export async function waitForTooltip(reader: ShadowReader, text: RegExp): Promise<ShadowElement> {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const t = await reader.tooltip();
    if (t && text.test(t.text)) return t;
    last = t?.text ?? '(none)';
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tooltip matching ${text} did not appear; last: ${last}`);
}
