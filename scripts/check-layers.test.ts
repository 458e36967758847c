import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  folderCycles,
  folderEdges,
  importsOf,
  storeAccess,
  storeAccessOf,
  unusedModules,
  violations,
} from './check-layers.ts';

const map = { layers: { 'src/model': 1, 'src/nlp': 2, 'src/store': 2, 'src/ui': 7 } };
const edges = (pairs: [string, string][]) => {
  const out = new Map<string, Map<string, string>>();
  for (const [a, b] of pairs) out.set(a, (out.get(a) ?? new Map()).set(b, `${a} imports ${b}`));
  return out;
};

describe('the dependency rule', () => {
  it('reads static, type-only, re-exported and dynamic imports, in .ts and .tsx', () => {
    const code = `import type { A } from './a.ts';\nimport { b } from '../b.ts';\nexport * from './c.ts';\nexport { d } from './d.ts';\nconst e = () => import('./e.ts');\ntype F = import('./f.ts').F;\nconst g = <div class="x" />;`;
    expect(importsOf('x.tsx', code).sort()).toEqual([
      '../b.ts',
      './a.ts',
      './c.ts',
      './d.ts',
      './e.ts',
      './f.ts',
    ]);
  });

  it('fails on an upward import, a same-layer import and an unmapped folder', () => {
    expect(violations(edges([['src/model', 'src/nlp']]), map)[0]).toMatch(
      /src\/model \(layer 1\) must not import src\/nlp/,
    );
    expect(violations(edges([['src/nlp', 'src/store']]), map)).toHaveLength(1);
    expect(violations(edges([['src/nlp', 'src/new']]), map)[0]).toMatch(
      /src\/new is not in docs\/layers.json/,
    );
    expect(
      violations(
        edges([
          ['src/ui', 'src/nlp'],
          ['src/nlp', 'src/model'],
        ]),
        map,
      ),
    ).toEqual([]);
  });

  it('finds folder cycles', () => {
    expect(
      folderCycles(
        edges([
          ['src/a', 'src/b'],
          ['src/b', 'src/c'],
          ['src/c', 'src/a'],
          ['src/c', 'src/d'],
        ]),
      ),
    ).toEqual([['src/a', 'src/b', 'src/c']]);
  });

  it('holds for the repository as it is', () => {
    const layers = JSON.parse(readFileSync(new URL('../docs/layers.json', import.meta.url), 'utf8'));
    expect(violations(folderEdges(), layers)).toEqual([]);
  });
});

describe('one way into the store', () => {
  it('finds a table touched, a transaction, the table list and Dexie imported', () => {
    const code = `import Dexie from 'dexie';\nawait db.links.where('articleId').equals(id).toArray();\nawait this.host.db.feeds.get(id);\nawait db.transaction('rw', db.tables, f);`;
    expect(storeAccessOf('x.ts', code)).toEqual([
      "imports 'dexie'",
      '.links.where',
      '.feeds.get',
      '.transaction',
      '.tables',
    ]);
  });

  it('leaves records and arrays that share a table name alone', () => {
    const code = `record.links.filter((l) => l.stance);\nview.claims.map((c) => c.id);\nconst n = settings.threshold;\nfor (const l of annotation.links ?? []) use(l);`;
    expect(storeAccessOf('x.ts', code)).toEqual([]);
  });

  it('holds for the repository as it is', () => {
    expect(storeAccess()).toEqual([]);
  });
});

describe('every module of src/ is used', () => {
  it('holds for the repository as it is (a module only its own tests import is dead)', () => {
    expect(unusedModules()).toEqual([]);
  });
});
