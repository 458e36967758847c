/**
 * The MSRP tab-separated format (Quality, #1 ID, #2 ID, #1 String, #2 String), read from a string so
 * that the training scripts, the evaluation and the CLI share one parser and one dev split.
 */

export interface ParaphrasePair {
  /** 1 = paraphrase, 0 = not, undefined when the file has no labels. */
  quality?: number;
  id1: string;
  id2: string;
  s1: string;
  s2: string;
}

/** Parses an MSRP file; tolerates a byte-order mark, CRLF and a missing or empty Quality column. */
export function parseMsrp(text: string): ParaphrasePair[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split('\t').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const iq = col('Quality');
  const i1 = col('#1 ID');
  const i2 = col('#2 ID');
  const s1 = col('#1 String');
  const s2 = col('#2 String');
  if (i1 < 0 || i2 < 0 || s1 < 0 || s2 < 0)
    throw new Error('not an MSRP file: missing #1 ID/#2 ID/#1 String/#2 String');
  const out: ParaphrasePair[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const f = line.split('\t');
    const q = iq >= 0 ? f[iq]?.trim() : '';
    out.push({
      quality: q === '0' || q === '1' ? Number(q) : undefined,
      id1: f[i1],
      id2: f[i2],
      s1: f[s1] ?? '',
      s2: f[s2] ?? '',
    });
  }
  return out;
}

/** FNV-1a hash of a string, for deterministic splits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The dev split carved from the MSRP training file: a pair is dev when the hash of its two IDs
 * falls in one fifth of the range. Deterministic and independent of file order.
 */
export function isMsrpDev(pair: ParaphrasePair): boolean {
  return hashString(`${pair.id1}:${pair.id2}`) % 5 === 0;
}
