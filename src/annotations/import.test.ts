import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../model/annotation.ts';
import type { ClaimLensDB } from '../store/db.ts';
import { exportAnnotations, serializeAnnotationDocument } from './export.ts';
import {
  applyImport,
  MAX_NESTING_DEPTH,
  type ParsedAnnotations,
  parseAnnotationFile,
  parseAnnotationFileAsync,
  previewImport,
  readAnnotationFile,
} from './import.ts';
import { canonicalJson, dumpStore, openTestDb, sampleRecord } from './test-support.ts';
import { buildAnnotationDocument, type W3CAnnotation } from './w3c.ts';

const dbs: ClaimLensDB[] = [];
function db(): ClaimLensDB {
  const d = openTestDb();
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

function fileOf(records: AnnotationRecord[]): string {
  return serializeAnnotationDocument(buildAnnotationDocument(records));
}

function parsed(text: string): ParsedAnnotations {
  const result = parseAnnotationFile(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function errorOf(input: string | Uint8Array, maxBytes?: number) {
  const result = parseAnnotationFile(input, maxBytes ? { maxBytes } : {});
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

describe('round trip', () => {
  it('export, clear, import gives back an identical store', async () => {
    const store = db();
    const records = Array.from({ length: 40 }, (_, i) =>
      sampleRecord(i, i % 2 ? 'Kremlin' : 'about 10,000 soldiers'),
    );
    records.push({
      ...sampleRecord(99),
      note: undefined,
      verdict: undefined,
      claim: undefined,
      links: undefined,
    });
    delete records[40].note;
    delete records[40].verdict;
    delete records[40].claim;
    delete records[40].links;
    await store.annotations.bulkPut(records);
    const before = await store.annotations.toArray();
    const text = serializeAnnotationDocument(await exportAnnotations(store));
    await store.annotations.clear();
    const counts = await applyImport(store, parsed(text));
    expect(counts).toEqual({ total: 41, new: 41, updated: 0, unchanged: 0 });
    const after = await store.annotations.toArray();
    expect(after.map(canonicalJson)).toEqual(before.map(canonicalJson));
  });

  it('exports position selectors in code points and keeps UTF-16 offsets alongside', async () => {
    const doc = buildAnnotationDocument([sampleRecord(1, 'Kremlin')]);
    const [quote, position] = doc.first.items[0].target.selector;
    // The flag emoji before the quote is 2 code points but 4 UTF-16 units.
    expect(position['cl:utf16Start']! - position.start).toBe(2);
    expect(position.end - position.start).toBe([...quote.exact].length);
  });
});

describe('merge', () => {
  it('previews and applies new / updated / unchanged, and a second import changes nothing', async () => {
    const store = db();
    const a = sampleRecord(1);
    const b = sampleRecord(2);
    const c = sampleRecord(3);
    await store.annotations.bulkPut([a, b]);
    const newerB = { ...b, note: 'edited elsewhere', modified: '2025-01-01T00:00:00.000Z' };
    const olderA = { ...a, note: 'stale copy', modified: '2020-01-01T00:00:00.000Z' };
    const file = parsed(fileOf([olderA, newerB, c]));
    expect(await previewImport(store, file)).toEqual({ total: 3, new: 1, updated: 1, unchanged: 1 });
    expect(await store.annotations.count()).toBe(2); // preview wrote nothing
    expect(await applyImport(store, file)).toEqual({ total: 3, new: 1, updated: 1, unchanged: 1 });
    expect((await store.annotations.get(a.id))?.note).toBe(a.note);
    expect((await store.annotations.get(b.id))?.note).toBe('edited elsewhere');
    const once = await dumpStore(store);
    expect(await applyImport(store, file)).toEqual({ total: 3, new: 0, updated: 0, unchanged: 3 });
    expect(await dumpStore(store)).toBe(once);
  });

  it('reports progress per batch and writes all or nothing', async () => {
    const store = db();
    const records = Array.from({ length: 25 }, (_, i) => sampleRecord(i));
    const file = parsed(fileOf(records));
    const seen: number[] = [];
    await applyImport(store, file, { batchSize: 10, onProgress: (done, total) => seen.push(done, total) });
    expect(seen).toEqual([10, 25, 20, 25, 25, 25]);

    const other = db();
    const before = await dumpStore(other);
    const failing = applyImport(other, file, {
      batchSize: 10,
      onProgress: (done) => {
        if (done === 20) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await dumpStore(other)).toBe(before);
  });
});

describe('bad files', () => {
  const good = fileOf([sampleRecord(1), sampleRecord(2)]);

  it('names the first bad place as a JSON path with the reason', () => {
    const doc = JSON.parse(good);
    doc.first.items[1].target.selector[0].exact = 42;
    const e = errorOf(JSON.stringify(doc));
    expect(e.code).toBe('invalid');
    expect(e.path).toBe('$.first.items[1].target.selector[0].exact');
    expect(e.message).toBe(
      '$.first.items[1].target.selector[0].exact: must be of type string, found an integer',
    );

    const missing = JSON.parse(good);
    delete missing.first.items[0].created;
    expect(errorOf(JSON.stringify(missing)).message).toBe(
      "$.first.items[0]: missing required property 'created'",
    );
    const extra = JSON.parse(good);
    extra.first.items[0].target.onload = 'alert(1)';
    expect(errorOf(JSON.stringify(extra)).path).toBe('$.first.items[0].target.onload');
    const kind = JSON.parse(good);
    kind.first.items[0]['cl:kind'] = 'rumour';
    expect(errorOf(JSON.stringify(kind)).message).toMatch(
      /^\$\.first\.items\[0\]\['cl:kind'\]: must be one of: "highlight"/,
    );
    const date = JSON.parse(good);
    date.first.items[1].modified = '2024-02-30T10:00:00Z';
    expect(errorOf(JSON.stringify(date)).message).toBe(
      '$.first.items[1].modified: is not a real date and time',
    );
  });

  it.each([
    [
      (a: W3CAnnotation) => ((a.target as Record<string, unknown>)['cl:published'] = '2024-13-01T00:00:00Z'),
      "$.first.items[1].target['cl:published']: is not a real date and time",
    ],
    [
      (a: W3CAnnotation) => (a['cl:orphanedAt'] = '2024-02-30T10:00:00Z'),
      "$.first.items[1]['cl:orphanedAt']: is not a real date and time",
    ],
    [
      (a: W3CAnnotation) => (a['cl:textChange']!['cl:detectedAt'] = 'yesterday'),
      "$.first.items[1]['cl:textChange']['cl:detectedAt']: must be an ISO 8601 date-time such as 2024-10-23T14:05:00Z",
    ],
    [
      (a: W3CAnnotation) => (a['cl:textChange']!['cl:selector'][1].end = 0),
      "$.first.items[1]['cl:textChange']['cl:selector'][1]: 'end' comes before 'start'",
    ],
    [
      (a: W3CAnnotation) => (a['cl:textChange']!['cl:selector'][0].exact = ''),
      "$.first.items[1]['cl:textChange']['cl:selector'][0].exact: must not be empty",
    ],
    [
      (a: W3CAnnotation) => (a.creator = { type: 'Person', name: '' }),
      '$.first.items[1].creator.name: must not be empty',
    ],
  ])('refuses a bad orphan mark, text change, creator or date (%#)', (spoil, message) => {
    const doc = JSON.parse(good);
    spoil(doc.first.items[1]);
    expect(errorOf(JSON.stringify(doc)).message).toBe(message);
  });

  it('rejects huge strings with their length and the limit', () => {
    const doc = JSON.parse(good);
    doc.first.items[0].body[0].value = 'x'.repeat(5000);
    expect(errorOf(JSON.stringify(doc)).message).toBe(
      '$.first.items[0].body[0].value: text too long: 5000 characters, the limit is 200',
    );
  });

  it('explains not-JSON, truncated, too large, too deep, wrong version and foreign JSON', () => {
    expect(errorOf('hello').code).toBe('not-json');
    expect(errorOf(good.slice(0, good.length / 2)).code).toBe('truncated');
    expect(errorOf(good.slice(0, good.length / 2)).message).toMatch(/truncated/);
    expect(errorOf(good, 100).message).toMatch(/too large.*limit/);
    expect(errorOf('').code).toBe('empty');
    expect(errorOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).message).toContain(
      `more than ${MAX_NESTING_DEPTH} levels`,
    );
    expect(errorOf(good.replace('"cl:formatVersion": 1', '"cl:formatVersion": 3')).message).toBe(
      "$['cl:formatVersion']: The file uses format version 3, but this ClaimLens reads version 1; update ClaimLens to import it.",
    );
    expect(errorOf('{"type":"AnnotationCollection"}').code).toBe('not-claimlens');
    expect(errorOf('[1,2]').code).toBe('not-claimlens');
    expect(errorOf(new Uint8Array([0xff, 0xfe, 0x00, 0x81])).code).toBe('not-text');
  });

  it('rejects duplicate ids and a total that does not match', () => {
    const dup = fileOf([sampleRecord(1), sampleRecord(2), sampleRecord(1)]);
    expect(errorOf(dup).message).toBe(
      '$.first.items[2].id: duplicate annotation id "urn:uuid:00000000-0000-4000-8000-000000000001" (already used at $.first.items[0].id)',
    );
    const doc = JSON.parse(good);
    doc.first.items.pop();
    expect(errorOf(JSON.stringify(doc)).path).toBe('$.total');
  });

  it('gives the same answer in chunks, and reads Blobs', async () => {
    const doc = JSON.parse(fileOf(Array.from({ length: 1200 }, (_, i) => sampleRecord(i))));
    doc.first.items[1100].target.source = 'not a url';
    let yields = 0;
    const result = await parseAnnotationFileAsync(JSON.stringify(doc), {
      yieldToMain: async () => {
        yields++;
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.path).toBe('$.first.items[1100].target.source');
    expect(yields).toBe(2);
    const blob = await readAnnotationFile(new Blob([good]));
    expect(blob.ok && blob.value.records.length).toBe(2);
    const big = await readAnnotationFile(new Blob([good]), { maxBytes: 10 });
    expect(!big.ok && big.error.code).toBe('too-large');
  });
});
