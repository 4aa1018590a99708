import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The command that installs the browser the site test drives (Debian and Ubuntu). */
export const INSTALL_CHROMIUM = 'apt-get update && apt-get install -y chromium';

const NAMES = ['chromium', 'chromium-browser'];

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set, else the first `chromium` or `chromium-browser` on the PATH
 * (the Debian package installs `/usr/bin/chromium`). Never downloads one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) return isExecutable(explicit) ? explicit : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
