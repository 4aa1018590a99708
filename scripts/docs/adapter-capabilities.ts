// What each adapter in packages/adapters/* says it can do, read from the `*_CAPABILITIES` constants it exports,
// so that the site states exactly what the code supports and nothing more.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Capabilities, capabilitiesSchema } from '@channelkit/types';
import { splitFrontmatter } from '../markdown/frontmatter';

/** Where adapter packages live, relative to the repository root. */
export const ADAPTERS_DIR = join('packages', 'adapters');

/** One exported capabilities constant of one adapter package. */
export interface AdapterCapabilities {
  /** npm name of the adapter package, e.g. `@channelkit/zoom`. */
  packageName: string;
  /** The exported constant, e.g. `ZOOM_CAPABILITIES`. */
  exportName: string;
  /** Column heading: the platform page's title, e.g. `Zoom`, followed by any further words of the name. */
  label: string;
  /** The platform's page (`docs/partners/<partner>.md`, relative to the root) when there is one. */
  platformPage?: string;
  /** The capabilities, validated by `capabilitiesSchema`. */
  capabilities: Capabilities;
}

const CAPABILITIES_EXPORT = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)_CAPABILITIES$/;

/**
 * Imports every adapter package's source entry and collects its `*_CAPABILITIES` exports. An adapter that
 * exports none, or one that does not match `capabilitiesSchema`, is an error: the site would otherwise be silent
 * or wrong about it.
 */
export async function loadAdapterCapabilities(root: string): Promise<AdapterCapabilities[]> {
  const found: AdapterCapabilities[] = [];
  for (const dir of adapterPackageDirs(root)) {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as PackageManifest;
    const entry = sourceEntry(manifest);
    if (!entry) throw new Error(`${dir}/package.json: no "@channelkit/source" export or main entry to read.`);
    const module = (await import(pathToFileURL(join(root, dir, entry)).href)) as Record<string, unknown>;
    const before = found.length;
    for (const [exportName, value] of Object.entries(module).sort(([a], [b]) => a.localeCompare(b))) {
      const name = CAPABILITIES_EXPORT.exec(exportName)?.[1];
      if (!name) continue;
      const parsed = capabilitiesSchema.safeParse(value);
      if (!parsed.success) {
        throw new Error(
          `${manifest.name} exports ${exportName}, which is not valid Capabilities: ${parsed.error.message}`,
        );
      }
      const words = name.toLowerCase().split('_');
      const page = join('docs', 'partners', `${words[0]}.md`);
      const platformPage = existsSync(join(root, page)) ? page.split('\\').join('/') : undefined;
      const platformTitle = platformPage ? pageTitle(join(root, page)) : undefined;
      const label = [platformTitle ?? capitalise(words[0] ?? name), ...words.slice(1).map(capitalise)].join(
        ' ',
      );
      found.push({
        packageName: manifest.name,
        exportName,
        label,
        capabilities: parsed.data,
        ...(platformPage ? { platformPage } : {}),
      });
    }
    if (found.length === before) {
      throw new Error(
        `${manifest.name} (${dir}) exports no *_CAPABILITIES constant; export its capabilities so the site can state them.`,
      );
    }
  }
  return found;
}

/** Adapter package folders (`packages/adapters/<name>`), relative to the root, sorted. */
export function adapterPackageDirs(root: string): string[] {
  return readdirSync(join(root, ADAPTERS_DIR), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(root, ADAPTERS_DIR, entry.name, 'package.json')),
    )
    .map((entry) => `${ADAPTERS_DIR.split('\\').join('/')}/${entry.name}`)
    .sort();
}

/** The operations of `capabilities` as dotted paths with their support, in declaration order. */
export function flattenCapabilities(
  capabilities: Capabilities,
): Array<[operation: string, supported: boolean]> {
  const rows: Array<[string, boolean]> = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'boolean') rows.push([path, value]);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk(capabilities, '');
  return rows;
}

interface PackageManifest {
  name: string;
  main?: string;
  exports?: Record<string, unknown>;
}

function sourceEntry(manifest: PackageManifest): string | undefined {
  const root = manifest.exports?.['.'];
  if (root !== null && typeof root === 'object') {
    const source = (root as Record<string, unknown>)['@channelkit/source'];
    if (typeof source === 'string') return source;
  }
  return manifest.main;
}

function pageTitle(file: string): string | undefined {
  const title = splitFrontmatter(readFileSync(file, 'utf8')).data.title;
  return typeof title === 'string' ? title : undefined;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
