export type {
  BizconfEnterpriseStatus,
  BizconfPlanCode,
  BizconfSandboxAdmin,
  BizconfSandboxControls,
  BizconfSandboxCredentials,
  BizconfSandboxEnterprise,
  BizconfSandboxEnterpriseInput,
  BizconfSandboxLicence,
  BizconfSandboxOptions,
  BizconfSandboxTask,
  BizconfTaskStatus,
} from './bizconf/bizconf-controls';
export {
  BIZCONF_CLOCK_SKEW_MS,
  BIZCONF_RATE_LIMITS,
  BIZCONF_SANDBOX_BASE_URL,
  BIZCONF_SANDBOX_CREDENTIALS,
  BIZCONF_SANDBOX_PATH_PREFIX,
} from './bizconf/bizconf-defaults';
export { bizconfSandboxPlatform } from './bizconf/bizconf-platform';
export type {
  BizconfLeadStatus,
  BizconfOpportunityStatus,
  BizconfReferralControls,
  BizconfSandboxLead,
  BizconfSandboxLeadInput,
  BizconfSandboxOpportunity,
  BizconfSandboxReferralContact,
  BizconfSandboxReferralCustomer,
  BizconfSandboxReferralProduct,
} from './bizconf/bizconf-referral-controls';
export { bizconfWebhookScheme, signBizconfCallback } from './bizconf/bizconf-webhooks';
export { createSandbox, type Sandbox, type SandboxFaults } from './create-sandbox';
export type {
  Fault,
  FaultKind,
  FaultRule,
  HangFault,
  LatencyFault,
  RateLimitFault,
  ResetFault,
  ServerErrorFault,
  TokenExpiredFault,
} from './faults/fault-rule';
export { type SandboxHandlersOptions, sandboxHandlers } from './msw/sandbox-handlers';
export { afterEachRequest, type SandboxResolve } from './platform/after-each-request';
export { defineSandboxPlatform } from './platform/define-sandbox-platform';
export type { RateLimitAnswer, RenderableFault } from './platform/platform-fault';
export type { PlatformUrls } from './platform/platform-urls';
export type {
  SandboxPlatform,
  SandboxPlatformContext,
  SandboxPlatformInstance,
} from './platform/sandbox-platform';
export type { SandboxRequest, SandboxRoute } from './platform/sandbox-request';
export { type StatusChange, statusChanges } from './platform/status-changes';
export type { SandboxWebhookNotification, SandboxWebhookScheme } from './platform/webhook-scheme';
export type { RequestRecord } from './request-record';
export type {
  SandboxBaseUrls,
  SandboxOptions,
  SandboxRateLimits,
  ZoomRateLimits,
  ZoomSandboxOptions,
} from './sandbox-options';
export type { ConnectionFault, RequestCategory, SandboxPlatformName, SandboxResult } from './sandbox-result';
export {
  type RunningSandbox,
  type RunningZoomCredentials,
  type StartSandboxOptions,
  startSandbox,
} from './server/start-sandbox';
export type {
  UmeetAccountStatus,
  UmeetLicenceEdit,
  UmeetPlan,
  UmeetProvisioningFailure,
  UmeetSandboxAccount,
  UmeetSandboxAccountInput,
  UmeetSandboxControls,
  UmeetSandboxCredentials,
  UmeetSandboxLicence,
  UmeetSuspender,
} from './umeet/umeet-controls';
export {
  UMEET_API_BASE_URL,
  UMEET_RATE_LIMITS,
  UMEET_SANDBOX_CREDENTIALS,
  UMEET_TOKEN_URL,
} from './umeet/umeet-defaults';
export type { UmeetSandboxOptions } from './umeet/umeet-options';
export { umeetSandboxPlatform } from './umeet/umeet-platform';
export type {
  UmeetLeadStatus,
  UmeetReferralControls,
  UmeetRegistrationStatus,
  UmeetSandboxDealRegistration,
  UmeetSandboxLead,
  UmeetSandboxLeadInput,
  UmeetSandboxMoney,
  UmeetSandboxReferralContact,
  UmeetSandboxReferralCustomer,
  UmeetSandboxReferralProduct,
} from './umeet/umeet-referral-controls';
export { signUmeetWebhook, umeetWebhookScheme } from './umeet/umeet-webhooks';
export type { SandboxWebhooks, WebhookValidationResult } from './webhooks/sandbox-webhooks';
export type {
  SandboxWebhookTarget,
  SandboxWebhookTargets,
  WebhookDeliveryRecord,
} from './webhooks/webhook-target';
export {
  type SignedWebhookDelivery,
  type ZoomWebhookDeliveryOptions,
  zoomWebhookDelivery,
} from './webhooks/zoom-webhook-delivery';
export { signZoomWebhook, zoomWebhookScheme } from './webhooks/zoom-webhook-scheme';
export type {
  ZhumuEnterpriseStatusCode,
  ZhumuLicenceStatusCode,
  ZhumuPlan,
  ZhumuSandboxControls,
  ZhumuSandboxCredentials,
  ZhumuSandboxEnterprise,
  ZhumuSandboxEnterpriseInput,
  ZhumuSandboxLicence,
  ZhumuSandboxOptions,
} from './zhumu/zhumu-controls';
export {
  ZHUMU_API_BASE_URL,
  ZHUMU_PATH_PREFIX,
  ZHUMU_RATE_LIMITS_PER_MINUTE,
  ZHUMU_SANDBOX_CREDENTIALS,
  ZHUMU_SANDBOX_RATE_LIMITS,
} from './zhumu/zhumu-defaults';
export { zhumuSandboxPlatform } from './zhumu/zhumu-platform';
export { signZhumuCallback, zhumuWebhookScheme } from './zhumu/zhumu-webhooks';
export type {
  ZoomPlanStatus,
  ZoomPlanType,
  ZoomSandboxAccount,
  ZoomSandboxAccountInput,
  ZoomSandboxControls,
  ZoomSandboxCredentials,
  ZoomSandboxPlan,
  ZoomSandboxPlanInput,
  ZoomSandboxUser,
  ZoomSandboxUserInput,
  ZoomUserStatus,
  ZoomUserType,
} from './zoom/zoom-controls';
export {
  ZOOM_API_BASE_URL,
  ZOOM_BUSINESS_RATE_LIMITS,
  ZOOM_OAUTH_URL,
  ZOOM_SANDBOX_CREDENTIALS,
} from './zoom/zoom-defaults';
export { zoomSandboxPlatform } from './zoom/zoom-platform';
export {
  ZOOM_COMMERCE_SANDBOX_CATALOG,
  ZOOM_COMMERCE_SANDBOX_PRICE_LISTS,
  type ZoomCommerceCatalogOffer,
  type ZoomCommerceCatalogPriceList,
} from './zoom-commerce/commerce-catalog';
export type {
  ZoomCommerceAccountStatus,
  ZoomCommerceDealReview,
  ZoomCommerceSandboxContact,
  ZoomCommerceSandboxControls,
  ZoomCommerceSandboxCustomer,
  ZoomCommerceSandboxDealRegistration,
  ZoomCommerceSandboxLine,
  ZoomCommerceSandboxOptions,
  ZoomCommerceSandboxOrder,
  ZoomCommerceSandboxProductGroup,
  ZoomCommerceSandboxSubscription,
  ZoomDealRegistrationStatus,
} from './zoom-commerce/commerce-controls';
