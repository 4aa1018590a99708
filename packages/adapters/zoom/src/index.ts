export { zoomCommerce } from './commerce/zoom-commerce';
export { ZOOM_COMMERCE_CAPABILITIES } from './commerce/zoom-commerce-capabilities';
export { ZOOM_COMMERCE_CUSTOMER_POLICY } from './commerce/zoom-commerce-customer-policy';
export {
  ZOOM_COMMERCE_DEFAULT_BASE_URL,
  ZOOM_COMMERCE_DEFAULT_OPPORTUNITY_TYPE,
  ZOOM_COMMERCE_DEFAULT_TERM,
  type ZoomCommerceOptions,
  type ZoomCommerceTerm,
} from './commerce/zoom-commerce-options';
export { ZOOM_DEAL_STATUS_MAP } from './commerce/zoom-deal-status';
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
