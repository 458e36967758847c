/**
 * Trains the FNC-1 stance model (agree / disagree / discuss / unrelated) on the bodies listed in
 * dev_split/training_ids.txt and writes models/stance.json. Hold-out bodies are never read here.
 * Usage: npm run train:stance [-- --data DIR]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { trainForest } from '../src/match/gbdt.ts';
import { IDF } from '../src/match/model.ts';
import { type BodyRep, prepareBody, STANCE_FEATURES, stanceFeatures } from '../src/stance/features.ts';
import { FNC_LABELS, type FncLabel, parseBodies, parseStances } from '../src/stance/fnc.ts';
import { recordFingerprint } from './fingerprints.ts';

function main(): void {
  const args = process.argv.slice(2);
  const i = args.indexOf('--data');
  const dir = resolve(i >= 0 && args[i + 1] ? args[i + 1] : '../shared/data');
  const fnc = join(dir, 'fnc-1');
  const files = ['train_bodies.csv', 'train_stances.csv', 'dev_split/training_ids.txt'].map((f) =>
    join(fnc, f),
  );
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(
      `train:stance: FNC-1 data not found (${missing.join(', ')}). Pass --data DIR (the folder holding fnc-1/).`,
    );
    process.exit(2);
  }
  const t0 = Date.now();
  const bodies = parseBodies(readFileSync(files[0], 'utf8'));
  const ids = new Set(readFileSync(files[2], 'utf8').split(/\s+/).filter(Boolean));
  const pairs = parseStances(readFileSync(files[1], 'utf8')).filter((p) => ids.has(p.bodyId) && p.stance);
  const reps = new Map<string, BodyRep>();
  const X: number[][] = [];
  const y: number[] = [];
  for (const p of pairs) {
    let rep = reps.get(p.bodyId);
    if (!rep) {
      rep = prepareBody(bodies.get(p.bodyId) ?? '', IDF);
      reps.set(p.bodyId, rep);
    }
    X.push(stanceFeatures(p.headline, rep, IDF));
    y.push(FNC_LABELS.indexOf(p.stance as FncLabel));
  }
  const tf = Date.now();
  const forest = trainForest(X, y, 4, [...STANCE_FEATURES], {
    rounds: 250,
    depth: 5,
    learningRate: 0.1,
    subsample: 0.8,
    colsample: 0.8,
    minChild: 2,
    lambda: 1,
    seed: 7,
  });
  writeFileSync('models/stance.json', JSON.stringify({ version: 1, labels: FNC_LABELS, forest }));
  recordFingerprint('stance');
  console.log(
    `train:stance: ${pairs.length} pairs over ${reps.size} bodies; features ${((tf - t0) / 1000).toFixed(1)} s, trees ${((Date.now() - tf) / 1000).toFixed(1)} s -> models/stance.json`,
  );
}

main();
