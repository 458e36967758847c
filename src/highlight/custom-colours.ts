/**
 * The reader's own highlight colours. The defaults need no script (the browser injects
 * `content/highlights.css` with the content script), so this is in the on-demand module: only a reader
 * who picked other colours gets a constructed sheet on top of the injected one (adopted after the page's
 * own sheets, so it wins), emptied again when they go back to the defaults.
 */

import type { ColourChoice } from '../model/settings.ts';
import { adoptCss } from './adopt-css.ts';
import { highlightCss, isCustomChoice } from './colours.ts';

/** Each document's sheet of custom colours, if the reader has any, and its colour choice. */
const styled = new WeakMap<Document, CSSStyleSheet>();
const currentChoice = new WeakMap<Document, ColourChoice>();

/** Applies a colour choice to the page's highlights (see the file comment for why it is not in every page). */
export function setHighlightColours(doc: Document, choice: ColourChoice): void {
  currentChoice.set(doc, choice);
  const custom = isCustomChoice(choice);
  const sheet = styled.get(doc);
  if (sheet) sheet.replaceSync(custom ? highlightCss(choice) : '');
  else if (custom) styled.set(doc, adoptCss(doc, highlightCss(choice)));
}

/** The colours last applied to a document (undefined: the defaults). */
export function colourChoiceOf(doc: Document): ColourChoice | undefined {
  return currentChoice.get(doc);
}
