import { describe, expect, it } from 'vitest';
import { DEFAULT_COLOURS, DEFAULT_SETTINGS } from '../model/settings.ts';
import { highlightCss, isCustomChoice } from './colours.ts';

describe('highlight colours', () => {
  it('takes the settings defaults as the colours of the injected sheet', () => {
    expect({ claim: DEFAULT_SETTINGS.claimColour, annotation: DEFAULT_SETTINGS.annotationColour }).toEqual(
      DEFAULT_COLOURS,
    );
    expect(isCustomChoice(DEFAULT_COLOURS)).toBe(false);
    expect(isCustomChoice({ claim: '#FFD60A', annotation: '#40C4FF' })).toBe(false);
    expect(isCustomChoice({ ...DEFAULT_COLOURS, annotation: '#000000' })).toBe(true);
  });

  it('writes one rule per class, light and dark, in the chosen colours', () => {
    const css = highlightCss({ claim: '#ff0000', annotation: '#00ff00' });
    expect(css).toContain('::highlight(claimlens-claim) { background-color: rgba(255, 0, 0, 0.38); }');
    expect(css).toContain('::highlight(claimlens-annotation) { background-color: rgba(0, 255, 0, 0.35); }');
    expect(css.match(/::highlight\(claimlens-focus\)/g)).toHaveLength(2);
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(highlightCss()).toContain('rgba(255, 214, 10, 0.38)');
  });
});
