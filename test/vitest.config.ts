import { channelkitProject } from '../vitest.shared.ts';

// End-to-end tests: real HTTP between the SDK and the sandbox server on loopback.
export default channelkitProject('e2e', { include: ['**/*.test.ts'], testTimeout: 60_000 });
