// The Bizconf, Zhumu and Umeet sandbox platforms are written as a partner outside this repository would write one:
// through the public extension point (`src/platform/*`, which the package exports) and published packages, never
// through the sandbox's internals, its factory, its server or its msw glue.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const PARTNER_PLATFORMS = ['bizconf', 'zhumu', 'umeet'];
/** What a partner's platform cannot reach: paths under src/, as folders (ending in /) or modules. */
const FORBIDDEN = ['internal/', 'create-sandbox', 'server/', 'msw/'];

/** Every module a source file loads: static imports, re-exports, `import()` and `require()`. */
function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** The forbidden modules among `specifiers` of a file at `file`, as paths under src/. */
function forbiddenImports(file: string, specifiers: readonly string[]): string[] {
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      relative(src, resolve(dirname(file), specifier))
        .split('\\')
        .join('/'),
    )
    .filter((target) =>
      FORBIDDEN.some((forbidden) =>
        forbidden.endsWith('/')
          ? `${target}/`.startsWith(forbidden)
          : target === forbidden || target.startsWith(`${forbidden}.`),
      ),
    );
}

describe('partner sandbox platforms', () => {
  for (const platform of PARTNER_PLATFORMS) {
    it(`${platform} imports nothing from the sandbox's internals, factory, server or msw glue`, () => {
      const files = readdirSync(join(src, platform), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.[cm]?tsx?$/.test(name))
        .map((name) => join(src, platform, name));
      expect(files.length).toBeGreaterThan(3);
      const found = files.flatMap((file) =>
        forbiddenImports(file, specifiersOf(readFileSync(file, 'utf8'))).map(
          (target) => `${relative(src, file)} imports ${target}`,
        ),
      );
      expect(found).toEqual([]);
      // Outside its own folder, only the public extension point and published packages.
      const reached = new Set(
        files.flatMap((file) =>
          specifiersOf(readFileSync(file, 'utf8'))
            .filter((specifier) => specifier.startsWith('..'))
            .map((specifier) => relative(src, resolve(dirname(file), specifier)).split('/')[0]),
        ),
      );
      expect([...reached].filter((folder) => folder !== platform && folder !== 'platform')).toEqual([]);
    });
  }

  it('catches every way of reaching a forbidden module', () => {
    const file = join(src, 'zhumu', 'zhumu-api.ts');
    const source = [
      "import { json } from '../internal/json';",
      "import type { Sandbox } from '../create-sandbox';",
      "export { startSandbox } from '../server/start-sandbox.js';",
      "const handlers = await import('../msw/msw-handlers');",
      "const prng = require('../internal/prng');",
      "import { zhumuStore } from './zhumu-store';",
      "import type { SandboxRequest } from '../platform/sandbox-request';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(forbiddenImports(file, specifiersOf(source))).toEqual([
      'internal/json',
      'create-sandbox',
      'server/start-sandbox.js',
      'msw/msw-handlers',
      'internal/prng',
    ]);
  });
});
