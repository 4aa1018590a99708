import { existsSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ZodError } from 'zod';
import { fileErrorReason, parseJsonText, readInputFile } from '../input/read-input-file';
import { InputError, type InputIssue, UsageError } from '../internal/cli-errors';
import { configSchema, type ParsedConfig } from './config-schema';

/** The configuration file names looked for in the working folder, in this order. */
export const CONFIG_FILE_NAMES = [
  'channelkit.config.json',
  'channelkit.config.mjs',
  'channelkit.config.js',
  'channelkit.config.ts',
  'channelkit.config.mts',
] as const;

/** A configuration, and where it came from. */
export interface LoadedConfig {
  /** The settings (empty without a file). */
  readonly config: ParsedConfig;
  /** The file read, as an absolute path; `undefined` when there is none. */
  readonly file: string | undefined;
  /** The folder relative paths of the file are resolved against (the file's, else the working folder). */
  readonly folder: string;
}

/**
 * Reads the configuration: the file given with `--config`, else the one `channelkit.config.*` in the working folder,
 * else none. JSON is parsed; JavaScript is imported (its default export); TypeScript is imported where Node.js strips
 * types itself (22.18 and later), so no compiler is bundled. The settings are validated; values are never echoed.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  const file = explicit === undefined ? findConfigFile(cwd) : resolve(cwd, explicit);
  if (file === undefined) return { config: {}, file: undefined, folder: cwd };
  const shown = explicit ?? basename(file);
  const raw = await readConfigFile(file, shown);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(configIssues(parsed.error, shown));
  return { config: parsed.data, file, folder: dirname(file) };
}

function findConfigFile(cwd: string): string | undefined {
  const found = CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).filter((path) => existsSync(path));
  if (found.length > 1) {
    throw new UsageError(
      `Found ${found.map((path) => basename(path)).join(' and ')}: keep one configuration file, or choose one with --config.`,
    );
  }
  return found[0];
}

async function readConfigFile(file: string, shown: string): Promise<unknown> {
  const extension = extname(file);
  if (extension === '.json') {
    return parseJsonText(await readInputFile(file, dirname(file), shown), shown);
  }
  if (extension === '.ts' || extension === '.mts') {
    const features = process.features as { typescript?: string | false };
    if (!features.typescript) {
      throw new UsageError(
        `${shown} is TypeScript, which this Node.js (${process.version}) cannot load by itself; Node.js 22.18 or later ` +
          'can. Use channelkit.config.mjs (with defineConfig from @channelkit/cli, checked by your editor just the ' +
          'same) or channelkit.config.json instead.',
      );
    }
  } else if (extension !== '.mjs' && extension !== '.js') {
    throw new UsageError(`${shown}: a configuration file ends in .json, .mjs, .js, .ts or .mts.`);
  }
  if (!existsSync(file)) throw new InputError([{ file: shown, message: 'cannot be read: no such file' }]);
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new InputError([{ file: shown, message: `could not be loaded: ${fileErrorReason(error)}` }]);
  }
  if (loaded.default === undefined) {
    throw new InputError([
      { file: shown, message: 'has no default export: end it with export default defineConfig({ … })' },
    ]);
  }
  return loaded.default;
}

/** zod issues as input issues, naming the field and never the value. */
function configIssues(error: ZodError, file: string): InputIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = path === '' ? '' : `${path}.`;
      const message =
        path === 'partners'
          ? 'names no platform channelkit knows'
          : path === ''
            ? 'is not a setting (the settings are partners, state, concurrency, timeoutMs, maxRetries)'
            : 'is not an option of this platform';
      return { file, column: issue.keys.map((key) => `${where}${key}`).join(', '), message };
    }
    return { file, column: path === '' ? undefined : path, message: issue.message };
  });
}
