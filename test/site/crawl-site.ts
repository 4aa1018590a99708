import type { Browser, Page } from 'playwright-core';

/** What a reader would meet on one page. */
export interface PageReport {
  /** Absolute URL, without a fragment. */
  url: string;
  /** `document.title`. */
  title: string;
  /** Characters of text in the content column. */
  contentLength: number;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors while the page loaded. */
  problems: string[];
  /** Every `id` (and `<a name>`) on the page once its scripts have run. */
  anchors: Set<string>;
  /** Every link on the page, as absolute URLs. */
  links: string[];
}

/**
 * Opens every page of `paths` (relative to `baseUrl`) in `concurrency` tabs, waits for typedoc's scripts to build
 * the navigation, and reports what each page showed and logged.
 */
export async function crawlSite(
  browser: Browser,
  baseUrl: string,
  paths: readonly string[],
  concurrency = 4,
): Promise<Map<string, PageReport>> {
  const reports = new Map<string, PageReport>();
  const queue = [...paths];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        const page = await context.newPage();
        let problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
        page.on('requestfailed', (request) => {
          // Leaving a page aborts what it still loads (the favicon, typically): that is the crawl moving on.
          const reason = request.failure()?.errorText ?? 'unknown';
          if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
        });
        page.on('response', (response) => {
          if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
        });
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          problems = [];
          const url = new URL(path, baseUrl).href;
          reports.set(url, await visit(page, url, problems));
        }
        await page.close();
      }),
    );
  } finally {
    await context.close();
  }
  return reports;
}

async function visit(page: Page, url: string, problems: string[]): Promise<PageReport> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) problems.push(`HTTP ${response?.status()} for the page itself`);
  // typedoc renders the navigation tree from a compressed index after load; links and anchors are complete then.
  await page
    .waitForSelector('#tsd-nav-container a', { state: 'attached', timeout: 15_000 })
    .catch(() => problems.push('the navigation never rendered'));
  const [title, content, anchors, links] = await Promise.all([
    page.title(),
    page.$eval('.col-content', (element) => element.textContent ?? '').catch(() => ''),
    page.$$eval('[id], a[name]', (elements) =>
      elements.map((element) => element.id || element.getAttribute('name')),
    ),
    page.$$eval('a[href]', (elements) =>
      elements.map((element) => (element as unknown as { href: string }).href),
    ),
  ]);
  return {
    url,
    title,
    contentLength: content.trim().length,
    problems: [...problems],
    anchors: new Set(
      anchors.filter((anchor: unknown): anchor is string => typeof anchor === 'string' && anchor !== ''),
    ),
    links,
  };
}

/** A link that leads nowhere: to a missing page or file, or to an anchor its page does not have. */
export interface BrokenLink {
  /** The page the link is on. */
  from: string;
  /** The link, as written resolved to an absolute URL. */
  href: string;
  /** What is wrong. */
  reason: string;
}

/**
 * Every internal link of `reports` that does not resolve. Links to pages are checked against the crawled pages
 * (and their anchors); links to other files (e.g. media) are fetched once each.
 */
export async function brokenLinks(reports: Map<string, PageReport>, baseUrl: string): Promise<BrokenLink[]> {
  const origin = new URL(baseUrl).origin;
  const files = new Map<string, Promise<number>>();
  const broken: BrokenLink[] = [];
  for (const report of reports.values()) {
    for (const href of new Set(report.links)) {
      const url = new URL(href);
      if (url.origin !== origin) continue; // external: not this site's to answer for, and no network in tests
      const target = `${url.origin}${url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname}`;
      const page = reports.get(target);
      if (!page) {
        if (!files.has(target))
          files.set(
            target,
            fetch(target).then((response) => response.status),
          );
        const status = await (files.get(target) ?? Promise.resolve(0));
        if (status !== 200) broken.push({ from: report.url, href, reason: `HTTP ${status}` });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor !== '' && !page.anchors.has(anchor)) {
        broken.push({ from: report.url, href, reason: `no element with id "${anchor}" on ${target}` });
      }
    }
  }
  return broken;
}
