import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Painter } from '../highlight/painter.ts';
import { emptyStatus } from '../protocol/views.ts';
import { createClaimUi } from './claim-ui.ts';
import type { ClaimUi, ClaimUiHost, Painted } from './surface.ts';

/**
 * The tooltip's pointer rules, with the annotator's calls made by hand (happy-dom does no layout, so
 * the hit test is the annotator's and not exercised here; the e2e tests move a real mouse).
 */
function setUp() {
  const window = new Window({ url: 'https://news.example/a' });
  const doc = window.document as unknown as Document;
  doc.write(
    '<body><p>About 11,000 troops were ready by Nov. 1.</p><p>Officials said 2,600 would go first.</p></body>',
  );
  const painted: Painted[] = [...doc.querySelectorAll('p')].map((p, index) => {
    const text = p.firstChild as Text;
    const range = doc.createRange();
    range.setStart(text, 0);
    range.setEnd(text, text.length);
    return {
      claim: {
        id: `c${index}`,
        index,
        text: text.data,
        start: 0,
        end: text.length,
        score: 0.9,
        attribution: null,
        numbers: [],
        hedges: [],
        status: emptyStatus(),
        sources: [],
      },
      range: { range, nodes: [text], block: p },
    };
  });
  const state: { painted: readonly Painted[] } = { painted };
  const host = doc.createElement('claimlens-root');
  doc.documentElement.append(host);
  const shadow = host.attachShadow({ mode: 'closed' });
  const painter: Painter = { native: true, set() {}, clear() {}, relayout() {} };
  const uiHost: ClaimUiHost = {
    doc,
    painter,
    shadow,
    // A getter, as the annotator's own: a repaint replaces the list.
    get painted() {
      return state.painted;
    },
    isVisible: true,
    listen: (target, type, fn, options) => target.addEventListener(type, fn, options),
  };
  const ui = createClaimUi(uiHost);
  const tooltip = () => {
    const wrap = shadow.querySelector<HTMLElement>('.cl-tooltip-wrap');
    return wrap && !wrap.hidden ? (wrap.querySelector('[role=tooltip]')?.textContent ?? '') : null;
  };
  const wrap = () => shadow.querySelector('.cl-tooltip-wrap') as HTMLElement;
  const pointer = (type: 'pointerenter' | 'pointerleave') =>
    wrap().dispatchEvent(new window.Event(type) as unknown as Event);
  return { ui, painted, tooltip, pointer, window, shadow, state };
}

describe('the claim tooltip under a mouse', () => {
  let env: ReturnType<typeof setUp> & { ui: ClaimUi };
  beforeEach(() => {
    vi.useFakeTimers();
    env = setUp();
  });
  afterEach(() => {
    env.ui.destroy();
    vi.useRealTimers();
  });

  it('opens once the pointer rests on a claim, not while it passes over claims', () => {
    const { ui, painted, tooltip } = env;
    ui.hover(painted[1], 10, 30);
    vi.advanceTimersByTime(100);
    ui.hover(painted[0], 10, 10);
    vi.advanceTimersByTime(150);
    expect(tooltip()).toBeNull();
    vi.advanceTimersByTime(100);
    expect(tooltip()).toContain('ClaimLens');
  });

  it('stays open while the pointer moves inside it, and closes once it has left both claim and tooltip', () => {
    const { ui, painted, tooltip, pointer } = env;
    ui.hover(painted[0], 10, 10);
    vi.advanceTimersByTime(250);
    expect(tooltip()).not.toBeNull();
    // Off the claim, over the gap, into the tooltip: the annotator reports each move as leaving.
    ui.leave();
    pointer('pointerenter');
    for (let i = 0; i < 10; i++) {
      ui.leave();
      // A claim's words under the tooltip are not what the reader points at.
      ui.hover(painted[1], 10, 30);
      vi.advanceTimersByTime(120);
    }
    expect(tooltip()).not.toBeNull();
    pointer('pointerleave');
    ui.leave();
    vi.advanceTimersByTime(300);
    expect(tooltip()).toBeNull();
  });

  it('opens the claim the pointer comes to rest on after leaving a tooltip, whatever the old hide timer does', () => {
    const { ui, painted, tooltip, pointer } = env;
    ui.hover(painted[0], 10, 10);
    vi.advanceTimersByTime(250);
    pointer('pointerenter');
    pointer('pointerleave');
    vi.advanceTimersByTime(100);
    ui.hover(painted[1], 10, 30);
    vi.advanceTimersByTime(200);
    expect(tooltip()).toContain('ClaimLens');
    ui.hover(painted[1], 10, 30);
    vi.advanceTimersByTime(500);
    expect(tooltip()).not.toBeNull();
  });

  it('keeps the keyboard on its claim when the claims are repainted, even when one is added before it', () => {
    const { ui, painted, shadow, state, tooltip } = env;
    ui.keyboardInUse();
    const proxies = () => [...shadow.querySelectorAll<HTMLElement>('.cl-proxy')];
    expect(proxies()).toHaveLength(2);
    proxies()[1].focus();
    expect(proxies()[1].textContent).toContain('Officials said 2,600');
    expect(tooltip()).not.toBeNull();
    // A verdict arrived: the annotator repaints with a new list, a claim now first.
    const added = { ...painted[0], claim: { ...painted[0].claim, id: 'c-new', text: 'A new claim.' } };
    state.painted = [added, ...painted];
    ui.repainted();
    expect(proxies()).toHaveLength(3);
    expect(shadow.activeElement).toBe(proxies()[2]);
    expect(proxies()[2].textContent).toContain('Officials said 2,600');
    expect(tooltip()).not.toBeNull();
  });
});
