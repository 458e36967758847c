import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LATE_CONTENT_RETRIES,
  MAX_SETTLE_MS,
  type PageLifecycle,
  SETTLE_MS,
  type StaleSignal,
  startPageLifecycle,
  URL_POLL_MS,
} from './page-lifecycle.ts';

/**
 * The content script's page lifecycle in happy-dom with fake timers: when the page is read, when work
 * begun for it goes stale, and that `disconnect()` stops all of it. `read` stands in for the content
 * script's read: it begins a generation and reports what it found (the article root, or none).
 */
function setUp(options: { navigation?: boolean } = {}) {
  const window = new Window({ url: 'https://news.example/a' });
  const doc = window.document as unknown as Document;
  doc.write('<body><header><a href="/">Home</a></header><article><p>First paragraph.</p></article></body>');
  const navigation = options.navigation ? new EventTarget() : undefined;
  const win = {
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    ...(navigation ? { navigation } : {}),
  } as unknown as Parameters<typeof startPageLifecycle>[1];
  /** What the next read finds: the article root, or null (no article). */
  let finds: () => Element | null = () => doc.querySelector('article');
  const signals: StaleSignal[] = [];
  const left = vi.fn();
  const report = vi.fn();
  let lifecycle: PageLifecycle;
  const read = vi.fn(async () => {
    const signal = lifecycle.begin();
    signals.push(signal);
    await Promise.resolve();
    if (!signal.aborted) lifecycle.watch(finds());
  });
  lifecycle = startPageLifecycle(doc, win, read, left, report);
  return {
    window,
    doc,
    navigation,
    lifecycle,
    read,
    left,
    report,
    signals,
    setFinds: (f: () => Element | null) => {
      finds = f;
    },
  };
}

/** Advances fake time and lets mutation observers and promises run. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

let restore: (() => void) | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  restore?.();
  restore = undefined;
});

/** The lifecycle observes with the page's MutationObserver; Node has none, so happy-dom's stands in. */
function useObserverOf(window: Window): void {
  const g = globalThis as { MutationObserver?: unknown };
  const before = g.MutationObserver;
  g.MutationObserver = window.MutationObserver;
  restore = () => {
    g.MutationObserver = before;
  };
}

function addParagraph(doc: Document, text: string, where = 'article'): void {
  const p = doc.createElement('p');
  p.textContent = text;
  doc.querySelector(where)?.append(p);
}

describe('the page lifecycle', () => {
  it('reads the page once, on a timer after it starts', async () => {
    const page = setUp();
    useObserverOf(page.window);
    expect(page.read).not.toHaveBeenCalled();
    await wait(0);
    expect(page.read).toHaveBeenCalledTimes(1);
    await wait(5_000);
    expect(page.read).toHaveBeenCalledTimes(1);
    page.lifecycle.disconnect();
  });

  it('reads again once the article stops changing, and not for changes without text', async () => {
    const page = setUp();
    useObserverOf(page.window);
    await wait(0);
    // An image swapped in or an empty wrapper cannot change the article.
    page.doc.querySelector('article')?.append(page.doc.createElement('img'), page.doc.createElement('div'));
    await wait(SETTLE_MS * 2);
    expect(page.read).toHaveBeenCalledTimes(1);
    // Text arriving in three batches, each inside the quiet period: one read, after it.
    for (const n of [1, 2, 3]) {
      addParagraph(page.doc, `Late paragraph ${n}.`);
      await wait(SETTLE_MS / 2);
    }
    expect(page.read).toHaveBeenCalledTimes(1);
    await wait(SETTLE_MS);
    expect(page.read).toHaveBeenCalledTimes(2);
    page.lifecycle.disconnect();
  });

  it('reads a page that never stops changing by the longest settle time', async () => {
    const page = setUp();
    useObserverOf(page.window);
    await wait(0);
    let elapsed = 0;
    while (page.read.mock.calls.length < 2 && elapsed < MAX_SETTLE_MS * 2) {
      addParagraph(page.doc, `Ticker ${elapsed}.`);
      await wait(SETTLE_MS / 4);
      elapsed += SETTLE_MS / 4;
    }
    expect(page.read).toHaveBeenCalledTimes(2);
    expect(elapsed).toBeGreaterThanOrEqual(MAX_SETTLE_MS - SETTLE_MS / 4);
    expect(elapsed).toBeLessThanOrEqual(MAX_SETTLE_MS + SETTLE_MS / 4);
    page.lifecycle.disconnect();
  });

  it('watches a page without an article for late content a few times only', async () => {
    const page = setUp();
    useObserverOf(page.window);
    page.setFinds(() => null);
    await wait(0);
    for (let i = 1; i <= LATE_CONTENT_RETRIES + 2; i++) {
      addParagraph(page.doc, `Late content ${i}.`, 'body');
      await wait(SETTLE_MS);
    }
    expect(page.read).toHaveBeenCalledTimes(1 + LATE_CONTENT_RETRIES);
    page.lifecycle.disconnect();
  });

  it('on a single-page navigation drops the old article at once, stops its work and reads the new page', async () => {
    const page = setUp({ navigation: true });
    useObserverOf(page.window);
    await wait(0);
    const first = page.signals[0];
    expect(first.aborted).toBe(false);
    page.window.history.pushState({}, '', '/b');
    page.navigation?.dispatchEvent(new Event('currententrychange'));
    expect(page.left).toHaveBeenCalledTimes(1);
    expect(first.aborted).toBe(true);
    await wait(SETTLE_MS);
    expect(page.read).toHaveBeenCalledTimes(2);
    // A fragment is not another page.
    page.window.history.pushState({}, '', '/b#comments');
    page.navigation?.dispatchEvent(new Event('currententrychange'));
    await wait(SETTLE_MS);
    expect(page.read).toHaveBeenCalledTimes(2);
    expect(page.left).toHaveBeenCalledTimes(1);
    page.lifecycle.disconnect();
  });

  it('without the Navigation API, notices a new URL by polling', async () => {
    const page = setUp();
    useObserverOf(page.window);
    await wait(0);
    page.window.history.pushState({}, '', '/c');
    await wait(URL_POLL_MS);
    expect(page.left).toHaveBeenCalledTimes(1);
    await wait(SETTLE_MS);
    expect(page.read).toHaveBeenCalledTimes(2);
    page.lifecycle.disconnect();
  });

  it('reads again when the article root leaves the page', async () => {
    const page = setUp();
    useObserverOf(page.window);
    await wait(0);
    page.doc.querySelector('article')?.remove();
    const fresh = page.doc.createElement('article');
    fresh.innerHTML = '<p>A new article body.</p>';
    page.doc.body.append(fresh);
    await wait(URL_POLL_MS);
    expect(page.left).toHaveBeenCalledTimes(1);
    await wait(SETTLE_MS);
    expect(page.read).toHaveBeenCalledTimes(2);
    page.lifecycle.disconnect();
  });

  it('stops a read when a newer one begins', async () => {
    const page = setUp();
    useObserverOf(page.window);
    const older = page.lifecycle.begin();
    const newer = page.lifecycle.begin();
    expect(older.aborted).toBe(true);
    expect(newer.aborted).toBe(false);
    page.lifecycle.disconnect();
  });

  it('disconnect stops reading, watching and the poll, and makes work under way stale', async () => {
    const page = setUp();
    useObserverOf(page.window);
    await wait(0);
    const signal = page.signals[0];
    addParagraph(page.doc, 'A change that arms the timer.');
    await wait(SETTLE_MS / 2);
    page.lifecycle.disconnect();
    expect(signal.aborted).toBe(true);
    await wait(SETTLE_MS);
    addParagraph(page.doc, 'A change after disconnect.');
    page.window.history.pushState({}, '', '/d');
    await wait(URL_POLL_MS * 3);
    expect(page.read).toHaveBeenCalledTimes(1);
    expect(page.left).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(page.report).not.toHaveBeenCalled();
  });

  it('reports a failed read instead of throwing', async () => {
    const page = setUp();
    useObserverOf(page.window);
    page.read.mockRejectedValueOnce(new Error('the background is gone'));
    await wait(0);
    expect(page.report).toHaveBeenCalledWith(new Error('the background is gone'));
    page.lifecycle.disconnect();
  });
});
