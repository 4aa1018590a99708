import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBinsRun } from './bin-check.ts';
import { oldestAccepted } from './published-ranges.ts';
import { run } from './run.ts';
import type { PackedPackage } from './tarball.ts';
import { repositoryRoot } from './workspace.ts';

const template = join(repositoryRoot, 'scripts', 'consumer-app');

/**
 * Installs the packed packages with npm into a fresh application that already depends on the oldest version
 * of every third-party package they accept (their published ranges' minimums), then checks what a user
 * would meet: one copy of each package (`npm ls`), every entry point loading through `import` and `require`,
 * the type declarations compiling strictly, the installed commands running, and the conformance suite passing under the oldest vitest the
 * sandbox accepts. One install per run; the npm cache makes repeated runs fast.
 */
export async function checkConsumerInstall(
  packed: readonly PackedPackage[],
  dir: string,
  loadsOnlyBesideOptionalPeer: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<string[]> {
  const { versions: minimums, problems } = oldestAccepted(packed);
  if (problems.length > 0) return problems;

  await mkdir(dir, { recursive: true });
  const ours = Object.fromEntries(packed.map((pkg) => [pkg.manifest.name, `file:${pkg.tarballPath}`]));
  await writeJson(join(dir, 'package.json'), {
    name: 'channelkit-consumer',
    private: true,
    type: 'module',
    dependencies: { ...ours, ...Object.fromEntries(minimums) },
    // Our packages' dependencies on each other resolve to the tarballs, never to the registry.
    overrides: Object.fromEntries(packed.map((pkg) => [pkg.manifest.name, `$${pkg.manifest.name}`])),
  });
  const installed = [...minimums].map(([name, version]) => `${name}@${version}`).join(', ');
  console.log(`npm install of the tarballs next to ${installed} ...`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], {
    cwd: dir,
  });

  const names = [...packed.map((pkg) => pkg.manifest.name), ...minimums.keys()];
  problems.push(...(await checkOneCopyEach(dir, names)));
  problems.push(...(await checkEntryPointsLoad(dir, packed, loadsOnlyBesideOptionalPeer)));
  problems.push(...(await checkTypesCompile(dir, packed)));
  problems.push(...(await checkBinsRun(dir, packed)));
  problems.push(...(await checkConformanceRuns(dir)));
  return problems;
}

/** `npm ls`: the tree is valid (no missing or invalid peer) and each package is installed exactly once. */
async function checkOneCopyEach(dir: string, names: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  try {
    const { stdout } = await run('npm', ['ls', ...names, '--all'], { cwd: dir });
    console.log(stdout.trim());
    const { stdout: paths } = await run('npm', ['ls', ...names, '--all', '--parseable'], { cwd: dir });
    const copies = new Map<string, Set<string>>();
    for (const path of paths.split('\n').filter(Boolean)) {
      const name = path.split('/node_modules/').pop() ?? path;
      copies.set(name, (copies.get(name) ?? new Set()).add(path));
    }
    for (const name of names) {
      const found = copies.get(name) ?? new Set();
      if (found.size !== 1) {
        problems.push(
          `${name} is installed ${found.size} times, expected once:\n    ${[...found].join('\n    ')}`,
        );
      }
    }
  } catch (error) {
    problems.push(`npm ls reports a broken tree: ${(error as Error).message}`);
  }
  return problems;
}

/**
 * Every entry point loads in plain Node with `import()` (ESM) and with `require()` (CommonJS), except those that
 * load an optional peer such as vitest, which load only inside it (the conformance run below covers them). Under
 * `require()` those must load or refuse with `ERR_REQUIRE_ESM` and a message naming the entry (vitest itself cannot
 * be required), never fail somewhere inside.
 */
async function checkEntryPointsLoad(
  dir: string,
  packed: readonly PackedPackage[],
  loadsOnlyBesideOptionalPeer: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<string[]> {
  const specifiers = packed.flatMap((pkg) =>
    entryPoints(pkg)
      .filter((subpath) => !loadsOnlyBesideOptionalPeer.get(pkg.manifest.name)?.has(`.${subpath}`))
      .map((subpath) => `${pkg.manifest.name}${subpath}`),
  );
  const list = JSON.stringify(specifiers);
  await writeFile(join(dir, 'load.mjs'), `for (const s of ${list}) await import(s);\n`);
  await writeFile(join(dir, 'load.cjs'), `for (const s of ${list}) require(s);\n`);
  const problems: string[] = [];
  for (const script of ['load.mjs', 'load.cjs']) {
    try {
      await run(process.execPath, [script], { cwd: dir });
    } catch (error) {
      problems.push(`an entry point fails to load from ${script}: ${(error as Error).message}`);
    }
  }
  const besidePeer = packed.flatMap((pkg) =>
    entryPoints(pkg)
      .filter((subpath) => loadsOnlyBesideOptionalPeer.get(pkg.manifest.name)?.has(`.${subpath}`))
      .map((subpath) => `${pkg.manifest.name}${subpath}`),
  );
  await writeFile(
    join(dir, 'require-beside-peer.cjs'),
    `for (const s of ${JSON.stringify(besidePeer)}) {\n` +
      '  try { require(s); } catch (error) {\n' +
      "    if (error.code !== 'ERR_REQUIRE_ESM' || !error.message.includes(s)) throw error;\n" +
      `    console.log(\`\${s} refuses require(): \${error.message}\`);\n` +
      '  }\n' +
      '}\n',
  );
  try {
    const { stdout } = await run(process.execPath, ['require-beside-peer.cjs'], { cwd: dir });
    if (stdout.trim() !== '') console.log(stdout.trim());
  } catch (error) {
    problems.push(
      `require() of an entry that needs an optional peer fails without saying how to load it: ${(error as Error).message}`,
    );
  }
  return problems;
}

/**
 * The packed declarations compile under `moduleResolution: nodenext` with the oldest accepted versions of their
 * dependencies' types, every `.d.ts` checked (`skipLibCheck: false`), imported from an ES module and from CommonJS.
 */
async function checkTypesCompile(dir: string, packed: readonly PackedPackage[]): Promise<string[]> {
  const imports = packed.flatMap((pkg, index) =>
    entryPoints(pkg).map(
      (subpath, n) => `export * as entry${index}_${n} from '${pkg.manifest.name}${subpath}';`,
    ),
  );
  await writeFile(join(dir, 'entries.ts'), `${imports.join('\n')}\n`);
  // The same imports from a file TypeScript reads as CommonJS: the `require` types of every entry, including those
  // whose run-time CommonJS entry only refuses require() (a test file vitest runs may be CommonJS to TypeScript).
  await writeFile(join(dir, 'entries-commonjs.cts'), `${imports.join('\n')}\n`);
  await copyFile(join(template, 'conformance.test.ts'), join(dir, 'conformance.test.ts'));
  await writeJson(join(dir, 'tsconfig.json'), {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    include: ['*.ts', '*.cts'],
  });
  try {
    const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '--project', 'tsconfig.json'], { cwd: dir });
    return [];
  } catch (error) {
    return [`the packed type declarations do not compile in the application: ${(error as Error).message}`];
  }
}

/** The packed conformance suite, run by the application's own (oldest accepted) vitest. */
async function checkConformanceRuns(dir: string): Promise<string[]> {
  try {
    const vitest = join(dir, 'node_modules', 'vitest', 'vitest.mjs');
    const { stdout } = await run(process.execPath, [vitest, 'run', 'conformance.test.ts'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const summary = stdout.split('\n').filter((line) => /Test Files|Tests /.test(line));
    console.log(`conformance suite under the application's vitest:\n${summary.join('\n')}`);
    return [];
  } catch (error) {
    return [`the conformance suite fails in the application: ${(error as Error).message}`];
  }
}

/** The subpaths of a package's `exports` that load code (`.`, `/conformance`, ...), `./package.json` aside. */
function entryPoints(pkg: PackedPackage): string[] {
  const { exports } = pkg.manifest;
  if (typeof exports !== 'object' || exports === null) return [''];
  return Object.keys(exports)
    .filter((key) => key.startsWith('.') && !key.endsWith('.json') && !key.includes('*'))
    .map((key) => key.slice(1));
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
