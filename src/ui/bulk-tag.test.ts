import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../annotations/test-support.ts';
import type { AnnotationRecord } from '../model/annotation.ts';
import type { AnnotationDraft } from '../protocol/messages.ts';
import { BULK_CONCURRENCY, tagRecords } from './bulk-tag.ts';

describe('bulk tagging', () => {
  it('adds the tags to each editable record that lacks one, a batch at a time, and says what it did', async () => {
    // sampleRecord(i) is an automatic corpus claim when i % 5 === 4; all carry 'troops'.
    const records: AnnotationRecord[] = Array.from({ length: 40 }, (_, i) => sampleRecord(i));
    records[0] = { ...records[0], tags: [...records[0].tags, 'checked'] };
    const saved: AnnotationDraft[] = [];
    let inFlight = 0;
    let most = 0;
    const progress: [number, number][] = [];
    const note = await tagRecords(
      records,
      ['checked', 'troops'],
      async (draft) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
        if (draft.id === records[3].id) throw new Error('quota');
        saved.push(draft);
      },
      (done, total) => progress.push([done, total]),
    );
    const editable = records.filter((r) => r.kind !== 'auto-claim');
    expect(saved.length + 1).toBe(editable.length - 1);
    expect(saved.every((d) => d.tags.includes('checked') && d.tags.includes('troops'))).toBe(true);
    expect(saved.find((d) => d.id === records[1].id)?.note).toBe(records[1].note);
    expect(most).toBeLessThanOrEqual(BULK_CONCURRENCY);
    expect(progress[0]).toEqual([0, editable.length - 1]);
    expect(progress.at(-1)).toEqual([editable.length - 1, editable.length - 1]);
    expect(note).toBe(
      `Tagged ${saved.length} annotations with checked, troops (1 already had them); ` +
        `${records.length - editable.length} automatic corpus claims cannot carry tags; 1 failed: quota.`,
    );
  });
});
