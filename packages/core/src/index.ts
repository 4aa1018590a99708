import { answer } from '@channelkit/types';
/** Placeholder. */
export const doubled: number = answer * 2;
