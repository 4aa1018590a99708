import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sitePageProblems, sitePages } from '../docs/site-pages';

describe('the pages of the site', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'channelkit-site-'));
    write('typedoc.json', JSON.stringify({ readme: 'docs/index.md', projectDocuments: ['docs/guides.md'] }));
    write('docs/index.md', '# Landing\n');
    write(
      'docs/guides.md',
      '---\ntitle: Guides\nchildren:\n  - guides/one.md\n  - guides/two.md\n---\n# Guides\n',
    );
    write('docs/guides/one.md', '---\ntitle: One\n---\n# One\n');
    write('docs/guides/two.md', '# Two, without a title\n');
    write('docs/forgotten.md', '---\ntitle: Forgotten\n---\n');
    write('docs/api/media/copied.md', 'output of an earlier version\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('follows readme, projectDocuments and frontmatter children', () => {
    expect(sitePages(root).map((page) => [page.path, page.title ?? null])).toEqual([
      ['docs/index.md', null],
      ['docs/guides.md', 'Guides'],
      ['docs/guides/one.md', 'One'],
      ['docs/guides/two.md', null],
    ]);
  });

  it('names a guide that is no page, and a page without a title', () => {
    const problems = sitePageProblems(root);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^docs\/forgotten\.md is not part of the site/);
    expect(problems[1]).toMatch(/^docs\/guides\/two\.md has no frontmatter title/);
  });
});
