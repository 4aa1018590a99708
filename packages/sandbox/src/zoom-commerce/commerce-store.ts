import { type Random, randomId } from '../internal/prng';
import type {
  ZoomCommerceAccountStatus,
  ZoomCommerceDealReview,
  ZoomCommerceSandboxContact,
  ZoomCommerceSandboxControls,
  ZoomCommerceSandboxCustomer,
  ZoomCommerceSandboxDealRegistration,
  ZoomCommerceSandboxOrder,
  ZoomCommerceSandboxSubscription,
  ZoomDealRegistrationStatus,
} from './commerce-controls';

/** A contact record. */
export interface ContactRecord {
  crmNumber: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  phone: string;
  primaryRole: string | undefined;
}

/** An address as Zoom's Commerce API carries it. */
export interface AddressRecord {
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string | undefined;
  state: string;
  country: string;
}

/** An end customer. */
export interface CustomerRecord {
  createReferenceId: string;
  crmAccountNumber: string | undefined;
  zoomAccountNumber: string | undefined;
  status: ZoomCommerceAccountStatus;
  statusDetail: string | undefined;
  pendingLookups: number;
  accountName: string;
  employeeCount: string;
  website: string;
  currency: string;
  billingAddress: AddressRecord;
  contacts: ContactRecord[];
  createdAt: number;
  licensedUsers: number;
}

/** A subscription line. */
export interface LineRecord {
  offerId: string;
  offerName: string;
  offerType: 'Base Plan' | 'Add-on';
  sku: string;
  priceListId: string;
  priceListName: string;
  partnerSkuCode: string;
  quantity: number;
  unitPrice: number;
  billingPeriod: 'Month' | 'Annual';
  startDate: string;
  endDate: string | undefined;
  status: 'Active' | 'Removed';
}

/** A term of a subscription. */
export interface TermRecord {
  termType: string;
  termPeriod: number | undefined;
  startDate: string;
  endDate: string | undefined;
}

/** One version of a subscription: what an order did to it. */
export interface VersionRecord {
  version: number;
  actions: string[];
  startDate: string;
  mrr: number;
}

/** A subscription. */
export interface SubscriptionRecord {
  number: string;
  status: 'Active' | 'Cancelled';
  crmAccountNumber: string;
  soldToContact: string;
  currency: string;
  autoRenew: boolean;
  initialTerm: TermRecord;
  renewalTerm: TermRecord | undefined;
  startDate: string;
  endDate: string | undefined;
  orderNumber: string;
  poNumber: string | undefined;
  dealRegNumber: string | undefined;
  lines: LineRecord[];
  versions: VersionRecord[];
  createdAt: number;
  updatedAt: number;
}

/** An order. */
export interface OrderRecord {
  orderReferenceId: string;
  orderNumber: string;
  orderType: string;
  description: string | undefined;
  dealRegNumber: string | undefined;
  poNumber: string | undefined;
  orderDate: string;
  crmAccountNumber: string;
  subscriptionNumbers: string[];
  mrr: number;
  currency: string;
  createdAt: number;
}

/** A deal registration. */
export interface DealRecord {
  dealRegNumber: string;
  createReferenceId: string;
  status: ZoomDealRegistrationStatus;
  opportunityStage: string;
  opportunityNumber: string;
  statusDetail: { return_reason?: string; revoke_reason?: string; denied_reason?: string };
  opportunityType: string;
  opportunityName: string;
  opportunityDesc: string | undefined;
  crmAccountNumber: string;
  primaryContact: string;
  otherContacts: string[];
  salesRep: string;
  partnerContacts: string[];
  metDecisionMaker: boolean;
  decisionMaker: string | undefined;
  budgetIdentified: boolean | undefined;
  isPublicSector: boolean | undefined;
  buyGovSkus: boolean | undefined;
  department: string[];
  industry: string;
  estimatedCloseDate: string;
  estimatedMrr: number;
  currency: string;
  requiresProfessionalServices: boolean;
  professionalServicesDescription: string | undefined;
  phoneCarrier: string | undefined;
  productGroups: { name: string; quantity: number }[];
  campaignNumber: string | undefined;
  salesActivities: { number: string; type: string; date: string }[];
  rfp: { isRfp: boolean; link?: string; issueDate?: string; dueDate?: string } | undefined;
  submitter: string | undefined;
  migrationType: string | undefined;
  additionalComments: string | undefined;
  submittedOn: string;
  approvedOn: string | undefined;
  deniedOn: string | undefined;
  originalExpiry: string | undefined;
  extendedExpiry: string | undefined;
  updates: number;
}

interface Cursor {
  scope: string;
  offset: number;
  expiresAt: number;
}

const PAGE_TOKEN_TTL_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an approved registration protects the deal, in days. */
const PROTECTION_DAYS = 90;

/** `YYYY-MM-DD` in UTC. */
export function commerceDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function sequence(prefix: string, width: number) {
  let next = 1;
  return () => `${prefix}${String(next++).padStart(width, '0')}`;
}

/** The in-memory state of the partner's Commerce API: end customers, orders, subscriptions, deal registrations. */
export class CommerceStore implements ZoomCommerceSandboxControls {
  readonly now: () => number;
  readonly #random: Random;
  readonly customers: CustomerRecord[] = [];
  readonly subscriptions: SubscriptionRecord[] = [];
  readonly orders: OrderRecord[] = [];
  readonly deals: DealRecord[] = [];
  /** The partner's own contacts; the first is its sales representative. */
  readonly partnerContacts: ContactRecord[];
  readonly #cursors = new Map<string, Cursor>();
  #pendingLookups: number;
  readonly #crmNumber = sequence('ACC-', 7);
  readonly #contactNumber = sequence('CON-', 7);
  readonly #subscriptionNumber = sequence('A-S', 8);
  readonly #orderNumber = sequence('O-', 8);
  readonly #dealNumber = sequence('DR-', 6);
  readonly #opportunityNumber = sequence('OPP-', 6);
  readonly #activityNumber = sequence('SA-', 7);
  #zoomAccountNumber = 7_100_000_001;

  constructor(options: { now: () => number; random: Random; pendingAccountLookups?: number | undefined }) {
    this.now = options.now;
    this.#random = options.random;
    const pending = options.pendingAccountLookups ?? 1;
    if (!Number.isInteger(pending) || pending < 0) {
      throw new RangeError('commerce.pendingAccountLookups must be a whole number, 0 or more.');
    }
    this.#pendingLookups = pending;
    this.partnerContacts = [
      {
        crmNumber: this.#contactNumber(),
        firstName: 'Sam',
        lastName: 'Partner',
        jobTitle: 'Account Executive',
        email: 'sam.partner@reseller.example',
        phone: '+6560000000',
        primaryRole: 'Admin',
      },
    ];
  }

  get salesRepContactCrmNumber(): string {
    return (this.partnerContacts[0] as ContactRecord).crmNumber;
  }

  randomReference(): string {
    return randomId(this.#random, 32);
  }

  nextContactNumber(): string {
    return this.#contactNumber();
  }

  nextSubscriptionNumber(): string {
    return this.#subscriptionNumber();
  }

  nextOrderNumber(): string {
    return this.#orderNumber();
  }

  nextDealNumber(): string {
    return this.#dealNumber();
  }

  nextOpportunityNumber(): string {
    return this.#opportunityNumber();
  }

  nextActivityNumber(): string {
    return this.#activityNumber();
  }

  // --- end customers ------------------------------------------------------------------------------------------

  /** Creates an end customer; pending for the configured number of lookups. */
  insertCustomer(
    input: Omit<
      CustomerRecord,
      | 'createReferenceId'
      | 'crmAccountNumber'
      | 'zoomAccountNumber'
      | 'status'
      | 'statusDetail'
      | 'pendingLookups'
      | 'createdAt'
      | 'licensedUsers'
    >,
  ): CustomerRecord {
    const customer: CustomerRecord = {
      ...input,
      createReferenceId: this.randomReference(),
      crmAccountNumber: undefined,
      zoomAccountNumber: undefined,
      status: 'submitted',
      statusDetail: 'The account is being created.',
      pendingLookups: this.#pendingLookups,
      createdAt: this.now(),
      licensedUsers: 0,
    };
    this.customers.push(customer);
    if (customer.pendingLookups === 0) this.#complete(customer, 'success');
    return customer;
  }

  #complete(customer: CustomerRecord, outcome: 'success' | 'failure'): void {
    if (customer.status === 'success' || customer.status === 'failure') return;
    customer.pendingLookups = 0;
    customer.status = outcome;
    if (outcome === 'success') {
      customer.crmAccountNumber = this.#crmNumber();
      customer.statusDetail = undefined;
      for (const contact of customer.contacts) contact.crmNumber ||= this.#contactNumber();
    } else {
      customer.statusDetail = 'The account could not be created; contact your Zoom channel manager.';
    }
  }

  /** Counts one lookup of a pending creation by its create reference; the creation completes at zero. */
  lookedUp(customer: CustomerRecord): void {
    if (customer.status !== 'submitted' && customer.status !== 'in review') return;
    customer.pendingLookups -= 1;
    if (customer.pendingLookups <= 0) this.#complete(customer, 'success');
    else customer.status = 'in review';
  }

  /** An end customer whose creation completed, by CRM account number. */
  customer(crmAccountNumber: string): CustomerRecord | undefined {
    return this.customers.find((customer) => customer.crmAccountNumber === crmAccountNumber);
  }

  // --- subscriptions ------------------------------------------------------------------------------------------

  subscription(number: string): SubscriptionRecord | undefined {
    return this.subscriptions.find((subscription) => subscription.number === number);
  }

  /** Gives the customer a Zoom account number with its first subscription. */
  zoomAccountFor(customer: CustomerRecord): string {
    customer.zoomAccountNumber ??= String(this.#zoomAccountNumber++);
    return customer.zoomAccountNumber;
  }

  // --- deal registrations -------------------------------------------------------------------------------------

  deal(number: string): DealRecord | undefined {
    return this.deals.find((deal) => deal.dealRegNumber === number);
  }

  /** Every contact CRM number known to the partner: its own contacts and those of its end customers. */
  contact(crmNumber: string): { contact: ContactRecord; customer: CustomerRecord | undefined } | undefined {
    const own = this.partnerContacts.find((contact) => contact.crmNumber === crmNumber);
    if (own) return { contact: own, customer: undefined };
    for (const customer of this.customers) {
      const contact = customer.contacts.find((candidate) => candidate.crmNumber === crmNumber);
      if (contact) return { contact, customer };
    }
    return undefined;
  }

  // --- pagination ---------------------------------------------------------------------------------------------

  /** Pages `items` by `next_page_token`, as `GET /commerce/subscriptions` does; `undefined` for a bad token. */
  pageByToken<T>(
    scope: string,
    items: readonly T[],
    pageSize: number,
    token: string | undefined,
  ): { items: T[]; nextPageToken: string | undefined } | undefined {
    let offset = 0;
    if (token) {
      const cursor = this.#cursors.get(token);
      if (!cursor || cursor.scope !== scope || this.now() >= cursor.expiresAt) return undefined;
      offset = cursor.offset;
    }
    const end = offset + pageSize;
    let nextPageToken: string | undefined;
    if (end < items.length) {
      const now = this.now();
      for (const [key, cursor] of this.#cursors) if (now >= cursor.expiresAt) this.#cursors.delete(key);
      nextPageToken = randomId(this.#random, 32);
      this.#cursors.set(nextPageToken, { scope, offset: end, expiresAt: now + PAGE_TOKEN_TTL_MS });
    }
    return { items: items.slice(offset, end), nextPageToken };
  }

  // --- controls -----------------------------------------------------------------------------------------------

  listCustomers(): ZoomCommerceSandboxCustomer[] {
    return this.customers.map(snapshotCustomer);
  }

  getCustomer(key: string): ZoomCommerceSandboxCustomer | undefined {
    const customer = this.customers.find(
      (candidate) => candidate.crmAccountNumber === key || candidate.createReferenceId === key,
    );
    return customer && snapshotCustomer(customer);
  }

  holdAccountCreation(lookups: number): void {
    if (!Number.isInteger(lookups) || lookups < 0) {
      throw new RangeError('holdAccountCreation: lookups must be a whole number, 0 or more.');
    }
    this.#pendingLookups = lookups;
  }

  completeAccountCreation(
    createReferenceId: string,
    outcome: 'success' | 'failure' = 'success',
  ): ZoomCommerceSandboxCustomer {
    const customer = this.customers.find((candidate) => candidate.createReferenceId === createReferenceId);
    if (!customer) throw new Error(`No sandbox end customer with create reference ${createReferenceId}`);
    this.#complete(customer, outcome);
    return snapshotCustomer(customer);
  }

  assignSeats(crmAccountNumber: string, licensedUsers: number): ZoomCommerceSandboxCustomer {
    const customer = this.customer(crmAccountNumber);
    if (!customer) throw new Error(`No sandbox end customer ${crmAccountNumber}`);
    if (!Number.isInteger(licensedUsers) || licensedUsers < 0) {
      throw new RangeError('assignSeats: licensedUsers must be a whole number, 0 or more.');
    }
    customer.licensedUsers = licensedUsers;
    return snapshotCustomer(customer);
  }

  listSubscriptions(): ZoomCommerceSandboxSubscription[] {
    return this.subscriptions.map((subscription) => ({
      number: subscription.number,
      status: subscription.status,
      crmAccountNumber: subscription.crmAccountNumber,
      autoRenew: subscription.autoRenew,
      version: subscription.versions.length,
      lines: subscription.lines.map((line) => ({
        priceListId: line.priceListId,
        offerName: line.offerName,
        offerType: line.offerType,
        quantity: line.quantity,
        status: line.status,
      })),
    }));
  }

  listOrders(): ZoomCommerceSandboxOrder[] {
    return this.orders.map((order) => ({
      orderReferenceId: order.orderReferenceId,
      orderNumber: order.orderNumber,
      poNumber: order.poNumber,
      dealRegNumber: order.dealRegNumber,
      subscriptionNumbers: [...order.subscriptionNumbers],
    }));
  }

  listDealRegistrations(): ZoomCommerceSandboxDealRegistration[] {
    return this.deals.map(snapshotDeal);
  }

  getDealRegistration(dealRegNumber: string): ZoomCommerceSandboxDealRegistration | undefined {
    const deal = this.deal(dealRegNumber);
    return deal && snapshotDeal(deal);
  }

  reviewDealRegistration(
    dealRegNumber: string,
    review: ZoomCommerceDealReview,
  ): ZoomCommerceSandboxDealRegistration {
    const deal = this.deal(dealRegNumber);
    if (!deal) throw new Error(`No sandbox deal registration ${dealRegNumber}`);
    const today = commerceDate(this.now());
    deal.status = review.status;
    if (review.opportunityStage !== undefined) deal.opportunityStage = review.opportunityStage;
    switch (review.status) {
      case 'Approved':
        deal.approvedOn = today;
        deal.originalExpiry = commerceDate(this.now() + PROTECTION_DAYS * DAY_MS);
        break;
      case 'Denied':
        deal.deniedOn = today;
        if (review.reason !== undefined) deal.statusDetail.denied_reason = review.reason;
        break;
      case 'Returned':
        if (review.reason !== undefined) deal.statusDetail.return_reason = review.reason;
        break;
      case 'Revoked':
        if (review.reason !== undefined) deal.statusDetail.revoke_reason = review.reason;
        break;
      default:
        break;
    }
    return snapshotDeal(deal);
  }
}

function snapshotContact(contact: ContactRecord): ZoomCommerceSandboxContact {
  return { ...contact };
}

function snapshotCustomer(customer: CustomerRecord): ZoomCommerceSandboxCustomer {
  return {
    createReferenceId: customer.createReferenceId,
    crmAccountNumber: customer.crmAccountNumber,
    zoomAccountNumber: customer.zoomAccountNumber,
    status: customer.status,
    accountName: customer.accountName,
    country: customer.billingAddress.country,
    currency: customer.currency,
    website: customer.website,
    employeeCount: customer.employeeCount,
    contacts: customer.contacts.map(snapshotContact),
    licensedUsers: customer.licensedUsers,
  };
}

function snapshotDeal(deal: DealRecord): ZoomCommerceSandboxDealRegistration {
  return {
    dealRegNumber: deal.dealRegNumber,
    createReferenceId: deal.createReferenceId,
    status: deal.status,
    opportunityStage: deal.opportunityStage,
    opportunityName: deal.opportunityName,
    crmAccountNumber: deal.crmAccountNumber,
    productGroups: deal.productGroups.map((group) => ({ ...group })),
    estimatedMrr: deal.estimatedMrr,
    currency: deal.currency,
    updates: deal.updates,
  };
}
