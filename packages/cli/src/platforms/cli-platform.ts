import type { PartnerAdapter } from '@channelkit/core';
import type { z } from 'zod';

/** One option of a platform that an environment variable can supply, e.g. Zoom's `clientSecret` and `ZOOM_CLIENT_SECRET`. */
export interface PlatformSetting {
  /** The adapter option, also its key under `partners.<id>` in the configuration file. */
  readonly option: string;
  /** The environment variable that supplies it; it wins over the configuration file. */
  readonly env: string;
  /** Without it the adapter cannot be made; the platform counts as configured by the environment once any required one is set. */
  readonly required: boolean;
  /** A credential: never printed, and scrubbed from anything the command line writes. */
  readonly secret: boolean;
}

/**
 * A platform as the command line knows it: its adapter factory, and how its configuration is read. Adding a
 * platform to `channelkit` is one of these in `CLI_PLATFORMS` (src/platforms/registry.ts).
 */
export interface CliPlatform {
  /**
   * Its section under `partners` in the configuration file: the partner id, or for a second mode of a platform
   * another name, e.g. `zoom-commerce` for Zoom's Partner Commerce mode.
   */
  readonly id: string;
  /** The adapter's partner id, e.g. `zoom`: the value of `--partner` and of a desired list's `partner` column. */
  readonly partner: string;
  /** The platform's name for people, e.g. `Zoom`. */
  readonly displayName: string;
  /** Options that environment variables supply, in the order the help lists them. */
  readonly settings: readonly PlatformSetting[];
  /**
   * Whether its environment variables alone configure it. A second mode of a platform, which reads the same variables
   * as the first, is chosen by its section in the configuration file instead.
   */
  readonly configuredByEnvironment: boolean;
  /**
   * The options `partners.<id>` may hold in the configuration file (every setting, and options without an environment
   * variable such as rate limits); anything else there is refused, by name.
   */
  readonly configSchema: z.ZodType<Record<string, unknown>>;
  /** Makes the adapter from the resolved options (configuration file, overlaid by the environment variables). */
  create(options: Readonly<Record<string, unknown>>): PartnerAdapter;
}

/** What {@link defineCliPlatform} takes: a {@link CliPlatform}, with `id` and `configuredByEnvironment` optional. */
export interface CliPlatformDefinition<Options extends Record<string, unknown>> {
  /** @default the partner id */
  readonly id?: string;
  readonly partner: string;
  readonly displayName: string;
  readonly settings: readonly (PlatformSetting & { readonly option: Extract<keyof Options, string> })[];
  /** @default true */
  readonly configuredByEnvironment?: boolean;
  readonly configSchema: z.ZodType<Options>;
  readonly create: (options: Options) => PartnerAdapter;
}

/** Declares a platform, typing its factory's options by its configuration schema. */
export function defineCliPlatform<Options extends Record<string, unknown>>(
  definition: CliPlatformDefinition<Options>,
): CliPlatform {
  // The options handed to create() have passed configSchema, so they are Options.
  return {
    ...definition,
    id: definition.id ?? definition.partner,
    configuredByEnvironment: definition.configuredByEnvironment ?? true,
  } as unknown as CliPlatform;
}
