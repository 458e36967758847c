/**
 * The part of the content script a page pays for only when it is used: the claim tooltip and keyboard
 * proxies (first hover or Tab, with the tooltip's Preact renderer), the researcher's annotation layer (first annotation on
 * the page), the reader's own highlight colours, the overlay painter for browsers without the Highlight
 * API, and the validator of messages from the background. The build emits it as one ES module that the
 * content script `import()`s from the extension; the browser parses it off the page's main thread.
 */
import { type AnnotationsBackend, AnnotationsController } from '../../src/annotator/annotations.tsx';
import { createPainter } from '../../src/highlight/overlay-painter.ts';
import { type Ask, backgroundClient } from '../../src/protocol/client.ts';

export { createClaimUi } from '../../src/annotator/claim-ui.ts';
export { setHighlightColours } from '../../src/highlight/custom-colours.ts';
export { createPainter } from '../../src/highlight/overlay-painter.ts';
export { parseTabEvent } from '../../src/protocol/messages.ts';

/**
 * The annotation layer of this page, talking to the background through the content script's `ask` (a
 * refusal becomes an exception, which the annotation UI shows); `onClaimsChanged` runs after the
 * researcher changed what the article view shows (tags, pins, dismissals).
 */
export function createAnnotationLayer(
  doc: Document,
  ask: Ask,
  onClaimsChanged: () => void,
): AnnotationsController {
  const { call } = backgroundClient(ask);
  const backend: AnnotationsBackend = {
    list: async (url) => (await call({ type: 'listAnnotations', query: { url } })).annotations,
    save: async (draft) => (await call({ type: 'saveAnnotation', draft })).annotation,
    remove: async (ids) => (await call({ type: 'deleteAnnotations', ids })).undoToken,
    undo: async (token) => {
      await call({ type: 'undoDelete', token });
    },
    tags: async () => (await call({ type: 'listTags' })).tags.map((t) => t.tag),
    reportAnchoring: async (url, orphanIds, anchoredIds, changed) => {
      await call({ type: 'reportAnchoring', url, orphanIds, anchoredIds, changed });
    },
  };
  return new AnnotationsController(doc, backend, createPainter, onClaimsChanged);
}
