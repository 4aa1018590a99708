import type { PartnerAdapter } from '@channelkit/core';
import { UsageError } from '../internal/cli-errors';
import type { CliPlatform } from './cli-platform';
import { CLI_PLATFORMS, knownPartners, platformsOf } from './registry';

/** The platforms this invocation can use: configured by the configuration file or the environment. */
export interface ResolvedPlatforms {
  /** The configured platforms, in registry order; at most one per partner id. */
  readonly configured: readonly CliPlatform[];
  /** Every credential value found (configuration and environment), to scrub from anything written. */
  readonly secrets: readonly string[];
  /** The configured platform of this partner id; a usage error naming the fix when it is unknown or not configured. */
  require(partner: string): CliPlatform;
  /** Why this partner id cannot be used (unknown, not configured), or `undefined` when it can. */
  problemWith(partner: string): string | undefined;
  /**
   * The platform a one-platform command targets: `--partner`, else the only configured one; a usage error when
   * none is configured or several are and none was chosen.
   */
  choose(partner: string | undefined): CliPlatform;
  /** Makes the adapter of a configured platform. */
  adapter(platform: CliPlatform): PartnerAdapter;
}

/** How to configure a platform, in words. */
export function howToConfigure(platform: CliPlatform, configName = 'channelkit.config.json'): string {
  const section = /^[a-z]+$/.test(platform.id) ? `partners.${platform.id}` : `partners["${platform.id}"]`;
  if (!platform.configuredByEnvironment) return `add ${section} to ${configName}`;
  const required = platform.settings.filter((setting) => setting.required).map((setting) => setting.env);
  return `set ${required.join(', ')} (or add ${section} to ${configName})`;
}

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/**
 * Resolves the platforms from the configuration file's `partners` and the environment. A platform is configured when
 * it has a section in the file, or, for a platform its environment variables can configure, when any of its required
 * variables is set and no other mode of its partner has a section. Each option is the environment variable's value
 * when set, else the file's: the environment wins, so `channelkit sandbox`'s exports point any configuration at the
 * sandbox.
 * @throws UsageError when two sections configure the same partner (Zoom's two modes).
 */
export function resolvePlatforms(
  partners: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
  env: NodeJS.ProcessEnv,
): ResolvedPlatforms {
  const sectioned = CLI_PLATFORMS.filter((platform) => partners[platform.id] !== undefined);
  for (const platform of sectioned) {
    const other = sectioned.find((each) => each !== platform && each.partner === platform.partner);
    if (other !== undefined) {
      throw new UsageError(
        `partners.${platform.id} and partners.${other.id} both configure ${platform.partner}: keep one of them.`,
      );
    }
  }

  const options = new Map<CliPlatform, Record<string, unknown>>();
  const secrets = new Set<string>();
  for (const platform of CLI_PLATFORMS) {
    const section = partners[platform.id];
    const resolved: Record<string, unknown> = { ...section };
    let fromEnv = false;
    for (const setting of platform.settings) {
      const value = nonEmpty(env[setting.env]);
      if (value !== undefined) {
        resolved[setting.option] = value;
        if (setting.required) fromEnv = true;
      }
      const final = resolved[setting.option];
      if (setting.secret && typeof final === 'string' && final !== '') secrets.add(final);
    }
    const partnerHasSection = sectioned.some((each) => each.partner === platform.partner);
    if (section !== undefined || (platform.configuredByEnvironment && fromEnv && !partnerHasSection)) {
      options.set(platform, resolved);
    }
  }
  const configured = CLI_PLATFORMS.filter((platform) => options.has(platform));

  const problemWith = (partner: string): string | undefined => {
    const entries = platformsOf(partner);
    const [first] = entries;
    if (first === undefined)
      return `${JSON.stringify(partner)} is not a platform channelkit knows (${knownPartners()})`;
    if (!entries.some((platform) => options.has(platform))) {
      return `${first.displayName} (${partner}) is not configured: ${howToConfigure(first)}`;
    }
    return undefined;
  };
  const require = (partner: string): CliPlatform => {
    const problem = problemWith(partner);
    const platform = configured.find((each) => each.partner === partner);
    if (problem !== undefined || platform === undefined) throw new UsageError(`${problem ?? partner}.`);
    return platform;
  };

  return {
    configured,
    secrets: [...secrets],
    require,
    problemWith,
    choose(partner) {
      if (partner !== undefined) return require(partner);
      const [only, ...others] = configured;
      if (only === undefined) {
        const ways = CLI_PLATFORMS.filter((platform) => platform.configuredByEnvironment).map(
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
