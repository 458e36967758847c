import { describe, expect, it } from 'vitest';
import { FINGERPRINTED, fingerprint, recordedFingerprints } from './fingerprints.ts';

describe('trained models and the code they read through', () => {
  const recorded = recordedFingerprints();
  it.each(FINGERPRINTED)('models/%s.json was trained on what the code reads now', (model) => {
    expect(
      fingerprint(model),
      `what models/${model}.json reads of a text has changed since it was trained: run npm run train:${model} and commit the model`,
    ).toBe(recorded[model]);
  });
});
