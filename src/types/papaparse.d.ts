/**
 * The part of Papa Parse ClaimLens uses (src/util/csv.ts and the tests that read its files back).
 * Declared here rather than taken from @types/papaparse, which references Node's types for Papa Parse's
 * stream API: through it every browser module would type-check against Node's globals
 * (tsconfig.browser.json keeps them out).
 */
declare module 'papaparse' {
  export interface ParseConfig {
    /** The first row names the fields: each row becomes a record keyed by them. */
    header?: boolean;
    skipEmptyLines?: boolean | 'greedy';
    delimiter?: string;
  }
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
    /** The header's field names (with `header: true`). */
    fields?: string[];
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface UnparseConfig {
    /** Quote every field (true) or only those that need it (false). */
    quotes?: boolean;
    newline?: string;
    /** Prefix cells that match with an apostrophe, so a spreadsheet does not run them as formulas. */
    escapeFormulae?: boolean | RegExp;
    delimiter?: string;
  }
  export function parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
  export function unparse(input: { fields: string[]; data: string[][] }, config?: UnparseConfig): string;
  const Papa: { parse: typeof parse; unparse: typeof unparse };
  export default Papa;
}
