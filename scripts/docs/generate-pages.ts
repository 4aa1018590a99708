// First step of `pnpm run docs`: writes the pages that are derived from the code into .generated/docs/ (git-ignored),
// then checks that every guide under docs/ is part of the site. typedoc then builds the site from docs/, these
// pages and the packages' sources (typedoc.json).
//
//   .generated/docs/capabilities.md   operations by platform, from the adapters' *_CAPABILITIES exports
//   .generated/docs/platforms.md      the Platforms section: that table, and docs/partners/*.md as children
//   .generated/docs/packages.md       the published packages, linked to their API reference
//   .generated/docs/examples.md       the Examples section, and examples/<name>.md: each example's source
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadAdapterCapabilities } from './adapter-capabilities';
import { renderCapabilitiesTable } from './capabilities-table';
import { findExamples, renderExamplePage, renderExamplesIndex } from './example-pages';
import { findPackages, renderPackagesTable } from './packages-table';
import { findPlatformPages, renderPlatformsPage } from './platform-pages';
import { sitePageProblems } from './site-pages';

/** Where derived pages go, relative to the repository root. */
export const GENERATED_DOCS_DIR = '.generated/docs';

const root = process.cwd();
const out = (file: string) => `${GENERATED_DOCS_DIR}/${file}`;
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

rmSync(join(root, GENERATED_DOCS_DIR), { recursive: true, force: true });

const adapters = await loadAdapterCapabilities(root);
write(out('capabilities.md'), renderCapabilitiesTable(adapters, GENERATED_DOCS_DIR));
write(
  out('platforms.md'),
  renderPlatformsPage(findPlatformPages(root), '{@include ./capabilities.md}\n', out('platforms.md')),
);

write(out('packages.md'), renderPackagesTable(findPackages(root)));

const examples = findExamples(root);
const examplePages = examples.map((example) => out(`examples/${example.name}.md`));
examples.forEach((example, index) => {
  const page = examplePages[index] ?? '';
  write(page, renderExamplePage(root, example, page));
});
write(out('examples.md'), renderExamplesIndex(examples, examplePages, out('examples.md')));

const problems = sitePageProblems(root);
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
console.log(
  `Wrote ${GENERATED_DOCS_DIR}/: capabilities of ${adapters.map((adapter) => adapter.exportName).join(', ')}; ` +
    `${examples.length} example pages.`,
);
