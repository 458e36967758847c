/**
 * Typed wrapper around the generated standalone validator (no eval: safe under the MV3 CSP) that
 * turns Ajv's first error into a message a researcher can act on: the JSON path of the first bad
 * place and why it is wrong.
 */
import {
  type GeneratedValidationError,
  type GeneratedValidator,
  validateAnnotation,
  validateAnnotationDocument,
} from './generated/validate-annotations.js';

export interface ValidationProblem {
  /** JSONPath of the first bad place, e.g. `$.first.items[3].target.selector[0].exact`. */
  path: string;
  /** Why it is wrong, in words. */
  reason: string;
}

/** Formats a JSON path segment list as JSONPath (`$.a[0]['cl:kind']`). */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s).replace(/^"|"$/g, "'")}]`;
  }
  return out;
}

/** Splits an Ajv instancePath (JSON Pointer) into segments, numbers where the data holds an array. */
function pointerSegments(data: unknown, pointer: string): { segments: (string | number)[]; value: unknown } {
  const segments: (string | number)[] = [];
  let value: unknown = data;
  if (!pointer) return { segments, value };
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      const i = Number(key);
      segments.push(i);
      value = value[i];
    } else {
      segments.push(key);
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
  }
  return { segments, value };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

const PATTERN_HINTS: [RegExp, string][] = [
  [/dateTime/, 'must be an ISO 8601 date-time such as 2024-10-23T14:05:00Z'],
  [/\/iri\//, 'must be an IRI such as urn:uuid:… or https://…, without spaces'],
  [/\/url\//, 'must be an absolute URL such as https://…'],
];

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : 0;
}

/** Words for one Ajv error. */
function describeError(e: GeneratedValidationError, value: unknown): { extra?: string; reason: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { reason: `missing required property '${p.missingProperty}'` };
    case 'additionalProperties':
      return { extra: String(p.additionalProperty), reason: 'unexpected property (not part of this format)' };
    case 'type':
      return {
        reason: `must be ${p.type === 'integer' ? 'an integer' : `of type ${p.type}`}, found ${kindOf(value)}`,
      };
    case 'const':
      return { reason: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'enum':
      return {
        reason: `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'maxLength':
      return { reason: `text too long: ${lengthOf(value)} characters, the limit is ${p.limit}` };
    case 'minLength':
      return {
        reason: p.limit === 1 ? 'must not be empty' : `text too short: the minimum is ${p.limit} characters`,
      };
    case 'maxItems':
      return { reason: `too many entries: ${lengthOf(value)}, the limit is ${p.limit}` };
    case 'minItems':
      return { reason: `too few entries: ${lengthOf(value)}, at least ${p.limit} needed` };
    case 'maxProperties':
      return { reason: `too many properties: the limit is ${p.limit}` };
    case 'minimum':
    case 'maximum':
      return { reason: `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${p.limit}` };
    case 'pattern': {
      const hint = PATTERN_HINTS.find(([re]) => re.test(e.schemaPath));
      return { reason: hint ? hint[1] : `does not match the expected pattern ${p.pattern}` };
    }
    case 'propertyNames':
      return { extra: String(p.propertyName), reason: 'property name too long' };
    case 'anyOf':
      return { reason: 'must be a string or a JSON-LD term definition (@id, @type, @container)' };
    case 'items':
      return { reason: 'too many entries for this list' };
    default:
      return { reason: e.message ?? `fails the "${e.keyword}" rule` };
  }
}

/** The first schema error of `data` as path + reason, or null when valid. */
function firstProblem(validator: GeneratedValidator, data: unknown): ValidationProblem | null {
  if (validator(data)) return null;
  const errors = validator.errors ?? [];
  // Inside anyOf, Ajv lists each branch's failure before the anyOf error itself; the latter is the clear one.
  const error = errors.find((e) => e.keyword === 'anyOf') ?? errors[0];
  if (!error) return { path: '$', reason: 'invalid' };
  const { segments, value } = pointerSegments(data, error.instancePath);
  const { extra, reason } = describeError(error, value);
  if (extra !== undefined) segments.push(extra);
  return { path: jsonPath(segments), reason };
}

/** Checks a parsed file against the schema (schema/claimlens-annotations.schema.json). */
export function checkAnnotationDocument(data: unknown): ValidationProblem | null {
  return firstProblem(validateAnnotationDocument, data);
}

/** Checks one annotation (used to validate a huge file in chunks); paths are relative to `base`. */
export function checkAnnotation(data: unknown, base: readonly (string | number)[]): ValidationProblem | null {
  const problem = firstProblem(validateAnnotation, data);
  if (!problem) return null;
  return { ...problem, path: jsonPath(base) + problem.path.slice(1) };
}
