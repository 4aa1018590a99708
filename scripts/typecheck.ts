// `pnpm typecheck`: extracts the TypeScript and JavaScript code blocks of every Markdown file (README.md,
// packages/**, examples/**, docs/**) and runs `tsc` over the sources, tests, examples, scripts and those blocks at
// once (JavaScript blocks with `checkJs`). Errors inside a block are reported at the Markdown file and line, e.g.
// `docs/adapters.md(42,7): error TS2304`; so is a block in a language the typecheck does not know.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import {
  CodeBlockError,
  extractSnippets,
  markdownFiles,
  type Snippet,
  toMarkdownLocations,
} from './snippets/extract-snippets';

const root = process.cwd();
let snippets: Snippet[];
try {
  snippets = extractSnippets(root, markdownFiles(root));
} catch (error) {
  if (!(error instanceof CodeBlockError)) throw error;
  for (const problem of error.problems) console.log(problem);
  process.exit(1);
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const args = [
  '--project',
  'tsconfig.json',
  '--pretty',
  String(process.stdout.isTTY === true),
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, [tsc, ...args], { stdio: ['inherit', 'pipe', 'inherit'] });
createInterface({ input: child.stdout }).on('line', (line) => console.log(toMarkdownLocations(line)));
child.on('close', (code) => {
  const files = new Set(snippets.map((snippet) => snippet.markdownFile)).size;
  if (code === 0)
    console.log(`Typecheck passed, with ${snippets.length} code blocks from ${files} Markdown files.`);
  process.exitCode = code ?? 1;
});
