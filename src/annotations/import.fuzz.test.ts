import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeAnnotationDocument } from './export.ts';
import { importAnnotationFile } from './import.ts';
import { dumpStore, openTestDb, sampleRecord } from './test-support.ts';
import { buildAnnotationDocument } from './w3c.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const GOOD = buildAnnotationDocument(
  Array.from({ length: 6 }, (_, i) => sampleRecord(i, i % 2 ? 'Kremlin' : 'about 10,000 soldiers')),
);
const GOOD_TEXT = serializeAnnotationDocument(GOOD);

/** Every path in the good document, with its value, for targeted mutations. */
function paths(
  value: Json,
  prefix: (string | number)[] = [],
  out: { path: (string | number)[]; value: Json }[] = [],
) {
  out.push({ path: prefix, value });
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) paths(value[i], [...prefix, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
const ALL = paths(GOOD as unknown as Json);
const NODES = ALL.filter((p) => p.path.length > 0);
const STRINGS = ALL.filter((p) => typeof p.value === 'string');
const CONTAINERS = ALL.filter((p) => p.value !== null && typeof p.value === 'object');

function clone(): Json {
  return structuredClone(GOOD) as unknown as Json;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (!path.length) return value ?? null;
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return root;
}

/** A value of a different JSON type than `value` (so the mutation is always a type error). */
function otherType(value: Json, pick: number): Json {
  const options: Json[] = [12345, 'wrong', true, null, [1, 'two'], { unexpected: 'object' }];
  const kind = (v: Json) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const candidates = options.filter((o) => kind(o) !== kind(value));
  return candidates[pick % candidates.length];
}

function nested(depth: number, arrays: boolean): string {
  return arrays
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const REQUIRED_IN_ANNOTATION = [
  ['id'],
  ['type'],
  ['created'],
  ['modified'],
  ['target'],
  ['cl:kind'],
  ['target', 'source'],
  ['target', 'selector'],
  ['target', 'cl:outlet'],
  ['target', 'cl:title'],
  ['target', 'selector', 0, 'exact'],
  ['target', 'selector', 1, 'start'],
  ['body', 0, 'value'],
  ['cl:links', 0, 'cl:stance'],
  ['cl:claim', 'cl:score'],
];
const REQUIRED_AT_ROOT = ['@context', 'type', 'cl:formatVersion', 'total', 'first'];

/** Generators of bad files, each one always invalid by construction. */
const badFile: fc.Arbitrary<{ kind: string; input: string | Uint8Array }> = fc.oneof(
  fc.record({ at: fc.nat(NODES.length - 1), pick: fc.nat() }).map(({ at, pick }) => {
    const { path, value } = NODES[at];
    // A JSON-LD term may be a string or an object, so a term never becomes a string here.
    const isContextTerm = path[0] === '@context' && path.length === 3;
    const wrong = isContextTerm ? [12345, true, null, [1]][pick % 4] : otherType(value, pick);
    return { kind: 'wrong-type', input: JSON.stringify(setAt(clone(), path, wrong)) };
  }),
  fc.record({ item: fc.nat(5), key: fc.nat(REQUIRED_IN_ANNOTATION.length - 1) }).map(({ item, key }) => ({
    kind: 'missing-field',
    input: JSON.stringify(
      setAt(clone(), ['first', 'items', item, ...REQUIRED_IN_ANNOTATION[key]], undefined),
    ),
  })),
  fc.constantFrom(...REQUIRED_AT_ROOT).map((key) => ({
    kind: 'missing-field',
    input: JSON.stringify(setAt(clone(), [key], undefined)),
  })),
  fc
    .record({ at: fc.nat(STRINGS.length - 1), size: fc.integer({ min: 100_001, max: 400_000 }) })
    .map(({ at, size }) => ({
      kind: 'huge-string',
      input: JSON.stringify(setAt(clone(), STRINGS[at].path, '𝕏'.repeat(size))),
    })),
  fc
    .record({
      at: fc.nat(NODES.length - 1),
      depth: fc.integer({ min: 25, max: 20_000 }),
      arrays: fc.boolean(),
    })
    .map(({ at, depth, arrays }) => {
      const text = JSON.stringify(setAt(clone(), NODES[at].path, '__DEEP__'));
      return { kind: 'deep-nesting', input: text.replace('"__DEEP__"', nested(depth, arrays)) };
    }),
  fc.record({ from: fc.nat(5), to: fc.nat(5) }).map(({ from, to }) => {
    const doc = clone() as { first: { items: { id: string }[] } };
    const target = from === to ? (to + 1) % 6 : to;
    doc.first.items[target].id = doc.first.items[from].id;
    return { kind: 'duplicate-id', input: JSON.stringify(doc) };
  }),
  fc
    .record({ at: fc.nat(CONTAINERS.length - 1), key: fc.string({ minLength: 1, maxLength: 12 }) })
    .map(({ at, key }) => {
      const { path, value } = CONTAINERS[at];
      const doc = clone();
      if (Array.isArray(value)) {
        // Arrays: one entry too many where the length is fixed, or an entry of a wrong shape elsewhere.
        setAt(doc, [...path, value.length], value.length ? 'extra' : 42);
      } else setAt(doc, [...path, `x-${key}`], { nested: { value: key } });
      return { kind: 'extra-content', input: JSON.stringify(doc) };
    }),
  fc.integer({ min: 1, max: GOOD_TEXT.lastIndexOf('}') - 1 }).map((cut) => ({
    kind: 'truncated',
    input: GOOD_TEXT.slice(0, cut),
  })),
  fc
    .oneof(
      fc.string({ maxLength: 200 }).map((s) => `x${s}`),
      fc.constantFrom(
        "{'type': 'AnnotationCollection'}",
        '{"total": 1,}',
        '<html><body>hi</body></html>',
        'NaN',
        '{"a" 1}',
      ),
    )
    .map((input) => ({ kind: 'not-json', input })),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => ({ kind: 'random-bytes', input: bytes })),
  fc
    .oneof(
      fc.integer({ min: 2, max: 1000 }),
      fc.integer({ min: -100, max: 0 }),
      fc.constantFrom('1', 1.5, null),
    )
    .map((v) => ({ kind: 'wrong-version', input: JSON.stringify({ ...GOOD, 'cl:formatVersion': v }) })),
  fc
    .record({
      item: fc.nat(5),
      field: fc.constantFrom('created', 'modified'),
      date: fc.constantFrom(
        '2024-13-01T00:00:00Z',
        '2024-02-30T10:00:00Z',
        '2024-01-01 10:00',
        'yesterday',
        '2024-01-01T25:00:00Z',
      ),
    })
    .map(({ item, field, date }) => ({
      kind: 'bad-date',
      input: JSON.stringify(setAt(clone(), ['first', 'items', item, field], date)),
    })),
  fc
    .record({
      item: fc.nat(5),
      enumField: fc.constantFrom(['cl:kind'], ['cl:links', 0, 'cl:stance'], ['body', 0, 'purpose']),
    })
    .map(({ item, enumField }) => ({
      kind: 'bad-enum',
      input: JSON.stringify(setAt(clone(), ['first', 'items', item, ...enumField], 'rumour')),
    })),
);

describe('import fuzzing: bad files', () => {
  const db = openTestDb();
  let before = '';
  beforeAll(async () => {
    // Something in every table, so "unchanged" is checked for the whole store.
    await db.annotations.bulkPut([sampleRecord(100), sampleRecord(101, 'Kremlin')]);
    await db.articles.put({
      id: 'a1',
      url: 'https://news.example/a1',
      outlet: 'Example',
      title: 'T',
      text: 'Text.',
      blocks: [{ kind: 'paragraph', start: 0, end: 5 }],
      firstReadAt: 1,
      readAt: 2,
    });
    await db.settings.put({ key: 'threshold', value: 0.5 });
    before = await dumpStore(db);
  });
  afterAll(() => db.delete());

  it('rejects 1,200 generated bad files with a clear message and leaves the store byte-for-byte unchanged', async () => {
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(badFile, async ({ kind, input }) => {
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const result = await importAnnotationFile(db, input);
        if (result.ok)
          throw new Error(
            `${kind} was accepted: ${typeof input === 'string' ? input.slice(0, 3000) : input}`,
          );
        const { message, path, code } = result.error;
        expect(message.length).toBeGreaterThan(10);
        expect(message.length).toBeLessThan(400); // never echoes a huge value back
        if (code === 'invalid' || code === 'duplicate-id') {
          expect(path).toMatch(/^\$/);
          expect(message.startsWith(`${path}: `)).toBe(true);
        }
        expect(await dumpStore(db)).toBe(before);
      }),
      { numRuns: 1200, endOnFailure: true },
    );
    expect(kinds.size).toBeGreaterThanOrEqual(12);
  });
});
