/**
 * `claimlens validate FILE`: checks an annotation export against the shipped JSON Schema (and the
 * rules the importer adds: unique ids, dates, version) without a browser, so files can be checked
 * in scripts and CI before sharing. Exit code 0 when valid, 1 when not (or unreadable), 2 on a usage error.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_IMPORT_BYTES, parseAnnotationFile } from '../annotations/import.ts';
import { wantsHelp } from './args.ts';

const USAGE = 'usage: claimlens validate FILE   (checks a ClaimLens / W3C annotation export)';

/** Runs the command; prints `OK …` or the first error with its JSON path. */
export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  if (wantsHelp(args)) {
    console.log(USAGE);
    return 0;
  }
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const file = files[0];
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.size > MAX_IMPORT_BYTES) {
      console.error(`${file}: the file is too large (${info.size} bytes; the limit is ${MAX_IMPORT_BYTES}).`);
      return 1;
    }
    bytes = await readFile(file);
  } catch (e) {
    console.error(`${file}: cannot read the file (${e instanceof Error ? e.message : String(e)}).`);
    return 1;
  }
  const result = parseAnnotationFile(bytes);
  if (!result.ok) {
    console.error(`${file}: ${result.error.message}`);
    return 1;
  }
  const n = result.value.records.length;
  console.log(`OK: ${file} is a valid ClaimLens annotation file (${n} annotation${n === 1 ? '' : 's'}).`);
  return 0;
}
