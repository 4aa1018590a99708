import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COMPILED_LANGUAGES,
  CodeBlockError,
  extractSnippets,
  markdownFiles,
  SNIPPETS_DIR,
  toMarkdownLocations,
} from '../snippets/extract-snippets';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

const guide = [
  '# A guide', //                                       1
  '', //                                                2
  '```ts', //                                           3
  'const seats: number = 40;', //                       4
  'console.log(seats);', //                             5
  '```', //                                             6
  '', //                                                7
  '<!-- ts-context', //                                 8
  'declare const client: { seats(): number };', //      9
  '-->', //                                             10
  '```ts', //                                           11
  'const seats: number = client.seats();', //           12
  '```', //                                             13
  '', //                                                14
  '```ts', //                                           15
  "const seats: number = 'forty';", //                  16
  '```', //                                             17
  '', //                                                18
  '```sh', //                                           19
  'not typescript', //                                  20
  '```', //                                             21
  '', //                                                22
  '```js', //                                           23
  "const seats = Number('40');", //                     24
  'await Promise.resolve(seats);', //                   25
  '```', //                                             26
  '', //                                                27
  '```javascript', //                                   28
  "const seats = Number('40');", //                     29
  'seats.toUpperCase();', //                            30
  '```', //                                             31
].join('\n');

/** Compiles the extracted blocks of `root` as the typecheck does: one program, JavaScript with `checkJs`. */
function compile(root: string) {
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'Preserve',
        moduleResolution: 'Bundler',
        allowJs: true,
        checkJs: true,
        types: [],
      },
      include: ['.generated/snippets/**/*.ts', '.generated/snippets/**/*.mjs'],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '--project', 'tsconfig.json', '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, output: toMarkdownLocations(run.stdout).trim() };
}

describe('code blocks in the typecheck', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'channelkit-snippets-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'guide.md'), guide);
    mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'dep', 'README.md'), '```ts\nthis is not checked\n```\n');
    // A package whose README imports one of its own dependencies, which the root does not have.
    mkdirSync(join(root, 'packages', 'pkg', 'node_modules', 'only-in-pkg'), { recursive: true });
    writeFileSync(join(root, 'packages', 'pkg', 'package.json'), '{ "name": "pkg" }');
    writeFileSync(
      join(root, 'packages', 'pkg', 'node_modules', 'only-in-pkg', 'package.json'),
      '{ "name": "only-in-pkg", "types": "index.d.ts" }',
    );
    writeFileSync(
      join(root, 'packages', 'pkg', 'node_modules', 'only-in-pkg', 'index.d.ts'),
      'export declare const answer: number;',
    );
    writeFileSync(
      join(root, 'packages', 'pkg', 'README.md'),
      "```ts\nimport { answer } from 'only-in-pkg';\nconst doubled: number = answer * 2;\n```\n" +
        "```mjs\nimport { answer } from 'only-in-pkg';\nconst tripled = answer * 3;\n```\n",
    );
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'site', 'copy.md'), '```ts\nnor is this\n```\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the Markdown of the repository, not of dependencies or output', () => {
    expect(markdownFiles(root)).toEqual(['docs/guide.md', 'packages/pkg/README.md']);
  });

  it('writes one module per TypeScript and JavaScript block, on the same lines as in the Markdown', () => {
    const snippets = extractSnippets(root, markdownFiles(root));

    expect(snippets.map((snippet) => [snippet.markdownFile, snippet.line, extname(snippet.file)])).toEqual([
      ['docs/guide.md', 3, '.ts'],
      ['docs/guide.md', 11, '.ts'],
      ['docs/guide.md', 15, '.ts'],
      // JavaScript as a user saves it: an ES module whatever the project's "type".
      ['docs/guide.md', 23, '.mjs'],
      ['docs/guide.md', 28, '.mjs'],
      ['packages/pkg/README.md', 1, '.ts'],
      ['packages/pkg/README.md', 5, '.mjs'],
    ]);
    const lines = readFileSync(join(root, snippets[1]?.file ?? ''), 'utf8').split('\n');
    expect(lines[8]).toBe('declare const client: { seats(): number };');
    expect(lines[11]).toBe('const seats: number = client.seats();');
    expect(lines[12]).toBe('export {};');
    expect(lines.slice(0, 8).every((line) => line === '')).toBe(true);
  });

  // The compile tests start the TypeScript compiler in a child process, which takes a few seconds on an idle machine
  // and far longer on a loaded one: their own timeout, not the default, decides.
  it('fails the compile on a block that does not type-check, at its Markdown file and line', {
    timeout: 120_000,
  }, () => {
    extractSnippets(root, markdownFiles(root));
    const { status, output } = compile(root);

    expect(status).not.toBe(0);
    // Only the broken blocks fail, the TypeScript one and the JavaScript one (checked with checkJs): the blocks are
    // separate modules (`seats` is declared five times, legally, and top-level `await` is allowed in both
    // languages), and the package README's imports resolve from that package's own dependencies.
    expect(output.split('\n')).toEqual([
      "docs/guide.md(16,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "docs/guide.md(30,7): error TS2339: Property 'toUpperCase' does not exist on type 'number'.",
    ]);
  });

  it('checks JavaScript blocks as JavaScript: a type annotation in one is an error', {
    timeout: 120_000,
  }, () => {
    writeFileSync(join(root, 'docs', 'guide.md'), '# Typed\n\n```js\nconst seats: number = 40;\n```\n');
    extractSnippets(root, ['docs/guide.md']);
    expect(compile(root).output).toBe(
      'docs/guide.md(4,14): error TS8010: Type annotations can only be used in TypeScript files.',
    );
  });

  it('refuses a block without a language, in a language it does not know, or JavaScript leaning on a ts-context', () => {
    writeFileSync(
      join(root, 'docs', 'guide.md'),
      [
        '```', //                                        1
        'untagged', //                                   2
        '```', //                                        3
        '```tsx', //                                     4
        'const element = <div />;', //                   5
        '```', //                                        6
        '<!-- ts-context', //                            7
        'declare const client: unknown;', //             8
        '-->', //                                        9
        '```js', //                                      10
        'console.log(client);', //                       11
        '```', //                                        12
        '```text', //                                    13
        'output', //                                     14
        '```', //                                        15
      ].join('\n'),
    );
    const error = (() => {
      try {
        extractSnippets(root, ['docs/guide.md']);
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(CodeBlockError);
    expect((error as CodeBlockError).problems).toEqual([
      expect.stringMatching(/^docs\/guide\.md\(1,1\): error: a code block without a language: tag it/),
      expect.stringMatching(/^docs\/guide\.md\(4,1\): error: the typecheck does not know the language "tsx"/),
      expect.stringMatching(
        /^docs\/guide\.md\(10,1\): error: a JavaScript block runs as written, so it cannot rely on a hidden ts-context/,
      ),
    ]);
  });
});

describe("the repository's typecheck configuration", () => {
  it('compiles every kind of file the extraction writes, JavaScript with checkJs', () => {
    const config = JSON.parse(readFileSync(join(repositoryRoot, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
      include: string[];
    };
    for (const extension of new Set(COMPILED_LANGUAGES.values())) {
      expect(config.include).toContain(`${SNIPPETS_DIR.split(sep).join('/')}/**/*${extension}`);
    }
    expect(config.compilerOptions).toMatchObject({ allowJs: true, checkJs: true });
  });
});
