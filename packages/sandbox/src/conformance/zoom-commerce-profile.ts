import type { ProvisionAccountInput, ReferralInput, ReferralStatus } from '@channelkit/types';
import type { Sandbox } from '../create-sandbox';
import type { PlatformUrls } from '../platform/platform-urls';
import { zoomSandboxPlatform } from '../zoom/zoom-platform';
import { ZOOM_COMMERCE_SANDBOX_PRICE_LISTS } from '../zoom-commerce/commerce-catalog';
import type { ZoomCommerceDealReview } from '../zoom-commerce/commerce-controls';
import type { PlatformConformanceProfile } from './conformance-target';
import { internationalCustomer } from './customers';

const zoom = zoomSandboxPlatform();

/** Settings that point `zoomCommerce(...)` at the sandbox: the Zoom credentials, URLs, a base plan and a sales rep. */
export interface RunningZoomCommerceCredentials {
  /** The partner's account id. */
  readonly accountId: string;
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret. */
  readonly clientSecret: string;
  /** Commerce API base URL. */
  readonly baseUrl: string;
  /** OAuth token URL. */
  readonly oauthUrl: string;
  /** A base-plan price list of the sandbox catalog, ordered when provisioning with seats. */
  readonly defaultPlan: string;
  /** The partner's sales representative in the sandbox, cited by deal registrations. */
  readonly salesRepContactCrmNumber: string;
}

function url(urls: PlatformUrls, name: string): string {
  const value = urls[name];
  if (value === undefined) throw new Error(`The Zoom sandbox platform has no ${name}.`);
  return value;
}

/** A customer Zoom Partner Commerce accepts: the international customer, with a job title and a state. */
function commerceCustomer(n: number, seats?: number): ProvisionAccountInput {
  const customer = internationalCustomer(n, seats);
  const address = customer.profile.address;
  return {
    ...customer,
    profile: { ...customer.profile, ...(address ? { address: { ...address, region: 'Singapore' } } : {}) },
    admin: { ...customer.admin, jobTitle: 'IT Manager' },
  };
}

function referralInput(n: number): ReferralInput {
  const { profile, admin } = commerceCustomer(100 + n);
  return {
    name: `${profile.legalName} – 250 seats`,
    customer: {
      legalName: profile.legalName,
      country: profile.country,
      industry: profile.industry,
      employeeCount: profile.employeeCount,
      website: profile.website,
      address: profile.address,
    },
    contacts: [admin],
    products: [{ code: 'Meetings', quantity: 250 }],
    estimatedValue: { amountMinor: 458_250, currency: 'USD' },
    expectedCloseDate: '2026-09-30',
    activities: [{ type: 'Meeting', date: '2026-01-10' }],
  };
}

/** What Zoom's reviewers do to move a registration to each unified state. */
const REVIEWS: Record<Exclude<ReferralStatus, 'draft'>, ZoomCommerceDealReview> = {
  submitted: { status: 'Submitted' },
  in_review: { status: 'In Review' },
  action_required: { status: 'Returned', reason: 'Name the decision maker' },
  accepted: { status: 'Approved' },
  won: { status: 'Approved', opportunityStage: 'Closed Won' },
  lost: { status: 'Approved', opportunityStage: 'Closed Lost' },
  declined: { status: 'Denied', reason: 'Registered by another partner' },
  expired: { status: 'Expired' },
  cancelled: { status: 'Revoked', reason: 'No activity' },
};

/**
 * How the conformance suite drives Zoom's Partner Commerce API in the sandbox; the connection is what
 * `zoomCommerce(...)` takes. The same in-memory Zoom serves both modes.
 */
export const zoomCommerceConformanceProfile: PlatformConformanceProfile<RunningZoomCommerceCredentials> = {
  partner: 'zoom',
  sandboxPlatform: zoom,
  createAccountRequest: { method: 'POST', path: /\/commerce\/account$/ },
  getAccountRequest: { method: 'GET', path: /\/commerce\/accounts\/[^/]+$/ },
  connection: (urls: PlatformUrls, sandbox: Sandbox) => {
    const controls = sandbox.controls(zoom);
    const { accountId, clientId, clientSecret } = controls.credentials;
    return {
      accountId,
      clientId,
      clientSecret,
      baseUrl: url(urls, 'baseUrl'),
      oauthUrl: url(urls, 'oauthUrl'),
      defaultPlan: ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly,
      salesRepContactCrmNumber: controls.commerce.salesRepContactCrmNumber,
    };
  },
  wrongCredentials: (connection) => {
    const secret = 'wrong-secret-0123456789';
    return {
      connection: { ...connection, clientSecret: secret },
      secrets: [secret, Buffer.from(`${connection.clientId}:${secret}`).toString('base64')],
    };
  },
  customer: commerceCustomer,
  assignSeats(sandbox: Sandbox, accountId: string, count: number) {
    // Licences are assigned in the customer's own Zoom account, which the Commerce API does not report.
    sandbox.controls(zoom).commerce.assignSeats(accountId, count);
  },
  reportsAssignedSeats: false,
  readOnlyRequests: [
    { method: 'POST', path: /\/commerce\/catalog$/ },
    { method: 'POST', path: /\/commerce\/order\/preview$/ },
  ],
  referrals: {
    input: referralInput,
    submitRequest: { method: 'POST', path: /\/commerce\/deal_registration$/ },
    review(sandbox: Sandbox, referralId: string, to: ReferralStatus) {
      if (to === 'draft') throw new Error('Zoom deal registrations are never drafts.');
      sandbox.controls(zoom).commerce.reviewDealRegistration(referralId, REVIEWS[to]);
    },
  },
};
