/** Creation states of an end-customer account, as Zoom reports them (`status` of `POST /commerce/account`). */
export type ZoomCommerceAccountStatus = 'submitted' | 'in review' | 'success' | 'failure';

/**
 * Deal registration states as the sandbox reports them. Zoom's reference does not enumerate the values; these follow
 * the reasons its detail answer carries (returned, revoked, denied) and the states of its partner portal.
 */
export type ZoomDealRegistrationStatus =
  | 'Submitted'
  | 'In Review'
  | 'Returned'
  | 'Approved'
  | 'Denied'
  | 'Expired'
  | 'Revoked';

/** A contact of an end customer (or of the partner itself). */
export interface ZoomCommerceSandboxContact {
  /** Zoom's CRM number of the contact. */
  readonly crmNumber: string;
  /** Given name. */
  readonly firstName: string;
  /** Family name. */
  readonly lastName: string;
  /** Company e-mail. */
  readonly email: string;
  /** Job title. */
  readonly jobTitle: string;
  /** Business phone. */
  readonly phone: string;
  /** Primary role, e.g. `'Admin'`. */
  readonly primaryRole: string | undefined;
}

/** An end customer of the partner. */
export interface ZoomCommerceSandboxCustomer {
  /** The reference the create request got. */
  readonly createReferenceId: string;
  /** Zoom's CRM account number; `undefined` while creation is pending or after it failed. */
  readonly crmAccountNumber: string | undefined;
  /** The customer's Zoom account number, once its first subscription made one. */
  readonly zoomAccountNumber: string | undefined;
  /** Creation state. */
  readonly status: ZoomCommerceAccountStatus;
  /** Account name. */
  readonly accountName: string;
  /** Billing country. */
  readonly country: string;
  /** Currency of the account. */
  readonly currency: string;
  /** Web site. */
  readonly website: string;
  /** Employee count band, as sent. */
  readonly employeeCount: string;
  /** Contacts. */
  readonly contacts: readonly ZoomCommerceSandboxContact[];
  /** Users holding a licence in the customer's Zoom account (which the Commerce API does not report). */
  readonly licensedUsers: number;
}

/** A line of a subscription. */
export interface ZoomCommerceSandboxLine {
  /** The price list, `offer_price_list_id`. */
  readonly priceListId: string;
  /** The offer's name. */
  readonly offerName: string;
  /** `'Base Plan'` or `'Add-on'`. */
  readonly offerType: 'Base Plan' | 'Add-on';
  /** Licences. */
  readonly quantity: number;
  /** `'Active'`, or `'Removed'` once an order removed it. */
  readonly status: 'Active' | 'Removed';
}

/** A subscription of an end customer. */
export interface ZoomCommerceSandboxSubscription {
  /** Zoom's subscription number. */
  readonly number: string;
  /** `'Active'` or `'Cancelled'`. */
  readonly status: 'Active' | 'Cancelled';
  /** The end customer's CRM account number. */
  readonly crmAccountNumber: string;
  /** Lines with their quantities. */
  readonly lines: readonly ZoomCommerceSandboxLine[];
  /** Whether it renews by itself. */
  readonly autoRenew: boolean;
  /** Versions: 1 at creation, one more per amendment. */
  readonly version: number;
}

/** An order placed with `POST /commerce/order`. */
export interface ZoomCommerceSandboxOrder {
  /** Zoom's reference of the order. */
  readonly orderReferenceId: string;
  /** Zoom's order number. */
  readonly orderNumber: string;
  /** The partner's purchase order number, when the order had one. */
  readonly poNumber: string | undefined;
  /** The deal registration the order cites, when it cites one. */
  readonly dealRegNumber: string | undefined;
  /** The subscriptions the order created or amended. */
  readonly subscriptionNumbers: readonly string[];
}

/** A product group of a deal registration, with a quantity. */
export interface ZoomCommerceSandboxProductGroup {
  /** The group's name, e.g. `'Meetings'`. */
  readonly name: string;
  /** How many. */
  readonly quantity: number;
}

/** A deal registration. */
export interface ZoomCommerceSandboxDealRegistration {
  /** Zoom's deal registration number. */
  readonly dealRegNumber: string;
  /** The create request's reference. */
  readonly createReferenceId: string;
  /** Review state. */
  readonly status: ZoomDealRegistrationStatus;
  /** The opportunity's stage, `'Closed Won'` once an order cites the approved registration. */
  readonly opportunityStage: string;
  /** The opportunity's name. */
  readonly opportunityName: string;
  /** The end customer's CRM account number. */
  readonly crmAccountNumber: string;
  /** Product groups with quantities. */
  readonly productGroups: readonly ZoomCommerceSandboxProductGroup[];
  /** Estimated monthly recurring revenue, in major units of `currency`. */
  readonly estimatedMrr: number;
  /** Currency. */
  readonly currency: string;
  /** Times the registration was changed with `PATCH`. */
  readonly updates: number;
}

/** What Zoom's reviewers decide about a deal registration: {@link ZoomCommerceSandboxControls.reviewDealRegistration}. */
export interface ZoomCommerceDealReview {
  /** The new state. */
  readonly status: ZoomDealRegistrationStatus;
  /** Why: becomes `status_detail.return_reason`, `denied_reason` or `revoke_reason` by `status`. */
  readonly reason?: string;
  /** A new opportunity stage, e.g. `'Closed Won'` or `'Closed Lost'`. */
  readonly opportunityStage?: string;
}

/**
 * Test controls of the in-memory Zoom Partner Commerce API (`sandbox.zoom.commerce`): seed and inspect state without
 * the API, and decide what only Zoom decides (when an account creation completes, what reviewers say about a deal
 * registration, how many users hold licences).
 */
export interface ZoomCommerceSandboxControls {
  /** The contact CRM number of the partner's sales representative, which deal registrations cite. */
  readonly salesRepContactCrmNumber: string;
  /** Every end customer, in creation order. */
  listCustomers(): ZoomCommerceSandboxCustomer[];
  /** An end customer by CRM account number or create reference id. */
  getCustomer(key: string): ZoomCommerceSandboxCustomer | undefined;
  /**
   * Keeps end customers created from now on pending (`status: 'submitted'`, no CRM number) until they have been looked
   * up `lookups` times by their create reference (`GET /commerce/accounts?create_reference_id=`); 0 completes them at
   * once. Default 1, or the `pendingAccountLookups` option.
   */
  holdAccountCreation(lookups: number): void;
  /** Ends a pending creation now, with the given outcome (default `'success'`). */
  completeAccountCreation(
    createReferenceId: string,
    outcome?: 'success' | 'failure',
  ): ZoomCommerceSandboxCustomer;
  /** Sets how many users hold a licence in the customer's Zoom account; orders cannot go below it. */
  assignSeats(crmAccountNumber: string, licensedUsers: number): ZoomCommerceSandboxCustomer;
  /** Every subscription, in creation order. */
  listSubscriptions(): ZoomCommerceSandboxSubscription[];
  /** Every order, in the order placed. */
  listOrders(): ZoomCommerceSandboxOrder[];
  /** Every deal registration, in creation order. */
  listDealRegistrations(): ZoomCommerceSandboxDealRegistration[];
  /** A deal registration by number. */
  getDealRegistration(dealRegNumber: string): ZoomCommerceSandboxDealRegistration | undefined;
  /** Decides about a deal registration, as Zoom's reviewers would: approve, deny, return for changes, expire, revoke. */
  reviewDealRegistration(
    dealRegNumber: string,
    review: ZoomCommerceDealReview,
  ): ZoomCommerceSandboxDealRegistration;
}

/** Options of the in-memory Zoom Partner Commerce API, the `commerce` option of `zoomSandboxPlatform`. */
export interface ZoomCommerceSandboxOptions {
  /**
   * How many lookups by create reference an end-customer creation stays pending for (Zoom creates accounts
   * asynchronously). Default 1; 0 completes creations at once.
   */
  readonly pendingAccountLookups?: number;
}
