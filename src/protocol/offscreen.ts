/** Messages from the background to the offscreen document (Chromium), which reads HTML with a DOMParser. */
export const OFFSCREEN_TARGET = 'claimlens-offscreen';

export type OffscreenRequest =
  | { kind: 'page'; html: string; url: string }
  | { kind: 'fragment'; html: string };
