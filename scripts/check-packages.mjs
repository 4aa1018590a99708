// Runs publint and are-the-types-wrong on every publishable package, after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'packages/adapters'];
const dirs = roots.flatMap((root) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'package.json')))
    .map((entry) => join(root, entry.name)),
);

let failed = 0;
for (const dir of dirs) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  for (const [command, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync(command, args, { cwd: dir, stdio: 'inherit' });
    } catch {
      failed += 1;
      console.error(`✗ ${command} failed for ${manifest.name}`);
    }
  }
}
if (failed > 0) process.exit(1);
console.log(`Package checks passed for ${dirs.length} packages.`);
