import { type CustomerPolicy, MAINLAND_CHINA_ENTERPRISE_POLICY } from '@channelkit/types';

/**
 * Who Umeet sells to: enterprises registered in mainland China, identified by a Unified Social Credit Code that is not
 * an individual business's, with an administrator on a mainland mobile, billed in renminbi (CNY). The client checks
 * every provision input against it before anything is sent.
 */
export const UMEET_CUSTOMER_POLICY: CustomerPolicy = MAINLAND_CHINA_ENTERPRISE_POLICY;
