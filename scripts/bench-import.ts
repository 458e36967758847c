/**
 * Import at scale: 50,000 annotations exported, parsed (sync and chunked: longest task), previewed
 * and merged into a store (fake-indexeddb in Node; a browser's IndexedDB has other costs).
 * Run: npx tsx scripts/bench-import.ts [count]
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { serializeAnnotationDocument } from '../src/annotations/export.ts';
import {
  applyImport,
  parseAnnotationFile,
  parseAnnotationFileAsync,
  previewImport,
} from '../src/annotations/import.ts';
import { sampleRecord } from '../src/annotations/test-support.ts';
import { buildAnnotationDocument } from '../src/annotations/w3c.ts';
import { ClaimLensDB } from '../src/store/db.ts';

const COUNT = Number(process.argv[2] ?? 50_000);
const records = Array.from({ length: COUNT }, (_, i) => ({
  ...sampleRecord(i, i % 2 ? 'Kremlin' : 'about 10,000 soldiers'),
  id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
}));

let t = performance.now();
const text = serializeAnnotationDocument(buildAnnotationDocument(records));
const bytes = new TextEncoder().encode(text);
console.log(
  `${COUNT} annotations: ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, export ${(performance.now() - t).toFixed(0)} ms`,
);

t = performance.now();
const parsed = parseAnnotationFile(bytes);
if (!parsed.ok) throw new Error(parsed.error.message);
console.log(`parse + validate (one task): ${(performance.now() - t).toFixed(0)} ms`);

let longest = 0;
let last = performance.now();
let tasks = 1;
t = performance.now();
await parseAnnotationFileAsync(bytes, {
  yieldToMain: async () => {
    longest = Math.max(longest, performance.now() - last);
    tasks++;
    await new Promise((r) => setTimeout(r, 0));
    last = performance.now();
  },
});
longest = Math.max(longest, performance.now() - last);
console.log(
  `parse + validate (chunked): ${tasks} tasks, longest ${longest.toFixed(0)} ms (the JSON.parse step), total ${(performance.now() - t).toFixed(0)} ms`,
);

const db = new ClaimLensDB(`bench-${Date.now()}`, { indexedDB, IDBKeyRange });
t = performance.now();
console.log('preview', await previewImport(db, parsed.value), `${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
let updates = 0;
const counts = await applyImport(db, parsed.value, { onProgress: () => updates++ });
console.log('apply', counts, `${(performance.now() - t).toFixed(0)} ms, ${updates} progress updates`);
t = performance.now();
console.log('apply again', await applyImport(db, parsed.value), `${(performance.now() - t).toFixed(0)} ms`);
await db.delete();
