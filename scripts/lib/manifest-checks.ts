import semver from 'semver';
import { runtimeDependencyFields } from './published-ranges.ts';
import { type PackedPackage, packedText } from './tarball.ts';

const allDependencyFields = [...runtimeDependencyFields, 'devDependencies'] as const;

/**
 * Checks what npm users get in the manifest and files of one packed package; returns one sentence per problem.
 * `expectedLicense` is the repository's LICENSE text, which every package ships unchanged.
 */
export function checkPackedManifest(packed: PackedPackage, expectedLicense: string): string[] {
  const problems: string[] = [];
  const { manifest } = packed;
  const where = packed.source.relativeDir;

  for (const field of allDependencyFields) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range)) {
        problems.push(
          `${field}.${name} is still "${range}" in the packed manifest; publish with \`pnpm publish\`, which rewrites it`,
        );
      }
    }
  }
  for (const field of runtimeDependencyFields) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      const problem = checkRange(name, range, manifest.version);
      if (problem) problems.push(`${field}.${name}: ${problem}`);
    }
  }

  if (![...packed.files.keys()].some((path) => /\.(c|m)?js$/.test(path))) {
    problems.push('the tarball holds no JavaScript: run `pnpm build` before checking or publishing');
  }
  for (const file of ['README.md', 'LICENSE']) {
    if (!packed.files.has(file)) problems.push(`the tarball has no ${file}; add ${where}/${file}`);
  }
  const license = packedText(packed, 'LICENSE');
  if (license !== undefined && license !== expectedLicense) {
    problems.push(`LICENSE differs from the repository's LICENSE; copy it: cp LICENSE ${where}/LICENSE`);
  }
  if (manifest.license !== 'MIT')
    problems.push(`"license" is ${JSON.stringify(manifest.license)}, expected "MIT"`);

  if (!manifest.description) problems.push('"description" is missing');
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0)
    problems.push('"keywords" is missing or empty');
  if (typeof manifest.homepage !== 'string' || !manifest.homepage.startsWith('https://')) {
    problems.push('"homepage" is missing (the package README on the repository host)');
  }
  const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url;
  if (!bugs?.startsWith('https://')) problems.push('"bugs.url" is missing (the issue tracker)');
  const repository = typeof manifest.repository === 'string' ? undefined : manifest.repository;
  if (!repository?.url) problems.push('"repository.url" is missing');
  else if (repository.directory !== where) {
    problems.push(`"repository.directory" is ${JSON.stringify(repository.directory)}, expected "${where}"`);
  }
  if (!manifest.engines?.node) problems.push('"engines.node" is missing');
  if (manifest.name.startsWith('@') && manifest.publishConfig?.access !== 'public') {
    problems.push('"publishConfig.access" must be "public": a scoped package is private on npm by default');
  }
  return problems;
}

/**
 * A published range for another package: our own packages move together (a caret on this very version),
 * everything else gets a caret range from the oldest version the suite passes with, so that an application's
 * package manager can share one copy.
 */
function checkRange(name: string, range: string, version: string): string | undefined {
  if (name.startsWith('@channelkit/')) {
    return range === `^${version}`
      ? undefined
      : `is "${range}", expected "^${version}" (declare it as "workspace:^": all @channelkit packages share one version)`;
  }
  const alternatives = range.split('||').map((part) => part.trim());
  const allCarets = alternatives.every(
    (part) => /^\^\d+\.\d+\.\d+$/.test(part) && semver.validRange(part) !== null,
  );
  return allCarets
    ? undefined
    : `is "${range}"; publish a caret range from the oldest version the suite passes with (reference it as "catalog:published" and add it to the published catalog in pnpm-workspace.yaml)`;
}
