/**
 * The architecture rules, checked in `npm test`:
 * - the dependency rule: every import (type-only ones included) between folders of src/ and extension/
 *   must point down the layer map in docs/layers.json, and folders must form no cycle;
 * - one way into the store: only src/store opens Dexie, starts a transaction or touches a table; every
 *   other module (tests aside, which may inspect tables) goes through its repositories.
 * Code is read with swc's TypeScript parser: dependency-cruiser and madge parse TypeScript through the
 * `typescript` package's JavaScript API, which TypeScript 7 no longer ships, and dependency-cruiser's
 * own swc mode parses .tsx files without JSX.
 *
 * Usage: tsx scripts/check-layers.ts [--graph]   (exit 1 on a violation; --graph prints folder edges)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from '@swc/core';

const ROOT = resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'extension'];

interface LayerMap {
  /** Folder (e.g. `src/nlp`) → layer number; a folder may import folders of a lower layer only. */
  layers: Record<string, number>;
  /** Folders of one layer that may import each other in this direction only (`from` → `to`). */
  sideways?: { from: string; to: string }[];
}

/**
 * Every .ts/.tsx source below `dir`, tests included (they must respect layers too), and plain
 * JavaScript as well with `withJs` (bin/); none when `dir` does not exist.
 */
function sources(dir: string, withJs = false): string[] {
  if (!existsSync(dir)) return [];
  const wanted = withJs ? /\.(?:tsx?|m?js)$/ : /\.tsx?$/;
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sources(path, withJs));
    } else if (wanted.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The store's tables (src/store/db.ts) and the Dexie table methods that read or write one. */
const TABLES = new Set([
  'articles',
  'sentences',
  'links',
  'settings',
  'annotations',
  'terms',
  'profiles',
  'feeds',
  'factChecks',
]);
const TABLE_METHODS = new Set([
  'get',
  'bulkGet',
  'put',
  'bulkPut',
  'add',
  'bulkAdd',
  'update',
  'bulkUpdate',
  'upsert',
  'delete',
  'bulkDelete',
  'where',
  'toArray',
  'toCollection',
  'count',
  'each',
  'orderBy',
  'clear',
  'limit',
  'offset',
  'hook',
]);

function parse(file: string, code: string) {
  return parseSync(code, { syntax: 'typescript', tsx: file.endsWith('.tsx'), comments: false });
}

/** Calls `visit` on every node of a parsed module. */
function walkNodes(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walkNodes(n, visit);
    return;
  }
  const n = node as Record<string, unknown>;
  visit(n);
  for (const key of Object.keys(n)) if (key !== 'span') walkNodes(n[key], visit);
}

const propertyName = (member: Record<string, unknown>): string | undefined => {
  const p = member.property as { type?: string; value?: string } | undefined;
  return p?.type === 'Identifier' ? p.value : undefined;
};

/**
 * Where a module reaches into the store other than through its repositories: an import of Dexie, a
 * table method called on a table (`db.links.where(…)`), a transaction, or the list of tables.
 */
export function storeAccessOf(file: string, code: string): string[] {
  const found: string[] = [];
  walkNodes(parse(file, code).body, (n) => {
    if (n.type === 'ImportDeclaration' && (n.source as { value: string }).value === 'dexie')
      found.push("imports 'dexie'");
    if (n.type !== 'MemberExpression') return;
    const name = propertyName(n);
    const object = n.object as Record<string, unknown>;
    if (name && TABLE_METHODS.has(name) && object.type === 'MemberExpression') {
      const table = propertyName(object);
      if (table && TABLES.has(table)) found.push(`.${table}.${name}`);
    }
    if (name === 'transaction' || name === 'tables' || name === 'table') found.push(`.${name}`);
  });
  return found;
}

/** Modules outside src/store that touch the store directly (tests excepted). */
export function storeAccess(): string[] {
  const problems: string[] = [];
  for (const root of SCANNED)
    for (const file of sources(join(ROOT, root))) {
      const path = relative(ROOT, file);
      if (path.startsWith('src/store/') || /\.test\.tsx?$/.test(path) || path.endsWith('/test-support.ts'))
        continue;
      for (const what of new Set(storeAccessOf(file, readFileSync(file, 'utf8'))))
        problems.push(`${path} reaches into the store (${what}): use a repository of src/store`);
    }
  return problems;
}

/** The module specifiers a file imports: static, re-exported, type-only and dynamic `import()`. */
export function importsOf(file: string, code: string): string[] {
  const ast = parse(file, code);
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    const n = node as Record<string, unknown>;
    const type = n.type;
    if (
      (type === 'ImportDeclaration' ||
        type === 'ExportAllDeclaration' ||
        type === 'ExportNamedDeclaration') &&
      n.source
    )
      found.push((n.source as { value: string }).value);
    if (type === 'TsImportType') found.push((n.argument as { value: string }).value);
    if (type === 'CallExpression' && (n.callee as { type?: string })?.type === 'Import') {
      const arg = (n.arguments as { expression: { type: string; value?: string } }[])[0]?.expression;
      if (arg?.type === 'StringLiteral' && arg.value) found.push(arg.value);
    }
    for (const key of Object.keys(n)) if (key !== 'span') walk(n[key]);
  };
  walk(ast.body);
  return found;
}

/** Where modules of src/ may be imported from: every tree that runs code, besides src/ itself. */
const IMPORTERS = ['src', 'extension', 'scripts', 'bench', 'test', 'bin'];
/** Files outside those trees that import src/ (the build reads the highlight colours). */
const ROOT_IMPORTERS = ['vite.config.ts'];

/**
 * Modules of src/ that nothing imports but their own tests: dead code, or a second home of a rule
 * (a forgotten copy of a function that lives elsewhere and drifts from it).
 */
export function unusedModules(): string[] {
  const modules = sources(join(ROOT, 'src')).filter((f) => !/\.test\.tsx?$/.test(f));
  const imported = new Set<string>();
  const files = [
    ...IMPORTERS.flatMap((dir) => sources(join(ROOT, dir), true)),
    ...ROOT_IMPORTERS.map((f) => join(ROOT, f)),
  ];
  for (const file of files)
    for (const spec of importsOf(file, readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      // A module's own tests do not keep it alive.
      if (file.replace(/\.test(\.tsx?)$/, '$1') === target) continue;
      imported.add(target);
    }
  return modules.filter((m) => !imported.has(m)).map((m) => relative(ROOT, m));
}

/** `src/nlp/numbers.ts` → `src/nlp`; files straight under a root are their own folder. */
function folderOf(path: string): string {
  const parts = relative(ROOT, path).split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Folder-level edges with one example import each. */
export function folderEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const root of SCANNED)
    for (const file of sources(join(ROOT, root))) {
      const from = folderOf(file);
      for (const spec of importsOf(file, readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        const to = folderOf(target);
        if (to === from || !SCANNED.some((r) => to === r || to.startsWith(`${r}/`))) continue;
        const map = edges.get(from) ?? new Map<string, string>();
        if (!map.has(to)) map.set(to, `${relative(ROOT, file)} imports ${spec}`);
        edges.set(from, map);
      }
    }
  return edges;
}

/** Cycles between folders (strongly connected components of more than one folder). */
export function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** Every rule broken, as readable lines. */
export function violations(edges: Map<string, Map<string, string>>, map: LayerMap): string[] {
  const problems: string[] = [];
  const sideways = new Set((map.sideways ?? []).map((s) => `${s.from}>${s.to}`));
  for (const [from, targets] of edges) {
    const lf = map.layers[from];
    if (lf === undefined) {
      problems.push(`${from} is not in docs/layers.json: give it a layer`);
      continue;
    }
    for (const [to, example] of targets) {
      const lt = map.layers[to];
      if (lt === undefined) problems.push(`${to} is not in docs/layers.json (${example})`);
      else if (lt > lf || (lt === lf && !sideways.has(`${from}>${to}`)))
        problems.push(`${from} (layer ${lf}) must not import ${to} (layer ${lt}): ${example}`);
    }
  }
  for (const cycle of folderCycles(edges)) problems.push(`folder cycle: ${cycle.join(' ↔ ')}`);
  return problems;
}

if (process.argv[1]?.endsWith('check-layers.ts')) {
  const edges = folderEdges();
  if (process.argv.includes('--graph')) {
    for (const [from, targets] of [...edges].sort())
      for (const [to, example] of targets) console.log(`${from} -> ${to}    (${example})`);
  }
  const map = JSON.parse(readFileSync(join(ROOT, 'docs/layers.json'), 'utf8')) as LayerMap;
  const problems = violations(edges, map);
  if (problems.length)
    console.error(`Dependency rule broken (docs/layers.json):\n  ${problems.join('\n  ')}`);
  const store = storeAccess();
  if (store.length) console.error(`One way into the store broken:\n  ${store.join('\n  ')}`);
  const unused = unusedModules();
  if (unused.length)
    console.error(`Modules nothing imports but their own tests (delete them):\n  ${unused.join('\n  ')}`);
  if (problems.length || store.length || unused.length) process.exit(1);
  console.log(
    `layers: ${edges.size} folders, every import points down, no cycle; only src/store touches the store; every module of src/ is used`,
  );
}
