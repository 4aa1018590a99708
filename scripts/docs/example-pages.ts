// One site page per example app (examples/<name>/): what it shows, how to run it, and every source file, read
// when the site is built so that the page always shows the code the tests run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { firstHeading, splitFrontmatter } from '../markdown/frontmatter';

/** Where examples live, relative to the repository root. */
export const EXAMPLES_DIR = 'examples';

/** One example app. */
export interface Example {
  /** Folder name, e.g. `demo`; also the page's file name. */
  name: string;
  /** Folder relative to the root, e.g. `examples/demo`. */
  dir: string;
  /** Its package name, e.g. `@channelkit/example-demo`. */
  packageName: string;
  /** Page title: the README's heading, or the folder name in words. */
  title: string;
  /** The package description: one sentence on what it shows. */
  description: string;
  /** The example's own scripts (`start`, `test`, ...). */
  scripts: string[];
  /** Root scripts that run one of them, e.g. `demo` for `pnpm --filter @channelkit/example-demo start`. */
  aliases: Map<string, string>;
  /** Source files shown on the page, relative to `dir`. */
  files: string[];
}

const SHOWN_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.json']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);
const LANGUAGE_BY_EXTENSION: Record<string, string> = { '.mts': 'ts', '.cts': 'ts', '.mjs': 'js' };

/** Every example under `examples/`, sorted by folder name. */
export function findExamples(root: string): Example[] {
  const rootScripts = readManifest(join(root, 'package.json')).scripts ?? {};
  return readdirSync(join(root, EXAMPLES_DIR), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(root, EXAMPLES_DIR, entry.name, 'package.json')),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = `${EXAMPLES_DIR}/${name}`;
      const manifest = readManifest(join(root, dir, 'package.json'));
      const readme = join(root, dir, 'README.md');
      const scripts = Object.keys(manifest.scripts ?? {});
      const aliases = new Map<string, string>();
      for (const [alias, command] of Object.entries(rootScripts)) {
        const script = scripts.find((own) => command === `pnpm --filter ${manifest.name} ${own}`);
        if (script) aliases.set(script, alias);
      }
      return {
        name,
        dir,
        packageName: manifest.name,
        title: (existsSync(readme) && firstHeading(readFileSync(readme, 'utf8'))) || sentenceCase(name),
        description: manifest.description ?? '',
        scripts,
        aliases,
        files: sourceFiles(join(root, dir)),
      };
    });
}

/** The page of `example`, to be written at `pagePath` (relative to the root). */
export function renderExamplePage(root: string, example: Example, pagePath: string): string {
  const pageDir = posix.dirname(pagePath);
  const readmePath = join(root, example.dir, 'README.md');
  const readme = existsSync(readmePath)
    ? withLinksFrom(splitFrontmatter(readFileSync(readmePath, 'utf8')).body, example.dir, pageDir)
        .replace(/^# .+\r?\n/m, '')
        .trim()
    : '';
  const run = example.scripts.map((script) => `npx -y pnpm@10 --filter ${example.packageName} ${script}`);
  const aliases = [...example.aliases].map(
    ([script, alias]) => `Shortcut for \`${script}\`: \`npx -y pnpm@10 ${alias}\`.`,
  );
  const sections = [
    `---\ntitle: ${JSON.stringify(example.title)}\n---\n`,
    `# ${example.title}\n`,
    `${example.description}\n`,
    readme ? `${readme}\n` : '',
    '## Run it\n',
    'From the repository root, with Node.js 20 or later (no credentials, no network needed):\n',
    fence('sh', ['npx -y pnpm@10 install', ...run].join('\n')),
    aliases.length > 0 ? `${aliases.join(' ')}\n` : '',
    '## Source\n',
    ...example.files.map((file) => {
      const language = LANGUAGE_BY_EXTENSION[extname(file)] ?? extname(file).slice(1);
      const code = readFileSync(join(root, example.dir, file), 'utf8').trimEnd();
      return `### ${file}\n\n${fence(language, code)}`;
    }),
  ];
  return sections.filter((section) => section !== '').join('\n');
}

/** The Examples overview page, linking each example's page (`pages`, relative to the root). */
export function renderExamplesIndex(
  examples: readonly Example[],
  pages: readonly string[],
  indexPath: string,
): string {
  const dir = posix.dirname(indexPath);
  const children = pages.map((page) => `  - ${posix.relative(dir, page)}`);
  const list = examples.map(
    (example, index) =>
      `- [${example.title}](${posix.relative(dir, pages[index] ?? '')}): ${example.description}`,
  );
  return [
    '---',
    'group: none',
    'title: Examples',
    ...(children.length > 0 ? ['children:', ...children] : []),
    '---',
    '',
    '# Examples',
    '',
    'Small, complete apps that use only the public API. Each runs against the sandbox, needs no credentials and no',
    'network, and is typechecked and tested with the rest of the repository.',
    '',
    ...list,
    '',
  ].join('\n');
}

// Every file of the example except its README (which is the page's text), in a stable order: top-level files,
// then src/, then test/ and the rest.
function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(join(dir, relativeDir), { withFileTypes: true })) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (SHOWN_EXTENSIONS.has(extname(entry.name))) {
        files.push(path);
      }
    }
  };
  walk('');
  const rank = (file: string) => (file.startsWith('src/') ? 0 : file.includes('/') ? 2 : 1);
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

// Relative links of a README moved into the generated page must still point at the same files.
function withLinksFrom(markdown: string, fromDir: string, toDir: string): string {
  return markdown.replace(/\]\((?!https?:|mailto:|#|\/)([^)\s]+)\)/g, (_, target: string) => {
    return `](${posix.relative(toDir, posix.join(fromDir, target))})`;
  });
}

// A fence longer than any backtick run inside the code, so that code containing ``` still renders.
function fence(language: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${code}\n${marks}\n`;
}

function sentenceCase(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface Manifest {
  name: string;
  description?: string;
  scripts?: Record<string, string>;
}

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}
