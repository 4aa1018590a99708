import {
  type CustomerPolicy,
  checkCustomerPolicy,
  type ProvisionAccountInput,
  type ReferralInput,
} from '@channelkit/types';
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

/**
 * Refuses a validated referral whose customer lies outside the platform's market (e.g. a mainland-Chinese customer
 * referred to Zoom), naming `customer.country`. Referrals need no credit code and carry no billing currency, so the
 * market is all that is checked.
 */
export function enforceReferralMarket(
  input: ReferralInput,
  policy: CustomerPolicy | undefined,
  platform: string,
): void {
  const admin = input.contacts[0];
  if (policy === undefined || admin === undefined) return;
  const issues = checkCustomerPolicy(
    { profile: { ...input.customer }, admin },
    { market: policy.market, corporateOnly: false },
    platform,
  ).map((issue) => ({ path: issue.path.replace(/^profile\./, 'customer.'), message: issue.message }));
  if (issues.length === 0) return;
  throw new ValidationError({
    message: `Invalid referral input for ${platform}: ${describeIssues(issues)}`,
    issues,
  });
}
