import { defineProject, type ViteUserConfig } from 'vitest/config';

const sourceConditions = ['@channelkit/source', 'import', 'module', 'node', 'default'];

/** The vitest project settings every package shares: node environment, sources of sibling packages. */
export function channelkitProject(name: string, test: NonNullable<ViteUserConfig['test']> = {}) {
  return defineProject({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@channelkit/source'] } },
    test: {
      name,
      environment: 'node',
      include: ['test/**/*.test.ts'],
      restoreMocks: true,
      testTimeout: 20_000,
      ...test,
    },
  });
}
