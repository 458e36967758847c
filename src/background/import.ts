/**
 * The background's end of an import (src/protocol/import.ts): it gathers the file's text as the library
 * page sends it, then checks it with the same importer the page's worker previewed it with, merges it
 * in one transaction and has open tabs reload their annotations. A file the page never committed (the
 * page closed, the port broke) is dropped unwritten.
 */
import { applyImport, MAX_IMPORT_BYTES, parseAnnotationFileAsync } from '../annotations/import.ts';
import { type ImportEvent, ImportRequestSchema } from '../protocol/import.ts';
import { parseWith } from '../protocol/messages.ts';
import type { ClaimLensDB } from '../store/db.ts';
import { storeErrorMessage } from '../store/errors.ts';

/** Annotations checked between two progress messages (the importer yields every 500). */
const CHECK_STEPS_PER_PROGRESS = 4;
const CHECK_STEP = 500;
/** Records per read-and-write round trip of the merge. */
const WRITE_BATCH = 1_000;

/** One import on one port. */
export class ImportReceiver {
  private readonly chunks: string[] = [];
  private chars = 0;
  private state: 'receiving' | 'writing' | 'over' = 'receiving';

  constructor(
    private readonly db: ClaimLensDB,
    /** Sends an event to the page. */
    private readonly post: (event: ImportEvent) => void,
    /** The store changed: open tabs should reload their annotations. */
    private readonly onImported: () => void,
  ) {}

  /** Handles one message from the page (validated here). */
  async receive(message: unknown): Promise<void> {
    if (this.state !== 'receiving') return;
    const request = parseWith(ImportRequestSchema, message);
    if (!request.ok) return this.fail(request.error);
    if (request.value.type === 'chunk') {
      this.chars += request.value.text.length;
      if (this.chars > MAX_IMPORT_BYTES) return this.fail('The file is too large to import.');
      this.chunks.push(request.value.text);
      this.post({ type: 'received' });
      return;
    }
    this.state = 'writing';
    try {
      const text = this.chunks.join('');
      this.chunks.length = 0;
      let steps = 0;
      const parsed = await parseAnnotationFileAsync(text, {
        yieldToMain: async () => {
          if (++steps % CHECK_STEPS_PER_PROGRESS === 0)
            this.post({ type: 'progress', phase: 'checking', done: steps * CHECK_STEP, total: null });
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
      });
      if (!parsed.ok) return this.fail(parsed.error.message);
      const counts = await applyImport(this.db, parsed.value, {
        batchSize: WRITE_BATCH,
        onProgress: (done, total) => this.post({ type: 'progress', phase: 'writing', done, total }),
      });
      this.state = 'over';
      if (counts.new + counts.updated) this.onImported();
      this.post({ type: 'done', counts });
    } catch (error) {
      this.fail(storeErrorMessage(error, 'nothing was imported'));
    }
  }

  /** The page went away: whatever arrived is dropped. */
  abandon(): void {
    this.state = 'over';
    this.chunks.length = 0;
  }

  private fail(error: string): void {
    this.abandon();
    this.post({ type: 'failed', error });
  }
}
