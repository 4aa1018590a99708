export { zhumu } from './zhumu-adapter';
export { ZHUMU_CAPABILITIES } from './zhumu-capabilities';
export { ZHUMU_ERROR_CODES, type ZhumuErrorMapping } from './zhumu-errors';
export {
  ZHUMU_DEFAULT_BASE_URL,
  ZHUMU_DEFAULT_PATH_PREFIX,
  ZHUMU_DEFAULT_PLAN,
  ZHUMU_DEFAULT_RATE_LIMITS,
  type ZhumuCredentials,
  type ZhumuOptions,
  type ZhumuRateLimits,
} from './zhumu-options';
export { ZHUMU_ENTERPRISE_STATUSES, type ZhumuStatusMapping } from './zhumu-statuses';
