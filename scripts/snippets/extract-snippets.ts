// Writes every TypeScript and JavaScript code block of the repository's Markdown into a generated folder that the
// typecheck compiles, one module per block. Each generated file keeps the Markdown file's line numbers: line N of
// `.generated/snippets/README.md/L31.ts` (or `L42.mjs`) is line N of `README.md`, so a compiler error points at the
// very line of the block that no longer matches the API. A block in a language the typecheck does not know is an
// error, so that no code block escapes it.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { type FencedCodeBlock, fencedCodeBlocks } from '../markdown/fenced-code-blocks';

/** Where the snippets go, relative to the repository root. */
export const SNIPPETS_DIR = join('.generated', 'snippets');

/** Folders, wherever they are, that hold no hand-written Markdown: dependencies and build output. */
const SKIPPED_NAMES = new Set(['node_modules', '.git', 'dist', 'coverage']);
/** Output folders at the root: the site, generated sources, test output. */
const SKIPPED_PATHS = new Set(['site', '.generated', 'test-results']);
/** Output folders of earlier versions that may linger in a checkout (relative to the root). */
export const STALE_OUTPUT_DIRS: ReadonlySet<string> = new Set(['docs/api']);

/**
 * The file each compiled language is written to, by its extension. TypeScript blocks are `.ts` modules. JavaScript
 * blocks are checked as the JavaScript a user saves and runs, not as TypeScript: `.mjs` files (an ES module in any
 * project, so top-level `await` works, as the README's quick start says) compiled with `checkJs`, so a type
 * annotation in them is an error and every call is checked against the packages' types. The documentation's
 * JavaScript is ES modules only: a CommonJS block (```cjs) is refused as an unknown language.
 */
export const COMPILED_LANGUAGES: ReadonlyMap<string, '.ts' | '.mjs'> = new Map([
  ['ts', '.ts'],
  ['typescript', '.ts'],
  ['mts', '.ts'],
  ['cts', '.ts'],
  ['js', '.mjs'],
  ['javascript', '.mjs'],
  ['mjs', '.mjs'],
]);

/** Languages of blocks that are not programs: commands, output, diagrams, data and Markdown itself. */
export const UNCOMPILED_LANGUAGES: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'shell',
  'console',
  'text',
  'md',
  'markdown',
  'json',
  'yaml',
  'diff',
  'http',
]);

/** Code blocks the typecheck cannot take: each problem reads `file(line,1): error: ...`, as compiler errors do. */
export class CodeBlockError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'CodeBlockError';
  }
}

/** One extracted block. */
export interface Snippet {
  /** The Markdown file, relative to the root, with `/` separators. */
  markdownFile: string;
  /** Line of the block's opening fence. */
  line: number;
  /** The generated module, relative to the root. */
  file: string;
}

/** Every Markdown file under `root`, relative to it, sorted. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const path = relative(root, join(dir, entry.name)).split(sep).join('/');
        const skipped =
          SKIPPED_NAMES.has(entry.name) || SKIPPED_PATHS.has(path) || STALE_OUTPUT_DIRS.has(path);
        if (!skipped) walk(join(dir, entry.name));
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        found.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

/**
 * The module the typecheck compiles for `block`: blank lines everywhere except the block's code and its
 * `ts-context`, each on its own Markdown line; `export {}` on the closing fence makes every block a module
 * of its own (top-level `await` allowed, no names shared between blocks).
 */
export function snippetSource(markdownFile: string, block: FencedCodeBlock): string {
  const lines: string[] = Array.from({ length: block.closeLine }, () => '');
  for (const [offset, code] of (block.context?.lines ?? []).entries()) {
    lines[(block.context?.startLine ?? 0) - 1 + offset] = code;
  }
  lines[block.openLine - 1] =
    `// Code block of ${markdownFile}, line ${block.openLine}. Generated: edit the Markdown.`;
  for (const [offset, code] of block.lines.entries()) lines[block.openLine + offset] = code;
  lines[block.closeLine - 1] = 'export {};';
  return `${lines.join('\n')}\n`;
}

/**
 * Replaces `outDir` with one module per TypeScript or JavaScript block of `files` (Markdown paths relative to
 * `root`). Throws {@link CodeBlockError} for a block without a language, in a language neither compiled nor in
 * {@link UNCOMPILED_LANGUAGES}, or a JavaScript block with a `ts-context`.
 */
export function extractSnippets(root: string, files: readonly string[], outDir = join(root, SNIPPETS_DIR)) {
  rmSync(outDir, { recursive: true, force: true });
  const snippets: Snippet[] = [];
  const problems: string[] = [];
  for (const markdownFile of files) {
    const blocks = fencedCodeBlocks(readFileSync(join(root, markdownFile), 'utf8'));
    for (const block of blocks) {
      const problem = blockProblem(block);
      if (problem !== undefined) {
        problems.push(`${markdownFile}(${block.openLine},1): error: ${problem}`);
        continue;
      }
      const extension = COMPILED_LANGUAGES.get(block.language);
      if (extension === undefined) continue;
      const file = join(outDir, markdownFile, `L${block.openLine}${extension}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, snippetSource(markdownFile, block));
      snippets.push({ markdownFile, line: block.openLine, file: relative(root, file) });
    }
  }
  if (problems.length > 0) throw new CodeBlockError(problems);
  for (const markdownFile of new Set(snippets.map((snippet) => snippet.markdownFile))) {
    linkPackageDependencies(root, markdownFile, outDir);
  }
  return snippets;
}

function blockProblem(block: FencedCodeBlock): string | undefined {
  const { language } = block;
  if (language === '') {
    return 'a code block without a language: tag it (```ts or ```js for code, which the typecheck compiles; ```text for a diagram or output, ```sh for commands)';
  }
  const extension = COMPILED_LANGUAGES.get(language);
  if (extension === undefined && !UNCOMPILED_LANGUAGES.has(language)) {
    return (
      `the typecheck does not know the language "${language}": use one it compiles ` +
      `(${[...COMPILED_LANGUAGES.keys()].join(', ')}) or one that is not code (${[...UNCOMPILED_LANGUAGES].join(', ')})`
    );
  }
  if (extension !== undefined && extension !== '.ts' && block.context !== undefined) {
    return (
      'a JavaScript block runs as written, so it cannot rely on a hidden ts-context (TypeScript declarations): ' +
      'make it a complete program, or tag it ```ts'
    );
  }
  return undefined;
}

/**
 * A block in a package's README imports what that package depends on: link the package's node_modules beside its
 * snippets, so that imports resolve as they would next to the README (and from the root's after that).
 */
function linkPackageDependencies(root: string, markdownFile: string, outDir: string) {
  for (let dir = dirname(markdownFile); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    if (!existsSync(join(root, dir, 'package.json'))) continue;
    const dependencies = join(root, dir, 'node_modules');
    const link = join(outDir, dir, 'node_modules');
    if (existsSync(dependencies) && !existsSync(link)) {
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(dependencies, link, 'junction');
    }
    return;
  }
}

/**
 * Rewrites compiler output so that a location in a generated snippet reads as the Markdown location
 * (`.generated/snippets/README.md/L31.ts(35,7)` becomes `README.md(35,7)`, and so does `L31.mjs`; the line numbers
 * already match).
 */
export function toMarkdownLocations(output: string, snippetsDir = SNIPPETS_DIR): string {
  const prefix = snippetsDir
    .split(sep)
    .join('/')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return output.replace(new RegExp(`${prefix}/(.+?\\.md)/L\\d+\\.(?:ts|mjs)`, 'g'), '$1');
}
