/**
 * The channelkit client, the hub, licence sync, state stores, the adapter port, the HTTP transport and the error tree.
 * @module
 * @mergeModuleWith <project>
 */

// The public API of @channelkit/core, exported by name; everything else is private.

export type { ApiKeyLocation, ApiKeyOptions, ApiKeyPairOptions } from './auth/api-key';
export { apiKey, apiKeyPair } from './auth/api-key';
export type { AuthContext, AuthStrategy, OutgoingRequest } from './auth/auth-strategy';
export { bearerToken } from './auth/bearer-token';
export type {
  OAuth2ClientCredentialsOptions,
  OAuth2ClientCredentialsStrategy,
} from './auth/oauth2-client-credentials';
export { oauth2ClientCredentials } from './auth/oauth2-client-credentials';
export { signRequest } from './auth/sign-request';
export { accountIdSchema, referralIdSchema } from './client/account-id';
export type { AccountsResource } from './client/accounts-resource';
export type { ClientEventListener, ClientEventMap, ClientEventName } from './client/client-events';
export type { ClientOptions, RequestOptions } from './client/client-options';
export type { ChannelClient } from './client/create-client';
export { createClient } from './client/create-client';
export type { LicencesResource } from './client/licences-resource';
export type { ReferralsResource } from './client/referrals-resource';
export type {
  ApiErrorDetail,
  ApiErrorOptions,
  CreateApiErrorOptions,
  RateLimitErrorOptions,
  RedirectErrorOptions,
} from './errors/api-error';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createApiError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  RedirectError,
  ServerError,
} from './errors/api-error';
export type { ChannelErrorCode, ChannelErrorOptions } from './errors/channel-error';
export { ChannelError, isChannelError } from './errors/channel-error';
export type { ConfigurationErrorOptions } from './errors/configuration-error';
export { ConfigurationError } from './errors/configuration-error';
export type { IdempotencyKeyInUseErrorOptions } from './errors/idempotency-key-in-use-error';
export { IdempotencyKeyInUseError } from './errors/idempotency-key-in-use-error';
export type { IdempotencyKeyReuseErrorOptions } from './errors/idempotency-key-reuse-error';
export { IdempotencyKeyReuseError } from './errors/idempotency-key-reuse-error';
export { isAmbiguousFailure } from './errors/is-ambiguous-failure';
export type {
  ConnectionErrorOptions,
  NetworkErrorOptions,
  TimeoutErrorOptions,
} from './errors/network-errors';
export { AbortError, ConnectionError, TimeoutError } from './errors/network-errors';
export type {
  PaginationErrorOptions,
  PaginationStopReason,
} from './errors/pagination-error';
export { PaginationError } from './errors/pagination-error';
export type { PartiallyAppliedErrorOptions, PartialProgress } from './errors/partially-applied-error';
export { PartiallyAppliedError } from './errors/partially-applied-error';
export type { PlanInUseErrorOptions } from './errors/plan-in-use-error';
export { PlanInUseError } from './errors/plan-in-use-error';
export type { ReferralTransitionErrorOptions } from './errors/referral-transition-error';
export { ReferralTransitionError } from './errors/referral-transition-error';
export type { RequestSummary } from './errors/request-summary';
export type { ResponseTooLargeErrorOptions } from './errors/response-too-large-error';
export { ResponseTooLargeError } from './errors/response-too-large-error';
export type { ResponseValidationContext } from './errors/response-validation-error';
export { ResponseValidationError } from './errors/response-validation-error';
export type { StateStoreErrorOptions } from './errors/state-store-error';
export { StateStoreError } from './errors/state-store-error';
export { SyncConflictError } from './errors/sync-conflict-error';
export type { UnsupportedOperationErrorOptions } from './errors/unsupported-operation-error';
export { UnsupportedOperationError } from './errors/unsupported-operation-error';
export type { ValidationErrorOptions, ValidationIssue } from './errors/validation-error';
export { ValidationError } from './errors/validation-error';
export type {
  WebhookVerificationErrorOptions,
  WebhookVerificationReason,
} from './errors/webhook-verification-error';
export { WebhookVerificationError } from './errors/webhook-verification-error';
export type {
  RateLimitedEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
  RetryReason,
  TransportErrorEvent,
  TransportEventBase,
  TransportEventMap,
} from './events/transport-events';
export { TRANSPORT_EVENT_NAMES } from './events/transport-events';
export type {
  ChannelHub,
  HubDesiredLicence,
  HubLicencesResource,
  HubOptions,
  HubReferralsResource,
} from './hub/create-hub';
export { createHub } from './hub/create-hub';
export type { LeadRouter, LeadRouterOptions, LeadRouterState, RouteLeadOptions } from './hub/lead-router';
export { createLeadRouter } from './hub/lead-router';
export { LeadRoutingError } from './hub/lead-routing-error';
export type {
  AnyLeadRule,
  CustomLeadRule,
  LeadRoute,
  LeadRule,
  LeadRuleTrace,
  LeadTarget,
  MainlandLeadRule,
  ProductsLeadRule,
  RegionLeadRule,
  RoutableLead,
} from './hub/lead-rules';
export { MAINLAND_CHINA_PLATFORMS } from './hub/lead-rules';
export type { IdempotencyOptions } from './idempotency/idempotency-options';
export { DEFAULT_IDEMPOTENCY_LEASE_MS, DEFAULT_IDEMPOTENCY_TTL_MS } from './idempotency/idempotency-options';
export type {
  IdempotencyClaim,
  IdempotencyClaimed,
  IdempotencyClaimRequest,
  IdempotencyCompleted,
  IdempotencyCompletion,
  IdempotencyInProgress,
  IdempotencyMismatch,
  IdempotencyProgress,
  IdempotencyStore,
  JsonValue,
} from './idempotency/idempotency-store';
export type { MemoryIdempotencyStoreOptions } from './idempotency/memory-idempotency-store';
export { createMemoryIdempotencyStore } from './idempotency/memory-idempotency-store';
export type { Logger } from './logging/logger';
export { silentLogger } from './logging/logger';
export type { CursorTokenOptions, OffsetOptions, PageNumberOptions } from './pagination/page-styles';
export { byCursorToken, byOffset, byPageNumber } from './pagination/page-styles';
export type { PaginationBounds } from './pagination/pagination-bounds';
export { DEFAULT_PAGINATION_BOUNDS } from './pagination/pagination-bounds';
export type { CollectOptions, FetchPage, Page, PaginateOptions, Paginator } from './pagination/paginator';
export { paginate, paginatorOf } from './pagination/paginator';
export type {
  AccountsPort,
  LicencesPort,
  OperationContext,
  PartnerAdapter,
  ReferralsPort,
  ReferralTransition,
  TransportSettings,
} from './port/adapter-port';
export { findDuplicateReferral, type RegisteredReferral } from './port/find-duplicate-referral';
export { parseWire } from './port/parse-wire';
export { referralIdKind } from './port/referral-id-kind';
export type { ExistingAccount, SameCustomerCheck } from './port/same-customer';
export { ensureSameCustomer } from './port/same-customer';
export type { SubmitReferralOnceOptions } from './port/submit-referral-once';
export { submitReferralOnce } from './port/submit-referral-once';
export type { TextLengthRule } from './port/text-length';
export { checkTextLength } from './port/text-length';
export type { Redactor } from './redaction/redactor';
export { createRedactor, isSensitiveHeader, isSensitiveParam, REDACTED } from './redaction/redactor';
export type { FileStateStore, FileStateStoreOptions } from './state/file-state-store';
export { createFileStateStore } from './state/file-state-store';
export type { MemoryStateStoreOptions, StateStore } from './state/memory-state-store';
export { createMemoryStateStore } from './state/memory-state-store';
export type {
  OutcomeRecordAnswer,
  OutcomeRecordRequest,
  PlanLockAcquired,
  PlanLockAnswer,
  PlanLockHeld,
  PlanLockRequest,
  RecordedActionEntry,
  RecordedActionOutcome,
  RecordedActionStatus,
  SyncStateStore,
} from './state/sync-state-store';
export type { HubLicenceApplyOptions, LicenceApplyOptions } from './sync/apply-plan';
export type {
  LicenceActionOutcome,
  LicenceActionStatus,
  LicenceApplyProgress,
  LicenceApplyReport,
  ReportedError,
} from './sync/apply-report';
export type { DesiredLicence } from './sync/desired-licence';
export { desiredLicenceSchema } from './sync/desired-licence';
export type {
  LicenceAction,
  LicenceActionKind,
  LicenceFigures,
  LicencePlan,
  LicencePlanPlatform,
  LicencePlanSummary,
  LicenceTarget,
  LicenceViolation,
  LicenceViolationRule,
} from './sync/licence-plan';
export {
  LICENCE_ACTION_KINDS,
  LICENCE_PLAN_FORMAT,
  LICENCE_PLAN_VERSION,
  LICENCE_VIOLATION_RULES,
} from './sync/licence-plan';
export { hashLicencePlan, licenceActionKey } from './sync/plan-hash';
export type { HubLicencePlanOptions, LicencePlanOptions, LicencePlanProgress } from './sync/plan-licences';
export { DEFAULT_SYNC_CONCURRENCY } from './sync/plan-licences';
export type { SeatRules, SeatRuleViolation } from './sync/seat-rules';
export { verifyLicencePlan } from './sync/verify-plan';
export { computeBackoffDelay, parseRetryAfter } from './transport/backoff';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  MAX_RESPONSE_BYTES_LIMIT,
  MAX_TIMER_MS,
} from './transport/defaults';
export type { HttpTransport } from './transport/http-transport';
export { createHttpTransport } from './transport/http-transport';
export { createMemorySharedRateLimit } from './transport/memory-shared-rate-limit';
export type { SharedRateLimit } from './transport/shared-rate-limit';
export { abortErrorFrom, sleep } from './transport/sleep';
export type {
  ErrorParser,
  HttpMethod,
  HttpTransportOptions,
  ParamValue,
  PlatformErrorInfo,
  RetryOptions,
  TransportRequest,
  TransportResponse,
} from './transport/transport-types';
export { VERSION } from './version';
export type {
  NodeHandlerOptions,
  NodeWebhookHandler,
  NodeWebhookRequest,
  NodeWebhookResponse,
} from './webhooks/node-handler';
export { DEFAULT_WEBHOOK_MAX_BODY_BYTES } from './webhooks/node-handler';
export { RAW_BODY_HINT } from './webhooks/raw-body';
export {
  type PlatformReferralChange,
  type ReferralEventBase,
  referralChangedEvent,
} from './webhooks/referral-changed-event';
export {
  checkTimestamp,
  findSigningSecret,
  hmacSha256Hex,
  parseEpochSeconds,
  signaturesMatch,
} from './webhooks/signature';
export type { WebhookRequestHeaders } from './webhooks/webhook-headers';
export type { WebhookOptions } from './webhooks/webhook-options';
export {
  DEFAULT_WEBHOOK_DEDUPE_TTL_MS,
  DEFAULT_WEBHOOK_TOLERANCE_MS,
  toWebhookSecrets,
} from './webhooks/webhook-options';
export type {
  WebhookChallenge,
  WebhookEvents,
  WebhookHeaderReader,
  WebhookVerification,
  WebhookVerifier,
  WebhookVerifyContext,
} from './webhooks/webhook-verifier';
export type { WebhooksResource } from './webhooks/webhooks-resource';
