import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'conformance/index': 'src/conformance/index.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  // The command line (`bin`) has no types to publish.
  dts: { entry: { index: 'src/index.ts', 'conformance/index': 'src/conformance/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
