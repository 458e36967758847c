/**
 * The reader's settings: their shape, their defaults and the one rule they carry (where automatic
 * highlighting runs). Plain data, so the store, the protocol's validator, the content script and the
 * options page all read one definition.
 */
import { DEFAULT_CLAIM_THRESHOLD } from './sentence.ts';

/** The user's colour choices (options page), as #rrggbb. */
export interface ColourChoice {
  claim: string;
  annotation: string;
}

/** The colours a reader has until they pick others. */
export const DEFAULT_COLOURS: Readonly<ColourChoice> = { claim: '#ffd60a', annotation: '#40c4ff' };

export interface Settings {
  /** Check-worthiness threshold in 0..1. */
  threshold: number;
  /** Highlight claims automatically on article pages. */
  enabled: boolean;
  /** Sites (host names) where automatic highlighting is off even when `enabled`. */
  disabledSites: string[];
  /** Highlight colours: automatic claims, and the researcher's own annotations. */
  claimColour: string;
  annotationColour: string;
  /** Who annotates: written as the `creator` of each new annotation (empty: none is written). */
  researcherName: string;
}

export const DEFAULT_SETTINGS: Settings = {
  threshold: DEFAULT_CLAIM_THRESHOLD,
  enabled: true,
  disabledSites: [],
  claimColour: DEFAULT_COLOURS.claim,
  annotationColour: DEFAULT_COLOURS.annotation,
  researcherName: '',
};

/** Whether automatic highlighting runs on a page, given the settings (all sites, or per site). */
export function highlightsOn(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return !settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
  } catch {
    return false;
  }
}
