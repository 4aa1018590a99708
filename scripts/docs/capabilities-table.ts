// The site's table of platforms and operations, rendered from the adapters' exported capabilities.
import { posix } from 'node:path';
import { type AdapterCapabilities, flattenCapabilities } from './adapter-capabilities';

/**
 * A Markdown table with one row per operation and one column per adapter capabilities constant, followed by
 * a line naming the constants it was generated from. Links are relative to `fromDir` (relative to the root).
 */
export function renderCapabilitiesTable(adapters: readonly AdapterCapabilities[], fromDir: string): string {
  if (adapters.length === 0) return 'No adapter is part of this release yet.\n';
  const operations: string[] = [];
  for (const adapter of adapters) {
    for (const [operation] of flattenCapabilities(adapter.capabilities)) {
      if (!operations.includes(operation)) operations.push(operation);
    }
  }
  const headings = adapters.map((adapter) =>
    adapter.platformPage
      ? `[${adapter.label}](${posix.relative(fromDir, adapter.platformPage)})`
      : adapter.label,
  );
  const rows = operations.map((operation) => {
    const cells = adapters.map((adapter) => {
      const supported = new Map(flattenCapabilities(adapter.capabilities)).get(operation);
      return supported ? 'yes' : 'no';
    });
    return `| \`${operation}\` | ${cells.join(' | ')} |`;
  });
  const sources = adapters
    .map((adapter) => `\`${adapter.exportName}\` (\`${adapter.packageName}\`)`)
    .join(', ');
  return [
    `| Operation | ${headings.join(' | ')} |`,
    `| --- | ${adapters.map(() => ':-:').join(' | ')} |`,
    ...rows,
    '',
    `Generated from ${sources} when this site was built; \`client.capabilities\` reports the same at run time.`,
    '',
  ].join('\n');
}
