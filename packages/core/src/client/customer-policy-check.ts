import { type CustomerPolicy, checkCustomerPolicy, type ProvisionAccountInput } from '@channelkit/types';
import { describeIssues, ValidationError } from '../errors/validation-error';

/**
 * Refuses a validated provision input that falls outside the platform's {@link CustomerPolicy} (e.g. a customer
 * outside mainland China on a mainland platform), with a `ValidationError` naming every field at fault. Runs before
 * the idempotency store and the adapter, so a refused customer costs no request.
 */
export function enforceCustomerPolicy(
  input: ProvisionAccountInput,
  policy: CustomerPolicy | undefined,
  platform: string,
): void {
  if (policy === undefined) return;
  const issues = checkCustomerPolicy(input, policy, platform);
  if (issues.length === 0) return;
  throw new ValidationError({
    message: `Invalid provision input for ${platform}: ${describeIssues(issues)}`,
    issues,
  });
}
