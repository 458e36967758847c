/**
 * Imports go through the background, the one writer of the store: the library page streams the file it
 * previewed (its worker parsed and compared it) over a runtime port, and the background checks it again
 * with the same importer, writes it in one transaction and tells open tabs. A port, not one message: a
 * large file exceeds what one extension message may carry, and the page's main thread never holds more
 * than a chunk of it. Messages are validated on receipt, both ways.
 */
import * as v from 'valibot';
import type { ImportCounts } from '../model/annotation.ts';

/** The name of the runtime port an import travels on. */
export const IMPORT_PORT = 'claimlens-import';
/** Bytes of the file read, decoded and sent per message. */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;
/** Characters one chunk may carry (a chunk's bytes decode to at most as many UTF-16 units, plus a split character). */
const IMPORT_CHUNK_CHARS = IMPORT_CHUNK_BYTES + 4;

/** What the import is doing, for the progress bar (reading to comparing: the page's worker; the rest: the background). */
export type ImportPhase = 'reading' | 'checking' | 'comparing' | 'sending' | 'writing';

export interface ImportProgress {
  phase: ImportPhase;
  /** Annotations done, or bytes sent while `sending`. */
  done: number;
  /** Null while the total is not known yet (the bar is then indeterminate). */
  total: number | null;
}

/** Page → background. */
export const ImportRequestSchema = v.variant('type', [
  /** The next piece of the file's text, in order. */
  v.object({ type: v.literal('chunk'), text: v.pipe(v.string(), v.maxLength(IMPORT_CHUNK_CHARS)) }),
  /** The whole file has been sent: check it, write it, answer `done` or `failed`. */
  v.object({ type: v.literal('commit') }),
]);
export type ImportRequest = v.InferOutput<typeof ImportRequestSchema>;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Background → page. */
export const ImportEventSchema = v.variant('type', [
  /** A chunk arrived (the page sends the next one then). */
  v.object({ type: v.literal('received') }),
  v.object({
    type: v.literal('progress'),
    phase: v.picklist(['checking', 'writing']),
    done: Count,
    total: v.nullable(Count),
  }),
  v.object({
    type: v.literal('done'),
    counts: v.object({ total: Count, new: Count, updated: Count, unchanged: Count }),
  }),
  /** Nothing was written; `error` says why in words for the reader. */
  v.object({ type: v.literal('failed'), error: v.string() }),
]);
export type ImportEvent = v.InferOutput<typeof ImportEventSchema>;

/** The part of a runtime port (`browser.runtime.Port`) an import uses. */
export interface ImportPort {
  postMessage(message: ImportRequest): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/**
 * Sends a file to the background over `port` and resolves with what the import did; rejects with the
 * background's reason (nothing written) or when the background went away. The file is read, decoded
 * and sent a chunk at a time, each after the background took the one before.
 */
export function sendImport(
  file: Blob,
  port: ImportPort,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportCounts> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let taken: (() => void) | null = null;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      taken = null;
      outcome();
      port.disconnect();
    };
    port.onMessage.addListener((raw) => {
      const parsed = v.safeParse(ImportEventSchema, raw);
      if (!parsed.success)
        return finish(() => reject(new Error('ClaimLens answered the import with something unexpected.')));
      const event = parsed.output;
      if (event.type === 'received') taken?.();
      else if (event.type === 'progress')
        onProgress({ phase: event.phase, done: event.done, total: event.total });
      else if (event.type === 'done') finish(() => resolve(event.counts));
      else finish(() => reject(new Error(event.error)));
    });
    port.onDisconnect.addListener(() =>
      finish(() => reject(new Error('ClaimLens stopped before the import was written.'))),
    );
    const send = async () => {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      for (let at = 0; at < file.size; at += IMPORT_CHUNK_BYTES) {
        const end = Math.min(at + IMPORT_CHUNK_BYTES, file.size);
        const bytes = new Uint8Array(await file.slice(at, end).arrayBuffer());
        const text = decoder.decode(bytes, { stream: end < file.size });
        if (settled) return;
        await new Promise<void>((next) => {
          taken = next;
          port.postMessage({ type: 'chunk', text });
        });
        onProgress({ phase: 'sending', done: end, total: null });
      }
      if (!settled) port.postMessage({ type: 'commit' });
    };
    send().catch((error: unknown) =>
      finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
