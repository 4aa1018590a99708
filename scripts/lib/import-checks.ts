import { builtinModules } from 'node:module';
import { build, type Metafile } from 'esbuild';
import ts from 'typescript';
import { type PackedPackage, packedText } from './tarball.ts';

const javascriptFile = /\.(c|m)?js$/;
const declarationFile = /\.d\.(c|m)?ts$/;

/** What {@link checkDeclaredImports} found. */
export interface ImportFindings {
  problems: string[];
  /** Subpath exports (`./conformance`) that load an optional peer dependency, so they load only beside it. */
  entriesNeedingOptionalPeers: Set<string>;
}

/**
 * Checks that every package the built files load at run time (`import`, `require`, `import()`) and every
 * package their type declarations import is declared in `dependencies` or `peerDependencies`; Node's built-in
 * modules excepted. The main entry must not load an optional peer. `extractedDir` holds the unpacked files.
 */
export async function checkDeclaredImports(
  packed: PackedPackage,
  extractedDir: string,
): Promise<ImportFindings> {
  const problems: string[] = [];
  const { manifest } = packed;
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    manifest.name,
  ]);
  const devOnly = new Set(Object.keys(manifest.devDependencies ?? {}));
  const undeclared = (specifier: string, file: string, what: string) => {
    const name = packageName(specifier);
    if (name === undefined || declared.has(name)) return;
    const fix = devOnly.has(name)
      ? `it is only in devDependencies, which users do not install; move it to dependencies or peerDependencies`
      : `declare it in dependencies or peerDependencies`;
    problems.push(`${file} ${what} "${specifier}", but ${name} is not declared: ${fix}`);
  };

  const scripts = [...packed.files.keys()].filter((path) => javascriptFile.test(path));
  const imports = await runtimeImports(extractedDir, scripts);
  for (const [file, specifiers] of imports) {
    for (const specifier of specifiers) undeclared(specifier, file, 'loads');
  }

  for (const path of packed.files.keys()) {
    if (!declarationFile.test(path)) continue;
    const info = ts.preProcessFile(packedText(packed, path) ?? '', true, true);
    // `/// <reference types="node" />` asks for the application's Node.js types, which it provides.
    const references = info.typeReferenceDirectives.filter((reference) => reference.fileName !== 'node');
    for (const reference of [...info.importedFiles, ...references]) {
      const name = packageName(reference.fileName);
      // `@types/x` published as a dependency covers the types of `x`.
      if (name !== undefined && declared.has(`@types/${name.replace(/^@([^/]+)\//, '$1__')}`)) continue;
      undeclared(reference.fileName, path, 'imports the types of');
    }
  }

  const optionalPeers = Object.entries(manifest.peerDependenciesMeta ?? {})
    .filter(([, meta]) => meta.optional)
    .map(([name]) => name);
  const entriesNeedingOptionalPeers = new Set<string>();
  for (const [subpath, files] of exportedFiles(manifest.exports, manifest.main)) {
    for (const file of files) {
      for (const specifier of imports.get(file) ?? []) {
        const name = packageName(specifier);
        if (name === undefined || !optionalPeers.includes(name)) continue;
        if (subpath !== '.') entriesNeedingOptionalPeers.add(subpath);
        else {
          problems.push(
            `the main entry (${file}) loads the optional peer dependency "${name}", so it fails where ${name} is not installed; load it from a subpath export only, or make the peer required`,
          );
        }
      }
    }
  }
  return { problems, entriesNeedingOptionalPeers };
}

/**
 * The bare specifiers each script (a path relative to `dir`) loads, counting everything reachable from it
 * through relative imports, as esbuild's bundler resolves them: static and dynamic imports and `require`
 * calls, comments ignored.
 */
async function runtimeImports(dir: string, entryPoints: string[]): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (entryPoints.length === 0) return result;
  const { metafile } = await build({
    absWorkingDir: dir,
    // One output per script, named after it, so that `index.js` and `index.cjs` do not collide.
    entryPoints: entryPoints.map((path) => ({ in: path, out: path })),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'out',
    logLevel: 'silent',
  });
  for (const output of Object.values(metafile.outputs) as Metafile['outputs'][string][]) {
    if (!output.entryPoint) continue;
    const external = output.imports.filter((record) => record.external).map((record) => record.path);
    result.set(output.entryPoint, new Set(external));
  }
  return result;
}

/** The package a bare specifier names, or `undefined` for relative paths and Node's built-in modules. */
function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  if (builtinModules.includes(specifier) || builtinModules.includes(specifier.split('/')[0] ?? ''))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The JavaScript files behind each subpath of the package's `exports` (every condition), or `main` as `"."`. */
function exportedFiles(exports: unknown, main: string | undefined): Map<string, string[]> {
  const subpaths: [string, unknown][] =
    typeof exports === 'object' && exports !== null && Object.keys(exports).some((key) => key.startsWith('.'))
      ? Object.entries(exports)
      : [['.', exports ?? main]];
  const result = new Map<string, string[]>();
  for (const [subpath, target] of subpaths) {
    const files: string[] = [];
    const walk = (value: unknown, condition: string | undefined) => {
      if (typeof value === 'string') {
        if (condition !== 'types' && javascriptFile.test(value)) files.push(value.replace(/^\.\//, ''));
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, nested] of Object.entries(value)) walk(nested, key);
      }
    };
    walk(target, undefined);
    result.set(subpath, files);
  }
  return result;
}
