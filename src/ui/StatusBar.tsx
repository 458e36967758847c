import type { StatusCounts } from './status-format.ts';

/** A small stacked bar: confirms / disputes / unclear, widths proportional to outlet counts. */
export function StatusBar({ counts }: { counts: StatusCounts }) {
  const total = counts.confirms + counts.disputes + counts.unclear;
  const label = `${counts.confirms} confirm, ${counts.disputes} dispute, ${counts.unclear} cannot confirm`;
  return (
    <div class="cl-bar" role="img" aria-label={label} title={label}>
      {total === 0 ? (
        <span class="cl-bar-empty" />
      ) : (
        <>
          {counts.confirms > 0 && <span class="cl-bar-confirms" style={{ flexGrow: counts.confirms }} />}
          {counts.disputes > 0 && <span class="cl-bar-disputes" style={{ flexGrow: counts.disputes }} />}
          {counts.unclear > 0 && <span class="cl-bar-unclear" style={{ flexGrow: counts.unclear }} />}
        </>
      )}
    </div>
  );
}
