import type { ClaimView } from '../protocol/views.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { FactCheckLines } from './FactCheckLines.tsx';
import { StatusBar } from './StatusBar.tsx';
import { StatusGlyph } from './StatusGlyph.tsx';
import { attributionLine, independenceLine, statusCounts, summaryLine } from './status-format.ts';
import { STATUS_KIND_LABEL, statusKind } from './status-glyphs.ts';
import { UserMarkLine } from './UserMarkLine.tsx';

/** What a researcher can do with a claim from its tooltip. */
export interface ClaimActions {
  tag(claim: ClaimView): void;
  pin(claim: ClaimView): void;
  dismiss(claim: ClaimView): void;
}

/** The hover / focus card for one highlighted claim. */
export function ClaimTooltip({
  claim,
  id,
  actions,
}: {
  claim: ClaimView;
  id: string;
  actions?: ClaimActions;
}) {
  const attribution = attributionLine(claim.attribution);
  const kind = statusKind(claim.status);
  return (
    <div class="cl-tooltip" role="tooltip" id={id}>
      <div class="cl-tooltip-head">
        <span class="cl-brand">ClaimLens</span>
        <span class={`cl-status cl-status-${kind}`}>
          <StatusGlyph kind={kind} />
          {STATUS_KIND_LABEL[kind]}
        </span>
        <StatusBar counts={statusCounts(claim.status)} />
      </div>
      <FactCheckLines checks={claim.factChecks} />
      <p class="cl-summary">{summaryLine(claim.status)}</p>
      {independenceLine(claim) && <p class="cl-independence">{independenceLine(claim)}</p>}
      {attribution && <p class="cl-attribution">{attribution}</p>}
      <UserMarkLine mark={claim.mine} />
      <EvidenceList status={claim.status} headingLevel="none" />
      {actions && (
        <div class="cl-actions">
          <button type="button" onClick={() => actions.tag(claim)}>
            Tag…
          </button>
          <button type="button" onClick={() => actions.pin(claim)}>
            {claim.mine?.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button type="button" onClick={() => actions.dismiss(claim)}>
            Not a claim
          </button>
        </div>
      )}
    </div>
  );
}
