export { COUNTRY_CODES } from './data/country-codes';
export { CURRENCY_CODES } from './data/currency-codes';
export { ACCOUNT_STATUSES, type AccountStatus, accountStatusSchema } from './domain/account-status';
export {
  type AccountCapabilities,
  type Capabilities,
  capabilitiesSchema,
  type LicenceCapabilities,
  NO_REFERRAL_CAPABILITIES,
  type ReferralCapabilities,
} from './domain/capabilities';
export {
  type AccountActivatedEvent,
  type AccountClosedEvent,
  type AccountProvisionedEvent,
  type AccountSuspendedEvent,
  CHANNEL_EVENT_TYPES,
  type ChannelEvent,
  type ChannelEventBase,
  type ChannelEventOf,
  type ChannelEventType,
  channelEventSchema,
  type LicenceChangedEvent,
  type ReferralReceivedEvent,
  type ReferralSubmittedEvent,
  type ReferralUpdatedEvent,
  type SyncCompletedEvent,
} from './domain/channel-event';
export { COMMITMENT_KINDS, type CommitmentKind, commitmentKindSchema } from './domain/commitment-kind';
export { type Contact, contactSchema } from './domain/contact';
export {
  CUSTOMER_MARKETS,
  type CustomerMarket,
  type CustomerPolicy,
  type CustomerPolicyIssue,
  checkCustomerPolicy,
  customerPolicySchema,
  MAINLAND_CHINA_ENTERPRISE_POLICY,
} from './domain/customer-policy';
export {
  EMPLOYEE_COUNT_BANDS,
  type EmployeeCountBand,
  employeeCountBandSchema,
} from './domain/employee-count-band';
export {
  type AccountOwner,
  type EnterpriseAccount,
  enterpriseAccountSchema,
} from './domain/enterprise-account';
export {
  type EnterpriseProfile,
  enterpriseProfileSchema,
  type PartialEnterpriseProfile,
} from './domain/enterprise-profile';
export { type LicenceChange, licenceChangeSchema } from './domain/licence-change';
export {
  type LicenceFigures,
  type LicencePreview,
  type LicencePreviewCharges,
  licencePreviewSchema,
  type MoneyChange,
} from './domain/licence-preview';
export {
  LICENCE_STATUSES,
  type LicenceState,
  type LicenceStatus,
  type LicenceTerm,
  licenceStateSchema,
  licenceStatusSchema,
  type SeatCounts,
} from './domain/licence-state';
export { type ListAccountsQuery, listAccountsQuerySchema, MAX_PAGE_SIZE } from './domain/list-accounts-query';
export { type ListReferralsQuery, listReferralsQuerySchema } from './domain/list-referrals-query';
export {
  ACCOUNT_CHANGE_KINDS,
  type AccountChangedEvent,
  type AccountChangeKind,
  type AccountFieldChanges,
  accountChangedEventSchema,
  type ReferralChangedEvent,
  referralChangedEventSchema,
} from './domain/platform-change-events';
export { type PostalAddress, postalAddressSchema } from './domain/postal-address';
export { type ProvisionAccountInput, provisionAccountInputSchema } from './domain/provision-account-input';
export {
  type Referral,
  type ReferralContact,
  type ReferralCustomer,
  type ReferralDirection,
  type ReferralProduct,
  referralDirectionSchema,
  referralSchema,
} from './domain/referral';
export {
  REFERRAL_ACTIONS,
  type ReferralAction,
  type ReferralTransitionInput,
  referralActionSchema,
  referralTransitionInputSchema,
} from './domain/referral-action';
export {
  type ReferralActivity,
  type ReferralCustomerInput,
  type ReferralInput,
  type ReferralProductInput,
  referralActivitySchema,
  referralInputSchema,
  referralProductInputSchema,
} from './domain/referral-input';
export { type ReferralPatch, referralPatchSchema } from './domain/referral-patch';
export {
  canTransitionReferral,
  isFinalReferralStatus,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  type ReferralStatus,
  referralStatusSchema,
} from './domain/referral-status';
export { type SyncTotals, syncTotalsSchema } from './domain/sync-totals';
export { type Website, websiteSchema } from './domain/website';
export { type CountryCode, countryCodeSchema } from './primitives/country-code';
export { type CurrencyCode, currencyCodeSchema } from './primitives/currency-code';
export {
  type Email,
  emailSchema,
  MAX_EMAIL_LENGTH,
  MAX_EMAIL_LOCAL_PART_LENGTH,
} from './primitives/email';
export { type IsoDate, type IsoDateTime, isoDateSchema, isoDateTimeSchema } from './primitives/iso-date';
export { type Money, money, moneySchema } from './primitives/money';
export {
  isKnownPartnerId,
  KNOWN_PARTNER_IDS,
  type KnownPartnerId,
  MAX_PARTNER_ID_LENGTH,
  type PartnerId,
  partnerIdSchema,
} from './primitives/partner-id';
export {
  type E164Phone,
  e164PhoneSchema,
  type MainlandMobile,
  mainlandMobileSchema,
} from './primitives/phone';
export { MAX_SEATS, type SeatCount, seatCountSchema } from './primitives/seat-count';
export {
  checkUnifiedSocialCreditCode,
  isUnifiedSocialCreditCode,
  type UnifiedSocialCreditCodeCheck,
  type UnifiedSocialCreditCodeRule,
} from './uscc/check-unified-social-credit-code';
export {
  type UnifiedSocialCreditCode,
  unifiedSocialCreditCodeSchema,
} from './uscc/unified-social-credit-code-schema';
