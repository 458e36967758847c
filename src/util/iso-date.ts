/**
 * A date a page or a file states, as the ISO 8601 time the export format requires (`toISOString`), or
 * undefined when it is not a date at all. Pages write dates in many forms ("2024-10-19", with offsets,
 * in RFC 2822); anything `Date.parse` reads is kept, anything else is dropped rather than stored.
 */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
