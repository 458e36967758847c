import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../protocol/messages.ts';
import { HighlightLevelPicker } from './HighlightLevel.tsx';

export interface OptionsApi {
  getSettings(): Promise<Settings>;
  setSettings(change: Partial<Settings>): Promise<Settings>;
  clearAll(): Promise<void>;
}

/** A host name from what the user typed: a bare host or a full address. */
export function hostOf(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(text) ? text : `https://${text}`).hostname.replace(/^www\./, '');
    return /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** The options page: automatic highlighting, the check-worthiness threshold, and clearing all data. */
export function Options({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [site, setSite] = useState('');
  const [name, setName] = useState('');
  useEffect(() => {
    api.getSettings().then(
      (s) => {
        setSettings(s);
        setName(s.researcherName);
      },
      (e: unknown) => setStatus(String(e)),
    );
  }, [api]);

  const change = async (c: Partial<Settings>) => {
    try {
      setSettings(await api.setSettings(c));
      setStatus('Saved.');
    } catch (e) {
      setStatus(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  if (!settings) return <main class="cl-root cl-options">{status || 'Loading…'}</main>;
  return (
    <main class="cl-root cl-options">
      <h1>ClaimLens options</h1>
      <section>
        <h2>Highlighting</h2>
        <label class="cl-row">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => change({ enabled: e.currentTarget.checked })}
          />
          Highlight claims automatically on news articles
        </label>
        <HighlightLevelPicker
          name="level"
          threshold={settings.threshold}
          onChange={(threshold) => change({ threshold })}
        />
        <label class="cl-row" for="threshold">
          Check-worthiness threshold: <output for="threshold">{settings.threshold.toFixed(2)}</output>
        </label>
        <input
          id="threshold"
          type="range"
          min="0"
          max="0.95"
          step="0.05"
          value={settings.threshold}
          aria-describedby="threshold-help"
          onChange={(e) => change({ threshold: Number(e.currentTarget.value) })}
        />
        <p id="threshold-help" class="cl-muted">
          Lower shows more sentences as claims; higher shows only the most check-worthy ones. Fewer is 0.70,
          default 0.50, all 0.
        </p>
        <h3>Sites where highlighting is off</h3>
        {settings.disabledSites.length === 0 ? (
          <p class="cl-muted">None: ClaimLens highlights articles on every site.</p>
        ) : (
          <ul class="cl-sites">
            {settings.disabledSites.map((s) => (
              <li key={s}>
                {s}{' '}
                <button
                  type="button"
                  onClick={() => change({ disabledSites: settings.disabledSites.filter((x) => x !== s) })}
                >
                  Turn on again<span class="cl-sr"> for {s}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="cl-row"
          onSubmit={(e) => {
            e.preventDefault();
            const host = hostOf(site);
            if (!host) {
              setStatus('Enter a site such as example.com or a page address.');
              return;
            }
            setSite('');
            if (!settings.disabledSites.includes(host))
              void change({ disabledSites: [...settings.disabledSites, host] });
          }}
        >
          <label for="site">Turn off on site</label>
          <input
            id="site"
            type="text"
            placeholder="example.com"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
          <button type="submit">Add</button>
        </form>
        <h3>Colours</h3>
        <label class="cl-row">
          <input
            type="color"
            value={settings.claimColour}
            onChange={(e) => change({ claimColour: e.currentTarget.value })}
          />
          Automatic claims
        </label>
        <label class="cl-row">
          <input
            type="color"
            value={settings.annotationColour}
            onChange={(e) => change({ annotationColour: e.currentTarget.value })}
          />
          Your highlights and tagged claims
        </label>
      </section>
      <section>
        <h2>Annotating</h2>
        <form
          class="cl-row"
          onSubmit={(e) => {
            e.preventDefault();
            void change({ researcherName: name.trim() });
          }}
        >
          <label for="researcher-name">Your name as annotator</label>
          <input
            id="researcher-name"
            type="text"
            autocomplete="name"
            maxLength={200}
            aria-describedby="researcher-name-help"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <button type="submit">Save name</button>
        </form>
        <p id="researcher-name-help" class="cl-muted">
          Written as the creator of each new annotation, in the library and in exports (W3C and CSV). Leave it
          empty to write none.
        </p>
      </section>
      <section>
        <h2>Your data</h2>
        <p class="cl-muted">
          Everything ClaimLens stores stays in this browser and is sent nowhere. Its only requests fetch the
          feeds you follow (below).
        </p>
        {!confirming ? (
          <button type="button" class="cl-danger" onClick={() => setConfirming(true)}>
            Clear all data…
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="confirm-title" class="cl-confirm">
            <p id="confirm-title">Delete every stored article, claim and link? This cannot be undone.</p>
            <button
              type="button"
              class="cl-danger"
              onClick={async () => {
                setConfirming(false);
                try {
                  await api.clearAll();
                  setStatus('All data cleared.');
                } catch (e) {
                  setStatus(`Could not clear: ${e instanceof Error ? e.message : String(e)}`);
                }
              }}
            >
              Delete everything
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        )}
      </section>
      <p role="status" class="cl-status">
        {status}
      </p>
    </main>
  );
}
