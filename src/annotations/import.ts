/**
 * Import of annotation files: everything that can be wrong with a file is found before anything is
 * written (size, encoding, JSON syntax, truncation, nesting depth, format version, the JSON Schema,
 * duplicate ids, impossible values), each with a message naming the first bad place. Then a
 * preview (new / updated / unchanged) and one all-or-nothing Dexie transaction that merges by id:
 * a newer `modified` wins, so importing the same file twice changes nothing.
 */

import type { AnnotationRecord, ImportCounts } from '../model/annotation.ts';
import { mergeAnnotations } from '../store/annotations.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { checkAnnotation, checkAnnotationDocument, jsonPath } from './validate.ts';
import {
  type AnnotationDocument,
  FORMAT_VERSION,
  type W3CAnnotation,
  type W3CTextPositionSelector,
  w3cToRecord,
} from './w3c.ts';

/** Files above this are refused before being read: 50,000 rich annotations take about 100 MB. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** Our format nests 7 levels; anything much deeper is hostile or not ours (and could exhaust a stack). */
export const MAX_NESTING_DEPTH = 20;
/** Annotations validated per chunk before yielding in `parseAnnotationFileAsync`. */
const VALIDATE_CHUNK = 500;

export type ImportErrorCode =
  | 'too-large'
  | 'not-text'
  | 'empty'
  | 'not-json'
  | 'truncated'
  | 'too-deep'
  | 'not-claimlens'
  | 'wrong-version'
  | 'invalid'
  | 'duplicate-id';

export interface ImportProblem {
  code: ImportErrorCode;
  /** JSONPath of the first bad place when there is one. */
  path?: string;
  /** A complete sentence for the user, including the path. */
  message: string;
}

export interface ParsedAnnotations {
  document: AnnotationDocument;
  /** The annotations as store records, in file order. */
  records: AnnotationRecord[];
}

export type ParseResult = { ok: true; value: ParsedAnnotations } | { ok: false; error: ImportProblem };

export interface ParseOptions {
  maxBytes?: number;
}

export interface ApplyOptions {
  /** Called after each batch with annotations processed so far (drives a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Records per bulkGet/bulkPut round trip (default 2000). */
  batchSize?: number;
}

function fail(code: ImportErrorCode, message: string, path?: string): { ok: false; error: ImportProblem } {
  return {
    ok: false,
    error: { code, message: path ? `${path}: ${message}` : message, ...(path ? { path } : {}) },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Decodes bytes as UTF-8 (strictly: a binary file is refused rather than garbled). */
function decode(
  input: string | Uint8Array | ArrayBuffer,
  maxBytes: number,
): { text: string } | ReturnType<typeof fail> {
  if (typeof input === 'string') {
    // UTF-16 length is a lower bound of the UTF-8 size: enough to refuse absurd inputs cheaply.
    if (input.length > maxBytes) return fail('too-large', tooLarge(input.length, maxBytes));
    return { text: input.replace(/^\uFEFF/, '') };
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength > maxBytes) return fail('too-large', tooLarge(bytes.byteLength, maxBytes));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return fail('not-text', 'The file is not UTF-8 text, so it cannot be a ClaimLens export.');
  }
}

function tooLarge(size: number, max: number): string {
  return `The file is too large to import (${megabytes(size)}; the limit is ${megabytes(max)}). Split it into smaller exports.`;
}

/**
 * One linear pass over the raw text, before JSON.parse: how deep the nesting goes and whether the
 * text ends inside a string or an open bracket (a truncated download).
 */
function scanStructure(text: string): { tooDeepAt: number; open: number; inString: boolean } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING_DEPTH) return { tooDeepAt: i, open: depth, inString };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { tooDeepAt: -1, open: depth, inString };
}

function parseJson(text: string): { value: unknown } | ReturnType<typeof fail> {
  if (!text.trim()) return fail('empty', 'The file is empty.');
  const scan = scanStructure(text);
  if (scan.tooDeepAt >= 0) {
    return fail(
      'too-deep',
      `The file nests data more than ${MAX_NESTING_DEPTH} levels deep (at character ${scan.tooDeepAt}); a ClaimLens export never does.`,
    );
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    if (scan.inString || scan.open > 0) {
      return fail(
        'truncated',
        'The file ends in the middle of the data: it looks truncated (an interrupted download or copy?).',
      );
    }
    const why = e instanceof Error ? e.message : String(e);
    return fail('not-json', `The file is not valid JSON (${why}).`);
  }
}

/** Envelope checks that deserve their own message: not ours at all, or a version we cannot read. */
function checkIdentity(value: unknown): ReturnType<typeof fail> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      'not-claimlens',
      'The file is JSON but not a ClaimLens annotation collection (expected a JSON object).',
      '$',
    );
  }
  const version = (value as Record<string, unknown>)['cl:formatVersion'];
  if (version === undefined) {
    return fail(
      'not-claimlens',
      "The file is JSON but not a ClaimLens annotation export: it has no 'cl:formatVersion'.",
      '$',
    );
  }
  if (typeof version === 'number' && version !== FORMAT_VERSION) {
    const advice =
      version > FORMAT_VERSION
        ? 'update ClaimLens to import it'
        : 'it comes from an unsupported early version';
    return fail(
      'wrong-version',
      `The file uses format version ${version}, but this ClaimLens reads version ${FORMAT_VERSION}; ${advice}.`,
      "$['cl:formatVersion']",
    );
  }
  return null;
}

/** The schema checks the ISO shape; this checks the calendar (no 30 February, no hour 25). */
function isRealDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offH, offM] = m
    .slice(1)
    .map((v) => (v === undefined ? 0 : Number(v)));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offH <= 23 &&
    offM <= 59 &&
    !Number.isNaN(Date.parse(s))
  );
}

/** Ordered offsets, and UTF-16 offsets given as a pair. */
function checkPosition(pos: W3CTextPositionSelector, path: string): ReturnType<typeof fail> | null {
  if (pos.end < pos.start) return fail('invalid', "'end' comes before 'start'", path);
  const u16s = pos['cl:utf16Start'];
  const u16e = pos['cl:utf16End'];
  if ((u16s === undefined) !== (u16e === undefined))
    return fail('invalid', "'cl:utf16Start' and 'cl:utf16End' must be given together", path);
  if (u16s !== undefined && u16e !== undefined && u16e < u16s)
    return fail('invalid', "'cl:utf16End' comes before 'cl:utf16Start'", path);
  return null;
}

/**
 * Rules JSON Schema cannot express: unique ids, real calendar dates, ordered offsets, a single note
 * and verdict per annotation, and a `total` that matches the items (a cut-down file).
 */
function checkSemantics(doc: AnnotationDocument): ReturnType<typeof fail> | null {
  const items = doc.first.items;
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const at = (...rest: (string | number)[]) => jsonPath(['first', 'items', i, ...rest]);
    const earlier = seen.get(a.id);
    if (earlier !== undefined) {
      return fail(
        'duplicate-id',
        `duplicate annotation id ${JSON.stringify(a.id)} (already used at ${jsonPath(['first', 'items', earlier, 'id'])})`,
        at('id'),
      );
    }
    seen.set(a.id, i);
    for (const key of ['created', 'modified'] as const) {
      if (!isRealDateTime(a[key])) return fail('invalid', 'is not a real date and time', at(key));
    }
    const dates: [string | undefined, (string | number)[]][] = [
      [a.target['cl:published'], ['target', 'cl:published']],
      [a['cl:orphanedAt'], ['cl:orphanedAt']],
      [a['cl:textChange']?.['cl:detectedAt'], ['cl:textChange', 'cl:detectedAt']],
    ];
    for (const [value, path] of dates) {
      if (value !== undefined && !isRealDateTime(value))
        return fail('invalid', 'is not a real date and time', at(...path));
    }
    const positionProblem =
      checkPosition(a.target.selector[1], at('target', 'selector', 1)) ??
      (a['cl:textChange']
        ? checkPosition(a['cl:textChange']['cl:selector'][1], at('cl:textChange', 'cl:selector', 1))
        : null);
    if (positionProblem) return positionProblem;
    let notes = 0;
    let verdicts = 0;
    for (let b = 0; b < (a.body?.length ?? 0); b++) {
      const purpose = a.body![b].purpose;
      if ((purpose === 'commenting' && ++notes > 1) || (purpose === 'assessing' && ++verdicts > 1)) {
        return fail(
          'invalid',
          `a second '${purpose}' body: an annotation has at most one note and one verdict`,
          at('body', b),
        );
      }
    }
  }
  if (doc.total !== items.length) {
    return fail(
      'invalid',
      `says the file holds ${doc.total} annotations but it holds ${items.length}; the file is incomplete or was edited`,
      '$.total',
    );
  }
  return null;
}

/**
 * Validation as resumable steps, so the same code serves the synchronous parser and the chunked
 * one that keeps the page responsive on 50,000 annotations.
 */
function* validateSteps(
  input: string | Uint8Array | ArrayBuffer,
  options: ParseOptions,
): Generator<void, ParseResult> {
  const decoded = decode(input, options.maxBytes ?? MAX_IMPORT_BYTES);
  if ('ok' in decoded) return decoded;
  const parsed = parseJson(decoded.text);
  if ('ok' in parsed) return parsed;
  const identity = checkIdentity(parsed.value);
  if (identity) return identity;
  const root = parsed.value as Record<string, unknown>;
  const first = root.first as Record<string, unknown> | undefined;
  const items =
    first && typeof first === 'object' && Array.isArray(first.items) ? (first.items as unknown[]) : null;
  // The envelope is checked with an empty page (items are checked one by one below, in file order).
  const envelope = items ? { ...root, first: { ...first, items: [] } } : root;
  const envelopeProblem = checkAnnotationDocument(envelope);
  if (envelopeProblem) return fail('invalid', envelopeProblem.reason, envelopeProblem.path);
  if (!items) return fail('invalid', 'must be an array', '$.first.items');
  if (items.length > 200_000) {
    return fail('invalid', `too many entries: ${items.length}, the limit is 200000`, '$.first.items');
  }
  for (let i = 0; i < items.length; i++) {
    const problem = checkAnnotation(items[i], ['first', 'items', i]);
    if (problem) return fail('invalid', problem.reason, problem.path);
    if ((i + 1) % VALIDATE_CHUNK === 0) yield;
  }
  const doc = root as unknown as AnnotationDocument;
  const semantic = checkSemantics(doc);
  if (semantic) return semantic;
  const records: AnnotationRecord[] = [];
  for (let i = 0; i < items.length; i++) {
    records.push(w3cToRecord(items[i] as W3CAnnotation));
    if ((i + 1) % (VALIDATE_CHUNK * 4) === 0) yield;
  }
  return { ok: true, value: { document: doc, records } };
}

/**
 * Parses and fully validates an export file without touching the store. Never throws for bad
 * input: the result says what is wrong (`error.message` names the JSON path and the reason).
 */
export function parseAnnotationFile(
  input: string | Uint8Array | ArrayBuffer,
  options: ParseOptions = {},
): ParseResult {
  const steps = validateSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Same as `parseAnnotationFile`, but gives the main thread back between chunks of annotations
 * (validation of 50,000 annotations would otherwise be one long task). `onProgress` gets the
 * annotations checked so far.
 */
export async function parseAnnotationFileAsync(
  input: string | Uint8Array | ArrayBuffer,
  options: ParseOptions & { yieldToMain?: () => Promise<void> } = {},
): Promise<ParseResult> {
  const yieldToMain = options.yieldToMain ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const steps = validateSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToMain();
  }
}

/** Reads a user-picked file, refusing oversized ones before reading them into memory. */
export async function readAnnotationFile(file: Blob, options: ParseOptions = {}): Promise<ParseResult> {
  const max = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (file.size > max) return fail('too-large', tooLarge(file.size, max));
  return parseAnnotationFileAsync(new Uint8Array(await file.arrayBuffer()), options);
}

/** What an import would do, for the confirmation screen; reads only. */
export async function previewImport(db: ClaimLensDB, parsed: ParsedAnnotations): Promise<ImportCounts> {
  return transact(db, 'r', ['annotations'], () => mergeAnnotations(db, parsed.records, { write: false }));
}

/**
 * Writes a parsed file in ONE transaction: either every new/newer annotation is stored or (on any
 * failure, e.g. quota) none is. Idempotent: a second import of the same file finds everything
 * unchanged.
 */
export async function applyImport(
  db: ClaimLensDB,
  parsed: ParsedAnnotations,
  options: ApplyOptions = {},
): Promise<ImportCounts> {
  return transact(db, 'rw', ['annotations'], () =>
    mergeAnnotations(db, parsed.records, { write: true, ...options }),
  );
}

export type ImportFileResult = { ok: true; counts: ImportCounts } | { ok: false; error: ImportProblem };

/**
 * Parse, validate and merge in one call (the CLI and tests; the UI calls the steps itself to show
 * the preview in between). A file with any problem writes nothing.
 */
export async function importAnnotationFile(
  db: ClaimLensDB,
  input: string | Uint8Array | ArrayBuffer,
  options: ParseOptions & ApplyOptions = {},
): Promise<ImportFileResult> {
  const result = parseAnnotationFile(input, options);
  if (!result.ok) return result;
  return { ok: true, counts: await applyImport(db, result.value, options) };
}
