import { afterEach, describe, expect, it } from 'vitest';
import { serializeAnnotationDocument } from '../annotations/export.ts';
import { dumpStore, openTestDb, sampleRecord } from '../annotations/test-support.ts';
import { buildAnnotationDocument } from '../annotations/w3c.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import {
  IMPORT_CHUNK_BYTES,
  type ImportEvent,
  type ImportPort,
  type ImportProgress,
  type ImportRequest,
  sendImport,
} from '../protocol/import.ts';
import { allAnnotations } from '../store/annotations.ts';
import { type ClaimLensDB, discardStore } from '../store/db.ts';
import { ImportReceiver } from './import.ts';

const dbs: ClaimLensDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await discardStore(db);
});

function store(): ClaimLensDB {
  const db = openTestDb();
  dbs.push(db);
  return db;
}

/** An export file of `n` sample annotations; `note` makes each one's note long (and non-ASCII). */
function exportFile(n: number, note?: string): { text: string; records: AnnotationRecord[] } {
  const records = Array.from({ length: n }, (_, i) => ({
    ...sampleRecord(i + 1),
    ...(note ? { note: `${note} ${i}` } : {}),
  }));
  return { text: serializeAnnotationDocument(buildAnnotationDocument(records)), records };
}

/**
 * The page's end (`sendImport`) and the background's (`ImportReceiver`) joined by an in-memory port,
 * as the browser joins them: messages cross as JSON, asynchronously.
 */
function connect(db: ClaimLensDB) {
  const toPage: ((m: unknown) => void)[] = [];
  const onPageGone: (() => void)[] = [];
  const sent: ImportRequest[] = [];
  let imported = 0;
  let open = true;
  const receiver = new ImportReceiver(
    db,
    (event: ImportEvent) => {
      const copy = JSON.parse(JSON.stringify(event));
      setTimeout(() => {
        if (open) for (const f of toPage) f(copy);
      }, 0);
    },
    () => imported++,
  );
  const port: ImportPort = {
    postMessage(message) {
      sent.push(message);
      const copy = JSON.parse(JSON.stringify(message));
      setTimeout(() => void receiver.receive(copy), 0);
    },
    onMessage: { addListener: (f) => toPage.push(f) },
    onDisconnect: { addListener: (f) => onPageGone.push(f) },
    disconnect() {
      open = false;
      receiver.abandon();
    },
  };
  return {
    port,
    receiver,
    sent,
    imported: () => imported,
    /** The background goes away (the worker is stopped, the extension reloaded). */
    drop() {
      open = false;
      receiver.abandon();
      for (const f of onPageGone) f();
    },
  };
}

describe('imports through the background', () => {
  it('streams a file in chunks (split inside multi-byte characters), checks it, writes it once and tells the tabs', async () => {
    const db = store();
    // Notes of flags and accents, long enough for the file to need several chunks.
    const { text, records } = exportFile(400, `${'🇰🇵 Pyongyang – Séoul '.repeat(300)}`);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(IMPORT_CHUNK_BYTES * 2);
    const link = connect(db);
    const progress: ImportProgress[] = [];
    const counts = await sendImport(new Blob([bytes]), link.port, (p) => progress.push(p));
    expect(counts).toEqual({ total: 400, new: 400, updated: 0, unchanged: 0 });
    expect(link.sent.filter((m) => m.type === 'chunk')).toHaveLength(
      Math.ceil(bytes.length / IMPORT_CHUNK_BYTES),
    );
    expect(link.sent.at(-1)).toEqual({ type: 'commit' });
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['sending', 'writing']));
    expect(progress.filter((p) => p.phase === 'sending').at(-1)?.done).toBe(bytes.length);
    expect(progress.at(-1)).toEqual({ phase: 'writing', done: 400, total: 400 });
    // Every note arrives whole, the characters split between chunks included.
    const stored = new Map((await allAnnotations(db)).map((r) => [r.id, r.note]));
    expect(stored).toEqual(new Map(records.map((r) => [r.id, r.note])));
    expect(link.imported()).toBe(1);
  });

  it('a second import of the same file changes nothing and tells no tab', async () => {
    const db = store();
    const { text } = exportFile(30);
    await sendImport(new Blob([text]), connect(db).port, () => undefined);
    const before = await dumpStore(db);
    const again = connect(db);
    const counts = await sendImport(new Blob([text]), again.port, () => undefined);
    expect(counts).toEqual({ total: 30, new: 0, updated: 0, unchanged: 30 });
    expect(await dumpStore(db)).toBe(before);
    expect(again.imported()).toBe(0);
  });

  it('refuses a bad file with the importer’s message and writes nothing', async () => {
    const db = store();
    const { text } = exportFile(5);
    const broken = text.replace('"cl:formatVersion": 1', '"cl:formatVersion": 9');
    const before = await dumpStore(db);
    const link = connect(db);
    await expect(sendImport(new Blob([broken]), link.port, () => undefined)).rejects.toThrow(
      /format version 9/,
    );
    expect(await dumpStore(db)).toBe(before);
    expect(link.imported()).toBe(0);
  });

  it('writes nothing of a file the page never committed, or when the background goes away', async () => {
    const db = store();
    const before = await dumpStore(db);
    const { text } = exportFile(5);
    const events: ImportEvent[] = [];
    const receiver = new ImportReceiver(
      db,
      (e) => events.push(e),
      () => undefined,
    );
    await receiver.receive({ type: 'chunk', text });
    receiver.abandon();
    await receiver.receive({ type: 'commit' });
    expect(events).toEqual([{ type: 'received' }]);
    expect(await dumpStore(db)).toBe(before);

    const link = connect(db);
    const sending = sendImport(new Blob([text]), link.port, () => undefined);
    link.drop();
    await expect(sending).rejects.toThrow(/stopped before the import was written/);
    expect(await dumpStore(db)).toBe(before);
  });

  it('validates what the page sends', async () => {
    const db = store();
    const events: ImportEvent[] = [];
    const receiver = new ImportReceiver(
      db,
      (e) => events.push(e),
      () => undefined,
    );
    await receiver.receive({ type: 'chunk', text: 'x'.repeat(IMPORT_CHUNK_BYTES + 5) });
    expect(events).toEqual([{ type: 'failed', error: expect.stringMatching(/invalid message at text/) }]);
    // Nothing more is taken once it failed.
    await receiver.receive({ type: 'commit' });
    expect(events).toHaveLength(1);
  });
});
