import type { PartnerAdapter } from '@channelkit/core';
import { UsageError } from '../internal/cli-errors';
import type { CliPlatform } from './cli-platform';
import { CLI_PLATFORMS, knownPartners, platformNamed } from './registry';

/** The platforms this invocation can use: configured by the configuration file or the environment. */
export interface ResolvedPlatforms {
  /** The configured platforms, in registry order. */
  readonly configured: readonly CliPlatform[];
  /** Every credential value found (configuration and environment), to scrub from anything written. */
  readonly secrets: readonly string[];
  /** The configured platform with this id; a usage error naming the fix when it is unknown or not configured. */
  require(partner: string): CliPlatform;
  /**
   * The platform a one-platform command targets: `--partner`, else the only configured one; a usage error when
   * none is configured or several are and none was chosen.
   */
  choose(partner: string | undefined): CliPlatform;
  /** Makes the adapter of a configured platform. */
  adapter(platform: CliPlatform): PartnerAdapter;
}

/** Why a known platform is not usable, and how to configure it. */
export function howToConfigure(platform: CliPlatform, configName = 'channelkit.config.json'): string {
  const required = platform.settings.filter((setting) => setting.required).map((setting) => setting.env);
  return `set ${required.join(', ')} (or add partners.${platform.partner} to ${configName})`;
}

/**
 * Resolves the platforms from the configuration file's `partners` and the environment. A platform is configured when
 * it has a section in the file or any of its required variables is set. Each option is the environment variable's
 * value when set, else the file's: the environment wins, so `channelkit sandbox`'s exports point any configuration
 * at the sandbox.
 */
export function resolvePlatforms(
  partners: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
  env: NodeJS.ProcessEnv,
): ResolvedPlatforms {
  const options = new Map<CliPlatform, Record<string, unknown>>();
  const secrets = new Set<string>();
  for (const platform of CLI_PLATFORMS) {
    const section = partners[platform.partner];
    const resolved: Record<string, unknown> = { ...section };
    let fromEnv = false;
    for (const setting of platform.settings) {
      const value = env[setting.env]?.trim();
      if (value !== undefined && value !== '') {
        resolved[setting.option] = value;
        if (setting.required) fromEnv = true;
      }
      const final = resolved[setting.option];
      if (setting.secret && typeof final === 'string' && final !== '') secrets.add(final);
    }
    if (section !== undefined || fromEnv) options.set(platform, resolved);
  }
  const configured = CLI_PLATFORMS.filter((platform) => options.has(platform));

  const require = (partner: string): CliPlatform => {
    const platform = platformNamed(partner);
    if (platform === undefined) {
      throw new UsageError(`Unknown partner '${partner}': channelkit knows ${knownPartners()}.`);
    }
    if (!options.has(platform)) {
      throw new UsageError(
        `${platform.displayName} (${partner}) is not configured: ${howToConfigure(platform)}.`,
      );
    }
    return platform;
  };

  return {
    configured,
    secrets: [...secrets],
    require,
    choose(partner) {
      if (partner !== undefined) return require(partner);
      const [only, ...others] = configured;
      if (only === undefined) {
        const ways = CLI_PLATFORMS.map(
          (platform) => `for ${platform.displayName}, ${howToConfigure(platform)}`,
        );
        throw new UsageError(
          `No platform is configured: ${ways.join('; ')}. To try channelkit without credentials, start the sandbox with 'channelkit sandbox'.`,
        );
      }
      if (others.length > 0) {
        throw new UsageError(
          `Several platforms are configured (${configured.map((platform) => platform.partner).join(', ')}): choose one with --partner.`,
        );
      }
      return only;
    },
    adapter(platform) {
      const resolved = options.get(platform);
      if (resolved === undefined) throw new UsageError(`${platform.partner} is not configured.`);
      return platform.create(resolved);
    },
  };
}
