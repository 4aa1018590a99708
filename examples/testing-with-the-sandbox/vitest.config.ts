import { channelkitProject } from '../../vitest.shared.ts';

export default channelkitProject('example-testing-with-the-sandbox');
