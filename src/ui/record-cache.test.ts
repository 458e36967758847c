import { describe, expect, it } from 'vitest';
import { RecordCache } from './record-cache.ts';

/** A store read the test finishes (or fails) when it chooses. */
function reads() {
  const pending: { resolve: (v: string[]) => void; reject: (e: Error) => void }[] = [];
  let calls = 0;
  const load = () => {
    calls++;
    return new Promise<string[]>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { load, pending, calls: () => calls };
}

describe('RecordCache', () => {
  it('reads the store once and answers later queries from the copy', async () => {
    const r = reads();
    const cache = new RecordCache(r.load);
    const first = cache.get(false);
    r.pending[0].resolve(['a']);
    expect(await first).toEqual(['a']);
    expect(await cache.get(false)).toEqual(['a']);
    expect(r.calls()).toBe(1);
  });

  it('answers a query asked during a re-read with the re-read, not the copy it replaces', async () => {
    const r = reads();
    const cache = new RecordCache(r.load);
    const initial = cache.get(false);
    r.pending[0].resolve(['old note']);
    await initial;
    // A note was edited elsewhere: the page asks for a re-read, then (a new filter) for a query without one.
    const reread = cache.get(true);
    const filtered = cache.get(false);
    r.pending[1].resolve(['new note']);
    expect(await reread).toEqual(['new note']);
    expect(await filtered).toEqual(['new note']);
    expect(r.calls()).toBe(2);
  });

  it('does not keep a failed read: the next query reads again', async () => {
    const r = reads();
    const cache = new RecordCache(r.load);
    const failed = cache.get(false);
    r.pending[0].reject(new Error('QuotaExceededError'));
    await expect(failed).rejects.toThrow('QuotaExceededError');
    const again = cache.get(false);
    r.pending[1].resolve(['a']);
    expect(await again).toEqual(['a']);
  });

  it('folds a reported change into the copy after the read in flight', async () => {
    const r = reads();
    const cache = new RecordCache(r.load);
    const first = cache.get(true);
    cache.update((records) => [...records, 'imported']);
    r.pending[0].resolve(['a']);
    expect(await first).toEqual(['a']);
    expect(await cache.get(false)).toEqual(['a', 'imported']);
    expect(r.calls()).toBe(1);
  });

  it('folds nothing when nothing was read: the next query reads the store', async () => {
    const r = reads();
    const cache = new RecordCache(r.load);
    cache.update((records) => [...records, 'imported']);
    const next = cache.get(false);
    r.pending[0].resolve(['a', 'imported']);
    expect(await next).toEqual(['a', 'imported']);
  });
});
