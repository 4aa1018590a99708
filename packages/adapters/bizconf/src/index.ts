export { bizconf } from './bizconf-adapter';
export { BIZCONF_CAPABILITIES } from './bizconf-capabilities';
export { BIZCONF_ERROR_CODES, type BizconfErrorCode } from './bizconf-error-codes';
export {
  BIZCONF_DEFAULT_PATH_PREFIX,
  BIZCONF_DEFAULT_PLAN,
  BIZCONF_DEFAULT_PROVISIONING,
  BIZCONF_DEFAULT_RATE_LIMITS,
  type BizconfOptions,
  type BizconfProvisioningOptions,
  type BizconfRateLimits,
} from './bizconf-options';
export {
  BIZCONF_STATUS_MAPPING,
  type BizconfEnterpriseStatus,
  type BizconfStatusMapping,
} from './bizconf-statuses';
