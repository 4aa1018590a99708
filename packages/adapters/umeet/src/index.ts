export {
  UMEET_ACCOUNT_STATUSES,
  type UmeetAccountStatus,
} from './umeet-account-statuses';
export { umeet } from './umeet-adapter';
export { UMEET_CAPABILITIES } from './umeet-capabilities';
export { UMEET_CUSTOMER_POLICY } from './umeet-customer-policy';
export {
  UMEET_DEFAULT_BASE_URL,
  UMEET_DEFAULT_MAX_STATUS_POLLS,
  UMEET_DEFAULT_PLAN,
  UMEET_DEFAULT_PROVISIONING_TIMEOUT_MS,
  UMEET_DEFAULT_RATE_LIMITS,
  UMEET_DEFAULT_TOKEN_URL,
  type UmeetOptions,
  type UmeetRateLimits,
} from './umeet-options';
