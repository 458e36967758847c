import type { ClaimView } from '../protocol/views.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { StatusBar } from './StatusBar.tsx';
import { attributionLine, statusCounts, summaryLine } from './status-format.ts';

/** The hover / focus card for one highlighted claim. */
export function ClaimTooltip({ claim, id }: { claim: ClaimView; id: string }) {
  const attribution = attributionLine(claim.attribution);
  return (
    <div class="cl-tooltip" role="tooltip" id={id}>
      <div class="cl-tooltip-head">
        <span class="cl-brand">ClaimLens</span>
        <StatusBar counts={statusCounts(claim.status)} />
      </div>
      <p class="cl-summary">{summaryLine(claim.status)}</p>
      {attribution && <p class="cl-attribution">{attribution}</p>}
      <EvidenceList status={claim.status} />
    </div>
  );
}
