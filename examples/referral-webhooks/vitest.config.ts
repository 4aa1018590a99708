import { channelkitProject } from '../../vitest.shared.ts';

export default channelkitProject('example-referral-webhooks', { testTimeout: 60_000 });
