import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { serializeAnnotationDocument } from '../annotations/export.ts';
import { sampleRecord } from '../annotations/test-support.ts';
import { buildAnnotationDocument } from '../annotations/w3c.ts';
import { run } from './validate.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimlens-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  return { out, err };
}

describe('claimlens validate', () => {
  it('prints OK and exits 0 for a valid file', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(
      file,
      serializeAnnotationDocument(buildAnnotationDocument([sampleRecord(1), sampleRecord(2)])),
    );
    const { out } = capture();
    expect(await run([file])).toBe(0);
    expect(out.join('\n')).toMatch(/^OK: .*good\.json.*2 annotations/);
  });

  it('prints the first error with its JSON path and exits 1', async () => {
    const doc = buildAnnotationDocument([sampleRecord(1)]);
    (doc.first.items[0].target as { source: unknown }).source = 7;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const { err } = capture();
    expect(await run([file])).toBe(1);
    expect(err.join('\n')).toContain(
      'bad.json: $.first.items[0].target.source: must be of type string, found an integer',
    );
  });

  it('exits 1 with a message for a missing file or missing argument', async () => {
    const { err } = capture();
    expect(await run([join(dir, 'nope.json')])).toBe(1);
    expect(await run([])).toBe(2);
    expect(err.join('\n')).toMatch(/cannot read the file[\s\S]*usage: claimlens validate FILE/);
  });
});
