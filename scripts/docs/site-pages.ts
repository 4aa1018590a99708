// Which Markdown files become pages of the site: typedoc's `readme` and `projectDocuments`, and the documents
// their frontmatter `children` name, recursively. Used to refuse a guide that was written but never linked in.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { splitFrontmatter } from '../markdown/frontmatter';
import { STALE_OUTPUT_DIRS } from '../snippets/extract-snippets';

/** A Markdown file that typedoc renders as a page. */
export interface SitePage {
  /** Relative to the root, with `/` separators. */
  path: string;
  /** The frontmatter title (typedoc falls back to the file name, which is why it is required). */
  title: string | undefined;
  /** True for the landing page (typedoc's `readme`), whose title is the project's name. */
  landing: boolean;
}

interface TypedocConfig {
  readme?: string;
  projectDocuments?: string[];
}

/** The pages of the site as `typedoc.json` at `root` defines them (generated documents must exist already). */
export function sitePages(root: string): SitePage[] {
  const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as TypedocConfig;
  const pages = new Map<string, SitePage>();
  const visit = (path: string, landing: boolean) => {
    if (pages.has(path)) return;
    if (!existsSync(join(root, path))) throw new Error(`typedoc.json names ${path}, which does not exist.`);
    const { data } = splitFrontmatter(readFileSync(join(root, path), 'utf8'));
    const title = typeof data.title === 'string' ? data.title : undefined;
    pages.set(path, { path, title, landing });
    const children = Array.isArray(data.children) ? data.children : [];
    for (const child of children) {
      if (typeof child === 'string') visit(posix.normalize(posix.join(posix.dirname(path), child)), false);
    }
  };
  if (config.readme && config.readme !== 'none') visit(config.readme, true);
  for (const document of config.projectDocuments ?? []) visit(document, false);
  return [...pages.values()];
}

/**
 * Problems that would make the site incomplete or confusing: a Markdown file under `docs/` that is no page
 * (written, but unreachable), and a page without a frontmatter `title`.
 */
export function sitePageProblems(root: string): string[] {
  const pages = sitePages(root);
  const paths = new Set(pages.map((page) => page.path));
  const problems: string[] = [];
  for (const file of markdownUnder(root, 'docs')) {
    if (!paths.has(file)) {
      problems.push(
        `${file} is not part of the site: list it in the frontmatter \`children\` of docs/guides.md (a guide), or name it in typedoc.json.`,
      );
    }
  }
  for (const page of pages) {
    if (!page.landing && page.title === undefined) {
      problems.push(`${page.path} has no frontmatter title; start it with ---\\ntitle: <Title>\\n--- .`);
    }
  }
  return problems;
}

function markdownUnder(root: string, dir: string): string[] {
  const files: string[] = [];
  const walk = (absolute: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const path = join(absolute, entry.name);
      if (entry.isDirectory()) {
        if (!STALE_OUTPUT_DIRS.has(relative(root, path).split(sep).join('/'))) walk(path);
      } else if (entry.name.endsWith('.md')) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  if (existsSync(join(root, dir))) walk(join(root, dir));
  return files.sort();
}
