import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One package a workspace imports without declaring it where it must. */
export interface UndeclaredImport {
  workspace: string;
  file: string;
  packageName: string;
  /** Where it must be declared: `dependencies` for code that runs, any section for types and dev files. */
  needs: 'dependencies' | 'any section';
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface ImportRef {
  packageName: string;
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;
/** Files that run only on a developer's machine: tests, their helpers, tool configs. */
const DEV_FILE = /(\.test\.tsx?|test-helpers\.ts|loopback-server\.ts|\.config\.ts)$/;
const BUILTINS = new Set(builtinModules);
// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `require('x')`; `type` is captured.
const IMPORT =
  /(?:^|[\s;])(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm;

/**
 * Lists what each workspace imports but does not declare in its own package.json. Code that runs needs a
 * `dependencies` entry, except in `bundled` workspaces, which ship built files and declare everything as dev;
 * type-only imports and dev files may use any section (dev files the root's devDependencies too).
 * `@types/x` declares x for types.
 */
export function undeclaredImports(root: string, bundled: ReadonlySet<string>): UndeclaredImport[] {
  const rootManifest = readManifest(root);
  const workspaces = ['packages', 'apps'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)));
  return workspaces.flatMap((dir) => {
    const manifest = readManifest(dir);
    const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
    const any = new Set([...runtime, ...Object.keys(manifest.devDependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    return sourceFiles(dir).flatMap((file) => {
      const isDev = DEV_FILE.test(file);
      return importsOf(readFileSync(file, 'utf8'))
        .filter(({ packageName }) => packageName !== manifest.name)
        .flatMap(({ packageName, typeOnly }): UndeclaredImport[] => {
          const loose = typeOnly || isDev || bundled.has(manifest.name);
          const declared = loose
            ? declares(any, packageName) || (isDev && declares(rootDev(rootManifest), packageName))
            : runtime.has(packageName);
          if (declared) return [];
          return [{ workspace: manifest.name, file: relative(root, file), packageName, needs: loose ? 'any section' : 'dependencies' }];
        });
    });
  });
}

/** The bare packages a source file imports, each once, type-only when every import of it is. */
export function importsOf(source: string): ImportRef[] {
  const found = new Map<string, boolean>();
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[4] ?? match[5] ?? match[6]!;
    const packageName = packageOf(specifier);
    if (!packageName) continue;
    const typeOnly = match[2] !== undefined || (match[3] !== undefined && allTypeSpecifiers(match[3]));
    found.set(packageName, (found.get(packageName) ?? true) && typeOnly);
  }
  return [...found].map(([packageName, typeOnly]) => ({ packageName, typeOnly }));
}

function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? undefined : name;
}

/** `{ type A, type B }` imports only types; `{ A, type B }`, `X` and `* as X` import values. */
function allTypeSpecifiers(clause: string): boolean {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]!
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

function declares(names: Set<string>, packageName: string): boolean {
  const typesName = `@types/${packageName.replace(/^@/, '').replace('/', '__')}`;
  return names.has(packageName) || names.has(typesName);
}

function rootDev(manifest: Manifest): Set<string> {
  return new Set(Object.keys(manifest.devDependencies ?? {}));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name === 'generated-docs') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}
