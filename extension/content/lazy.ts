/**
 * The part of the content script a page pays for only when it is used: the tooltip's renderer (first
 * hover or focus), the researcher's annotation layer (first annotation on the page) and the validator
 * of messages from the background. The build emits it as one ES module that the content script
 * `import()`s from the extension; the browser parses it off the page's main thread.
 */
export { AnnotationsController } from '../../src/annotator/annotations.tsx';
export { renderTooltip } from '../../src/annotator/tooltip-view.tsx';
export { parseTabEvent } from '../../src/protocol/messages.ts';
