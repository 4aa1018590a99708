// The documentation site as a reader meets it: the built site/ folder served on loopback and opened in a real
// headless Chromium. Runs after `pnpm run docs` (`pnpm run test:site`); skipped, saying how to install Chromium,
// on a machine without one, and failed instead when CI is set.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenCapabilities, loadAdapterCapabilities } from '../../scripts/docs/adapter-capabilities';
import { fencedCodeBlocks } from '../../scripts/markdown/fenced-code-blocks';
import { brokenLinks, crawlSite, type PageReport } from './crawl-site';
import { findChromium, INSTALL_CHROMIUM } from './find-chromium';
import { type StaticServer, serveStatic } from './static-server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const siteDir = join(root, 'site');
const screenshotsDir = join(root, 'test-results', 'site');
const executablePath = findChromium();

if (!executablePath) {
  const message = `no Chromium found (CHROMIUM_PATH, or chromium on the PATH); install it with: ${INSTALL_CHROMIUM}`;
  if (process.env.CI) {
    it('finds Chromium, which CI requires', () => {
      throw new Error(message);
    });
  } else {
    console.warn(`Site test skipped: ${message}`);
    it.skip(`opens the site in Chromium (skipped: ${message})`, () => {});
  }
}

describe.runIf(executablePath)('the documentation site in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let reports: Map<string, PageReport>;

  beforeAll(async () => {
    if (!existsSync(join(siteDir, 'index.html'))) {
      throw new Error('site/index.html does not exist: build the site first with `pnpm run docs`.');
    }
    server = await serveStatic(siteDir);
    browser = await chromium.launch({
      executablePath: executablePath as string, // describe.runIf: found
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    reports = await crawlSite(browser, server.url, htmlFiles(siteDir));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders every page, with a title and content, and no console error', () => {
    expect(reports.size).toBeGreaterThan(10);
    const failures = [...reports.values()]
      .filter((page) => page.problems.length > 0 || page.title === '' || page.contentLength === 0)
      .map((page) => `${page.url}: ${page.problems.join('; ') || 'empty page'}`);
    expect(failures).toEqual([]);
  });

  it('resolves every internal link and anchor', async () => {
    const broken = await brokenLinks(reports, server.url);
    expect(broken.map((link) => `${link.from} -> ${link.href}: ${link.reason}`)).toEqual([]);
  });

  it('has the sections a reader looks for in its navigation', async () => {
    const page = await open('index.html');
    const sections = await page.$$eval('#tsd-nav-container > li', (items) =>
      items.map((item) => item.querySelector('a, summary')?.textContent?.trim()),
    );
    expect(sections).toEqual(['Getting started', 'Guides', 'Platforms', 'Examples', 'API reference']);
    await page.close();
  });

  it.each([
    ['provision', /AccountsResource\.html#provision$/],
    ['licences.set', /documents\//],
    ['UnifiedSocialCreditCode', /_channelkit_types\.UnifiedSocialCreditCode\.html$/],
  ])('finds %s with the site search', async (query, expected) => {
    const page = await open('index.html');
    await page.click('#tsd-search-trigger');
    await page.fill('#tsd-search-input', query);
    await page.waitForSelector('#tsd-search-results li a');
    const results = await page.$$eval('#tsd-search-results li a', (links) =>
      links.map((link) => (link as unknown as { href: string }).href),
    );
    const hit = results.find((href) => expected.test(href));
    expect(hit, `results for "${query}": ${results.join(', ')}`).toBeDefined();
    // Following the result leads to a page that speaks of what was searched for.
    await page.goto(hit ?? '');
    expect(await page.textContent('.col-content')).toContain(query);
    await page.close();
  });

  it("shows the README's two commands on the getting-started page", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const commands = fencedCodeBlocks(readme)
      .find((block) => block.language === 'sh')
      ?.lines.filter((line) => line.trim() !== '');
    expect(commands).toHaveLength(2);
    const page = await open('documents/Getting_started.html');
    const text = await page.textContent('.col-content');
    for (const command of commands ?? []) expect(text).toContain(command.trim());
    await page.close();
  });

  it('states exactly the operations each adapter exports as its capabilities', async () => {
    const adapters = await loadAdapterCapabilities(root);
    for (const path of ['index.html', 'documents/Platforms.html']) {
      const page = await open(path);
      const table = await page.$$eval('table', (tables) => {
        const capabilities = tables.find(
          (table) => table.querySelector('th')?.textContent?.trim() === 'Operation',
        );
        return [...(capabilities?.querySelectorAll('tr') ?? [])].map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
        );
      });
      const [heading = [], ...rows] = table;
      expect(heading).toEqual(['Operation', ...adapters.map((adapter) => adapter.label)]);
      const supported = adapters.map((adapter) => new Map(flattenCapabilities(adapter.capabilities)));
      const operations = [...new Set(supported.flatMap((operationsOf) => [...operationsOf.keys()]))];
      const expected = operations.map((operation) => [
        operation,
        ...supported.map((operationsOf) => (operationsOf.get(operation) ? 'yes' : 'no')),
      ]);
      expect(rows).toEqual(expected);
      await page.close();
    }
  });

  it('saves screenshots of the landing page and a guide', async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    for (const [path, name] of [
      ['index.html', 'landing.png'],
      ['documents/Guides.Provisioning_accounts.html', 'guide-provisioning.png'],
    ] as const) {
      const page = await open(path);
      await page.screenshot({ path: join(screenshotsDir, name), fullPage: true });
      await page.close();
      expect(readFileSync(join(screenshotsDir, name)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL(path, server.url).href);
    await page.waitForSelector('#tsd-nav-container a');
    return page;
  }
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(dir, join(dir, file)).split(sep).join('/'))
    .sort();
}
