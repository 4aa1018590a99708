import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractSnippets, markdownFiles, toMarkdownLocations } from '../snippets/extract-snippets';

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
].join('\n');

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
      "```ts\nimport { answer } from 'only-in-pkg';\nconst doubled: number = answer * 2;\n```\n",
    );
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'site', 'copy.md'), '```ts\nnor is this\n```\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the Markdown of the repository, not of dependencies or output', () => {
    expect(markdownFiles(root)).toEqual(['docs/guide.md', 'packages/pkg/README.md']);
  });

  it('writes one module per TypeScript block, on the same lines as in the Markdown', () => {
    const snippets = extractSnippets(root, markdownFiles(root));

    expect(snippets.map((snippet) => [snippet.markdownFile, snippet.line])).toEqual([
      ['docs/guide.md', 3],
      ['docs/guide.md', 11],
      ['docs/guide.md', 15],
      ['packages/pkg/README.md', 1],
    ]);
    const lines = readFileSync(join(root, snippets[1]?.file ?? ''), 'utf8').split('\n');
    expect(lines[8]).toBe('declare const client: { seats(): number };');
    expect(lines[11]).toBe('const seats: number = client.seats();');
    expect(lines[12]).toBe('export {};');
    expect(lines.slice(0, 8).every((line) => line === '')).toBe(true);
  });

  it('fails the compile on a block that does not type-check, at its Markdown file and line', () => {
    extractSnippets(root, markdownFiles(root));
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'Preserve',
          moduleResolution: 'Bundler',
          types: [],
        },
        include: ['.generated/snippets/**/*.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '--project', 'tsconfig.json', '--pretty', 'false'], {
      cwd: root,
      encoding: 'utf8',
    });

    expect(run.status).not.toBe(0);
    // Only the broken block fails: the blocks are separate modules (`seats` is declared three times, legally), and
    // the package README's import resolves from that package's own dependencies.
    expect(toMarkdownLocations(run.stdout).trim()).toBe(
      "docs/guide.md(16,7): error TS2322: Type 'string' is not assignable to type 'number'.",
    );
  });
});
