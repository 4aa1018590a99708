export { zoom } from './zoom-adapter';
export { ZOOM_CAPABILITIES } from './zoom-capabilities';
export { ZOOM_CUSTOMER_POLICY } from './zoom-customer-policy';
export {
  ZOOM_DEFAULT_BASE_URL,
  ZOOM_DEFAULT_OAUTH_URL,
  ZOOM_DEFAULT_PLAN,
  ZOOM_DEFAULT_RATE_LIMITS,
  type ZoomOptions,
  type ZoomRateLimits,
} from './zoom-options';
