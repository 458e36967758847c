import { useRef, useState } from 'preact/hooks';
import type { ImportProblem } from '../annotations/import.ts';
import type { ImportCounts } from '../model/annotation.ts';
import type { ImportPhase, ImportProgress } from '../protocol/import.ts';

export interface ImportApi {
  /** Reads, validates and previews a file; writes nothing. */
  parse(
    file: File,
    onProgress: (p: ImportProgress) => void,
  ): Promise<{ ok: true; counts: ImportCounts } | { ok: false; problem: ImportProblem }>;
  /** Has the previewed file written (by the background, in one transaction). */
  apply(onProgress: (p: ImportProgress) => void): Promise<{ counts: ImportCounts; ms: number }>;
  discard(): Promise<void>;
}

type State =
  | { step: 'idle' }
  | { step: 'busy'; progress: ImportProgress }
  | { step: 'preview'; fileName: string; counts: ImportCounts }
  | { step: 'invalid'; fileName: string; problem: ImportProblem }
  | { step: 'done'; counts: ImportCounts; ms: number }
  | { step: 'failed'; error: string };

const PHASE_LABEL: Record<ImportPhase, string> = {
  reading: 'Reading the file…',
  checking: 'Checking the file…',
  comparing: 'Comparing with your annotations…',
  sending: 'Handing the file to ClaimLens…',
  writing: 'Importing…',
};

const COUNT = new Intl.NumberFormat('en');
const n = (k: number) => COUNT.format(k);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The words beside the bar: how far the import got. */
function progressText({ phase, done, total }: ImportProgress): string {
  if (phase === 'sending') return `${megabytes(done)} sent`;
  if (total === null) return done ? `${n(done)} checked` : '';
  return `${n(done)} of ${n(total)}`;
}

/**
 * Import from a file: pick, check and preview (new / updated / unchanged), confirm, then a progress
 * bar while the background writes. A bad file shows the first bad place and why, and nothing is written.
 */
export function ImportPanel({ api, onImported }: { api: ImportApi; onImported: () => Promise<void> }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const busy = state.step === 'busy';

  const choose = async (file: File) => {
    setState({ step: 'busy', progress: { phase: 'reading', done: 0, total: null } });
    // The file is in hand: clear the picker so choosing the same file again is noticed.
    if (input.current) input.current.value = '';
    try {
      const result = await api.parse(file, (progress) => setState({ step: 'busy', progress }));
      setState(
        result.ok
          ? { step: 'preview', fileName: file.name, counts: result.counts }
          : { step: 'invalid', fileName: file.name, problem: result.problem },
      );
    } catch (e) {
      setState({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  const confirm = async () => {
    setState({ step: 'busy', progress: { phase: 'writing', done: 0, total: null } });
    try {
      const { counts, ms } = await api.apply((progress) => setState({ step: 'busy', progress }));
      setState({ step: 'done', counts, ms });
      await onImported();
    } catch (e) {
      setState({ step: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  const reset = async () => {
    await api.discard();
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
  };

  return (
    <section class="cl-lib-import" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <label for="import-file">Import annotations from a ClaimLens or W3C annotation file (.json)</label>
      <input
        ref={input}
        id="import-file"
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void choose(file);
        }}
      />
      <div class="cl-lib-import-state" aria-live="polite">
        {state.step === 'busy' && (
          <div class="cl-lib-progress">
            <label for="import-progress">{PHASE_LABEL[state.progress.phase]}</label>
            {state.progress.total === null ? (
              <progress id="import-progress" />
            ) : (
              <progress id="import-progress" max={state.progress.total} value={state.progress.done} />
            )}
            <span class="cl-muted" data-testid="import-count">
              {progressText(state.progress)}
            </span>
          </div>
        )}
        {state.step === 'preview' && (
          <div class="cl-lib-preview" data-testid="import-preview">
            <p>
              <strong>{state.fileName}</strong> holds {n(state.counts.total)}{' '}
              {state.counts.total === 1 ? 'annotation' : 'annotations'}: {n(state.counts.new)} new,{' '}
              {n(state.counts.updated)} updated, {n(state.counts.unchanged)} unchanged.
            </p>
            {state.counts.new + state.counts.updated > 0 ? (
              <div class="cl-lib-actions">
                <button type="button" class="cl-primary" onClick={confirm}>
                  Import {n(state.counts.new + state.counts.updated)}{' '}
                  {state.counts.new + state.counts.updated === 1 ? 'annotation' : 'annotations'}
                </button>
                <button type="button" onClick={reset}>
                  Cancel
                </button>
              </div>
            ) : (
              <>
                <p>Nothing to import: you already have every annotation in this file.</p>
                <button type="button" onClick={reset}>
                  Close
                </button>
              </>
            )}
          </div>
        )}
        {state.step === 'invalid' && (
          <div class="cl-lib-invalid" role="alert" data-testid="import-error">
            <p>
              <strong>{state.fileName}</strong> cannot be imported. Nothing was written.
            </p>
            {state.problem.path && (
              <p>
                First problem at <code data-testid="import-error-path">{state.problem.path}</code>
              </p>
            )}
            <p>{state.problem.message}</p>
          </div>
        )}
        {state.step === 'done' && (
          <p data-testid="import-done">
            Imported {n(state.counts.new)} new and {n(state.counts.updated)} updated{' '}
            {state.counts.new + state.counts.updated === 1 ? 'annotation' : 'annotations'} (
            {n(state.counts.unchanged)} unchanged) in {(state.ms / 1000).toFixed(1)} s.
          </p>
        )}
        {state.step === 'failed' && (
          <p class="cl-error" role="alert">
            Import failed: {state.error} Nothing was written.
          </p>
        )}
      </div>
    </section>
  );
}
