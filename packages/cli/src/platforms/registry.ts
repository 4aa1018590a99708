import { bizconfPlatform } from './bizconf-platform';
import type { CliPlatform } from './cli-platform';
import { umeetPlatform } from './umeet-platform';
import { zhumuPlatform } from './zhumu-platform';
import { zoomCommercePlatform, zoomPlatform } from './zoom-platform';

/**
 * Every platform `channelkit` can drive, in the order help and listings show them. A new platform is one entry: its
 * `defineCliPlatform({...})` (partner id, environment variables, configuration schema, adapter factory). A second
 * mode of a platform (Zoom's Partner Commerce) is an entry of the same partner id with an `id` of its own.
 */
export const CLI_PLATFORMS: readonly CliPlatform[] = [
  zoomPlatform,
  zoomCommercePlatform,
  bizconfPlatform,
  zhumuPlatform,
  umeetPlatform,
];

/** The entries of a partner id (two for Zoom: Master Account and Partner Commerce); empty when it is unknown. */
export function platformsOf(partner: string): CliPlatform[] {
  return CLI_PLATFORMS.filter((platform) => platform.partner === partner);
}

/** The known partner ids, for messages: `zoom, bizconf, zhumu, umeet`. */
export function knownPartners(): string {
  return [...new Set(CLI_PLATFORMS.map((platform) => platform.partner))].join(', ');
}
