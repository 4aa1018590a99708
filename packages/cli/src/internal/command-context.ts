import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  type ChannelHub,
  createFileStateStore,
  createHub,
  type FileStateStore,
  type HubOptions,
} from '@channelkit/core';
import { version } from '../../package.json';
import { type LoadedConfig, loadConfig } from '../config/load-config';
import type { Output } from '../output/output';
import type { CliPlatform } from '../platforms/cli-platform';
import { type ResolvedPlatforms, resolvePlatforms } from '../platforms/resolve-platforms';
import { UsageError } from './cli-errors';

/** The default state file, relative to the configuration file (or the working folder). */
export const DEFAULT_STATE_FILE = '.channelkit/state.journal';

/** What every command that talks to a platform needs: configuration, platforms, output. */
export interface CommandContext {
  /** Where results and messages go. */
  readonly output: Output;
  /** The working folder. */
  readonly cwd: string;
  /** The configuration. */
  readonly loaded: LoadedConfig;
  /** The platforms it configures. */
  readonly platforms: ResolvedPlatforms;
  /** The configured client options (user agent, timeout, retries), for hubs built elsewhere (a queue worker's). */
  readonly clientOptions: HubOptions;
  /** A hub over these platforms, with the configured client options (and `extra` over them). */
  hub(platforms: readonly CliPlatform[], extra?: HubOptions): ChannelHub<string>;
  /** Accounts read or changed at once: `--concurrency`, else the configuration's, else the SDK's default. */
  concurrency(flag: number | undefined): number | undefined;
  /** Opens the state file: `--state`, else the configuration's `state`, else `.channelkit/state.journal`. */
  openState(flag: string | undefined): Promise<FileStateStore>;
}

/** The environment of one invocation. */
export interface Invocation {
  /** Where results and messages go. */
  readonly output: Output;
  /** The working folder. */
  readonly cwd: string;
  /** The environment variables. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Loads the configuration (`--config`, else `channelkit.config.*` here), resolves the platforms it and the
 * environment configure, and registers their credentials with the output's scrubber before anything else is done.
 */
export async function prepareContext(
  invocation: Invocation,
  configFlag: string | undefined,
): Promise<CommandContext> {
  const { output, cwd, env } = invocation;
  // Credentials in the environment are scrubbed even when the configuration file turns out to be broken.
  output.addSecrets(resolvePlatforms({}, env).secrets);
  const loaded = await loadConfig(configFlag, cwd);
  const platforms = resolvePlatforms(loaded.config.partners ?? {}, env);
  output.addSecrets(platforms.secrets);
  const { timeoutMs, maxRetries } = loaded.config;
  const clientOptions: HubOptions = {
    userAgent: `channelkit-cli/${version}`,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(maxRetries === undefined ? {} : { maxRetries }),
  };
  return {
    output,
    cwd,
    loaded,
    platforms,
    clientOptions,
    hub(chosen, extra = {}) {
      if (chosen.length === 0) throw new UsageError('No platform to work with.');
      return createHub(
        Object.fromEntries(chosen.map((platform) => [platform.partner, platforms.adapter(platform)])),
        { ...clientOptions, ...extra },
      );
    },
    concurrency: (flag) => flag ?? loaded.config.concurrency,
    async openState(flag) {
      const path =
        flag === undefined
          ? resolve(loaded.folder, loaded.config.state ?? DEFAULT_STATE_FILE)
          : resolve(cwd, flag);
      await mkdir(dirname(path), { recursive: true });
      // A second process waits for the file this long before giving up with a message naming the holder.
      return createFileStateStore(path, { lockWaitMs: 15_000 });
    },
  };
}
