import type { CliPlatform } from './cli-platform';
import { zoomPlatform } from './zoom-platform';

/**
 * Every platform `channelkit` can drive, in the order help and listings show them. A new platform is one entry: its
 * `defineCliPlatform({...})` (partner id, environment variables, configuration schema, adapter factory).
 */
export const CLI_PLATFORMS: readonly CliPlatform[] = [zoomPlatform];

/** The platform with this partner id, or `undefined`. */
export function platformNamed(partner: string): CliPlatform | undefined {
  return CLI_PLATFORMS.find((platform) => platform.partner === partner);
}

/** The known partner ids, for messages: `zoom, bizconf`. */
export function knownPartners(): string {
  return CLI_PLATFORMS.map((platform) => platform.partner).join(', ');
}
