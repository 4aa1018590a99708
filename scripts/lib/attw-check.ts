import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import type { PackedPackage } from './tarball.ts';

/**
 * Checks the packed tarball with are-the-types-wrong under every resolution it knows (node10, node16 from CJS
 * and from ESM, bundler): users still on `moduleResolution: node10` get types for every entry point too.
 */
export async function checkWithAttw(packed: PackedPackage): Promise<string[]> {
  const result = await checkPackage(createPackageFromTarballData(packed.tarball));
  if (result.types === false) return ['are-the-types-wrong: the package ships no type declarations'];
  return result.problems.map((problem) => {
    const info = problemKindInfo[problem.kind];
    const where =
      'entrypoint' in problem
        ? `"${problem.entrypoint}" under ${problem.resolutionKind} resolution`
        : 'fileName' in problem
          ? problem.fileName
          : `${problem.typesFileName} / ${problem.implementationFileName}`;
    return `are-the-types-wrong ${problem.kind}: ${where}: ${info.description} (${info.docsUrl})`;
  });
}
