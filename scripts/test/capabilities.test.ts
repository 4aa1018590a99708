import { fileURLToPath } from 'node:url';
import type { Capabilities } from '@channelkit/types';
import { ZOOM_CAPABILITIES } from '@channelkit/zoom';
import { describe, expect, it } from 'vitest';
import { flattenCapabilities, loadAdapterCapabilities } from '../docs/adapter-capabilities';
import { renderCapabilitiesTable } from '../docs/capabilities-table';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe("the site's platforms and operations", () => {
  it("reads every adapter's exported capabilities, named after its platform page", async () => {
    const adapters = await loadAdapterCapabilities(root);
    expect(adapters).toContainEqual({
      packageName: '@channelkit/zoom',
      exportName: 'ZOOM_CAPABILITIES',
      label: 'Zoom',
      platformPage: 'docs/partners/zoom.md',
      capabilities: ZOOM_CAPABILITIES,
    });
  });

  it('renders one row per operation and one column per adapter, linking each platform page', () => {
    // An adapter that supports nothing but webhooks, whatever operations Capabilities has.
    const none = JSON.parse(JSON.stringify(ZOOM_CAPABILITIES), (_key, value) =>
      value === true ? false : value,
    ) as Capabilities;
    const table = renderCapabilitiesTable(
      [
        {
          packageName: '@x/zoom',
          exportName: 'ZOOM_CAPABILITIES',
          label: 'Zoom',
          platformPage: 'docs/partners/zoom.md',
          capabilities: ZOOM_CAPABILITIES,
        },
        {
          packageName: '@x/acme',
          exportName: 'ACME_CAPABILITIES',
          label: 'Acme',
          capabilities: { ...none, webhooks: true },
        },
      ],
      '.generated/docs',
    );
    const lines = table.split('\n');
    expect(lines[0]).toBe('| Operation | [Zoom](../../docs/partners/zoom.md) | Acme |');
    expect(lines).toContain('| `accounts.provision` | yes | no |');
    expect(lines).toContain('| `accounts.suspend` | no | no |');
    expect(lines).toContain('| `webhooks` | yes | yes |');
    expect(lines.filter((line) => line.startsWith('| `'))).toHaveLength(
      flattenCapabilities(ZOOM_CAPABILITIES).length,
    );
    expect(table).toContain('`ZOOM_CAPABILITIES` (`@x/zoom`), `ACME_CAPABILITIES` (`@x/acme`)');
  });
});
