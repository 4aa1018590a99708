import type { ProvisionAccountInput } from '@channelkit/types';

/** The name of a licence action job. */
export const APPLY_JOB = 'licences.apply';
/** The name of a provisioning job. */
export const PROVISION_JOB = 'accounts.provision';

/** A licence action job: the plan is loaded from the state store by its hash (a job stays small). */
export interface ApplyJobData {
  planHash: string;
  actionId: string;
}

/** A provisioning job. */
export interface ProvisionJobData {
  partner: string;
  input: ProvisionAccountInput;
  idempotencyKey: string;
}
