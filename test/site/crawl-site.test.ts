import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, type PageReport } from './crawl-site';
import { type StaticServer, serveStatic } from './static-server';

describe('brokenLinks', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'channelkit-links-'));
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'media', 'main.ts'), 'export {};\n');
    server = await serveStatic(dir);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const page = (path: string, anchors: string[], links: string[]): PageReport => ({
    url: new URL(path, server.url).href,
    title: path,
    contentLength: 1,
    problems: [],
    anchors: new Set(anchors),
    links: links.map((link) => new URL(link, new URL(path, server.url)).href),
  });

  it('accepts pages, anchors, files and external links that exist, and names each one that does not', async () => {
    const reports = new Map(
      [
        page(
          'index.html',
          ['top'],
          [
            'documents/guide.html#setup',
            'documents/guide.html',
            '#top',
            '#',
            'media/main.ts',
            'https://example.com/elsewhere',
          ],
        ),
        page(
          'documents/guide.html',
          ['setup'],
          ['../index.html#missing', 'gone.html', '../media/absent.ts', './'],
        ),
      ].map((report) => [report.url, report]),
    );

    const broken = await brokenLinks(reports, server.url);

    expect(
      broken.map((link) => [
        new URL(link.from).pathname,
        new URL(link.href).pathname + new URL(link.href).hash,
        link.reason,
      ]),
    ).toEqual([
      [
        '/documents/guide.html',
        '/index.html#missing',
        `no element with id "missing" on ${server.url}index.html`,
      ],
      ['/documents/guide.html', '/documents/gone.html', 'HTTP 404'],
      ['/documents/guide.html', '/media/absent.ts', 'HTTP 404'],
      ['/documents/guide.html', '/documents/', 'HTTP 404'],
    ]);
  });
});
