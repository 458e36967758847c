import type { Stance } from '../model/stance.ts';
import type { ClaimStatus, Evidence } from '../protocol/views.ts';
import {
  copyLine,
  isSafeLink,
  originLine,
  quoteClass,
  reasonLine,
  STANCE_LABEL,
  STANCE_ORDER,
} from './status-format.ts';

/**
 * The other outlets' sentences for a claim, disputes first, each with outlet, quote and a link.
 * All text is rendered as text (Preact escapes it); links are only ever http(s).
 */
export function EvidenceList({
  status,
  headingLevel = 3,
}: {
  status: ClaimStatus;
  headingLevel?: 3 | 4 | 'none';
}) {
  // In the tooltip the titles are not headings: it floats over pages whose own outline we must not break.
  const Heading = headingLevel === 'none' ? 'p' : headingLevel === 3 ? 'h3' : 'h4';
  const all = [...status.disputes, ...status.confirms, ...status.unclear];
  return (
    <div class="cl-evidence">
      {STANCE_ORDER.filter((s) => status[s].length > 0).map((stance) => (
        <section key={stance} class={`cl-stance cl-stance-${stance}`}>
          <Heading class="cl-stance-title">
            {STANCE_LABEL[stance]} ({status[stance].length})
          </Heading>
          <ul>
            {status[stance].map((e) => (
              <li key={`${stance}-${e.sentenceId}`} class="cl-evidence-item">
                <span class="cl-outlet">{e.outlet}</span>
                {copyLine(e, all) && <span class="cl-copy">{copyLine(e, all)}</span>}
                {e.fromFeed && <span class="cl-via-feed">from your feeds</span>}
                <q class={quoteClass(e.quote)}>{e.quote}</q>
                <ReasonLine evidence={e} stance={stance} />
                {originLine(e) && <span class="cl-origin">{originLine(e)}</span>}
                {isSafeLink(e.url) && (
                  <a class="cl-link" href={e.url} target="_blank" rel="noopener noreferrer">
                    Open article<span class="cl-sr"> from {e.outlet}</span>
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Why the outlet stands so, when worth saying: in the dispute colour, except for a confirmation. */
function ReasonLine({ evidence, stance }: { evidence: Evidence; stance: Stance }) {
  const reason = reasonLine(evidence, stance);
  if (!reason) return null;
  return <span class={stance === 'confirms' ? 'cl-reason' : 'cl-conflict'}>{reason}</span>;
}
