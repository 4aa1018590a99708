import { join } from 'node:path';
import { run } from './run.ts';
import type { PackedPackage } from './tarball.ts';

/** The commands a packed package installs (`bin` as a map, or its one bin named after the package). */
function binsOf(pkg: PackedPackage): string[] {
  const { bin, name } = pkg.manifest;
  if (typeof bin === 'string') return [name.split('/').pop() ?? name];
  if (typeof bin === 'object' && bin !== null) return Object.keys(bin);
  return [];
}

/**
 * Runs every command the tarballs install, as npm installed them in the application (`node_modules/.bin`, with
 * their shebang and file mode): `--version` prints the package's version and `--help` succeeds. Then the two work
 * together as the CLI's README shows: `channelkit-sandbox run -- channelkit accounts list --json` starts the
 * sandbox, and the CLI, configured only by the environment the sandbox gives it, lists accounts over HTTP.
 */
export async function checkBinsRun(dir: string, packed: readonly PackedPackage[]): Promise<string[]> {
  const problems: string[] = [];
  const binDir = join(dir, 'node_modules', '.bin');
  const bins = new Set<string>();
  for (const pkg of packed) {
    for (const bin of binsOf(pkg)) {
      bins.add(bin);
      try {
        const { stdout } = await run(join(binDir, bin), ['--version'], { cwd: dir });
        if (stdout.trim() !== pkg.manifest.version) {
          problems.push(`${bin} --version printed "${stdout.trim()}", expected ${pkg.manifest.version}`);
        }
        await run(join(binDir, bin), ['--help'], { cwd: dir });
        console.log(`✓ ${bin} (from ${pkg.manifest.name}) runs: --version, --help`);
      } catch (error) {
        problems.push(`the installed ${bin} command fails: ${(error as Error).message}`);
      }
    }
  }
  if (bins.has('channelkit') && bins.has('channelkit-sandbox')) {
    try {
      const { stdout } = await run(
        join(binDir, 'channelkit-sandbox'),
        ['run', '--quiet', '--', join(binDir, 'channelkit'), 'accounts', 'list', '--json'],
        { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
      );
      const listed = JSON.parse(stdout) as { accounts?: unknown; errors?: unknown };
      if (!Array.isArray(listed.accounts) || !Array.isArray(listed.errors) || listed.errors.length > 0) {
        problems.push(`channelkit accounts list against channelkit-sandbox printed ${stdout.trim()}`);
      } else {
        console.log('✓ channelkit-sandbox run -- channelkit accounts list: the two commands work together');
      }
    } catch (error) {
      problems.push(`channelkit against channelkit-sandbox fails: ${(error as Error).message}`);
    }
  }
  return problems;
}
