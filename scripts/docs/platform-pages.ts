// The Platforms section: an overview with the capabilities table, and one child page per
// docs/partners/<partner>.md, so that adding a platform's contract adds its page.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { firstParagraph, splitFrontmatter } from '../markdown/frontmatter';

/** Where the platforms' contracts live, relative to the repository root. */
export const PARTNERS_DIR = 'docs/partners';

/** One platform page. */
export interface PlatformPage {
  /** Relative to the root, e.g. `docs/partners/zoom.md`. */
  path: string;
  /** Its frontmatter title. */
  title: string;
  /** Its first paragraph. */
  summary: string;
}

/** Every `docs/partners/*.md`, sorted by title. A page without a frontmatter `title` is an error. */
export function findPlatformPages(root: string): PlatformPage[] {
  return readdirSync(join(root, PARTNERS_DIR))
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const path = `${PARTNERS_DIR}/${file}`;
      const markdown = readFileSync(join(root, path), 'utf8');
      const title = splitFrontmatter(markdown).data.title;
      if (typeof title !== 'string') {
        throw new Error(`${path}: add frontmatter with the platform's name (---\\ntitle: <Platform>\\n---).`);
      }
      // The first sentence of the first paragraph: enough for a list of platforms.
      const summary = (firstParagraph(markdown) ?? '').split(/(?<=\.)\s/)[0] ?? '';
      return { path, title, summary };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The Platforms overview page, to be written at `pagePath`; `table` is the capabilities table. */
export function renderPlatformsPage(pages: readonly PlatformPage[], table: string, pagePath: string): string {
  const dir = posix.dirname(pagePath);
  return [
    '---',
    'group: none',
    'title: Platforms',
    ...(pages.length > 0
      ? ['children:', ...pages.map((page) => `  - ${posix.relative(dir, page.path)}`)]
      : []),
    '---',
    '',
    '# Platforms',
    '',
    'Each platform has its own adapter package, and its own page: the endpoints it calls, how platform fields and',
    "statuses map to channelkit's, its error codes, limits and what it cannot do.",
    '',
    ...pages.map((page) => `- [${page.title}](${posix.relative(dir, page.path)}): ${page.summary}`),
    '',
    '## Operations by platform',
    '',
    table,
  ].join('\n');
}
