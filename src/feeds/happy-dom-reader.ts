/**
 * The HTML reader for Node (the CLI and the tests): happy-dom's DOMParser, with script evaluation and
 * every kind of loading turned off, as inert as the browser's. Never imported by the extension.
 */
import { Window } from 'happy-dom';
import { domReader, type HtmlReader } from './html.ts';

/** A reader over one happy-dom window; `close` releases it. */
export function happyDomReader(): HtmlReader & { close(): Promise<void> } {
  const window = new Window({
    url: 'about:blank',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  const parser = new window.DOMParser();
  const reader = domReader((html) => parser.parseFromString(html, 'text/html') as unknown as Document);
  return { ...reader, close: () => window.happyDOM.close() };
}
