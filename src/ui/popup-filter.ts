/**
 * Filtering the popup's claim list: by text, cross-outlet status, the researcher's tag and verdict,
 * and by an outlet that speaks to the claim. Pure, so it is tested without a browser.
 */
import type { Verdict } from '../model/annotation.ts';
import type { ClaimView } from '../protocol/views.ts';
import { statusClass } from './status-format.ts';

export type StatusFilter = 'all' | 'confirmed' | 'disputed' | 'unclear' | 'none';

export interface ClaimFilter {
  text: string;
  status: StatusFilter;
  tag: string;
  verdict: Verdict | '';
  outlet: string;
}

export const NO_FILTER: ClaimFilter = { text: '', status: 'all', tag: '', verdict: '', outlet: '' };

/** Claims that pass every set condition, in page order. */
export function filterClaims(claims: readonly ClaimView[], f: ClaimFilter): ClaimView[] {
  const needle = f.text.trim().toLowerCase();
  return claims.filter((c) => {
    const cls = statusClass(c.status);
    if (f.status === 'confirmed' && cls !== 'confirmed' && cls !== 'mixed') return false;
    if (f.status === 'disputed' && cls !== 'disputed' && cls !== 'mixed') return false;
    if (f.status === 'unclear' && c.status.unclear.length === 0) return false;
    if (f.status === 'none' && cls !== 'claim') return false;
    if (f.tag && !c.mine?.tags.includes(f.tag)) return false;
    if (f.verdict && c.mine?.verdict !== f.verdict) return false;
    if (
      f.outlet &&
      ![...c.status.confirms, ...c.status.disputes, ...c.status.unclear].some((e) => e.outlet === f.outlet)
    )
      return false;
    if (needle) {
      const hay = `${c.text} ${c.attribution?.source ?? ''} ${c.mine?.note ?? ''} ${(c.mine?.tags ?? []).join(' ')}`;
      if (!hay.toLowerCase().includes(needle)) return false;
    }
    return true;
  });
}

/** The tags and outlets present on the page, for the filter menus. */
export function filterOptions(claims: readonly ClaimView[]): { tags: string[]; outlets: string[] } {
  const tags = new Set<string>();
  const outlets = new Set<string>();
  for (const c of claims) {
    for (const t of c.mine?.tags ?? []) tags.add(t);
    for (const e of [...c.status.confirms, ...c.status.disputes, ...c.status.unclear]) outlets.add(e.outlet);
  }
  return { tags: [...tags].sort(), outlets: [...outlets].sort() };
}
