/**
 * A deal registration's state on Umeet: `pending_review` when submitted, `under_review` once a Systec reviewer took
 * it, `needs_info` when returned for changes, `approved`, then `won` or `lost`; `rejected`, `expired` and `withdrawn`
 * (by the partner) are final too.
 */
export type UmeetRegistrationStatus =
  | 'pending_review'
  | 'under_review'
  | 'needs_info'
  | 'approved'
  | 'won'
  | 'lost'
  | 'rejected'
  | 'expired'
  | 'withdrawn';

/**
 * An inbound lead's state on Umeet: `offered` to the partner, then `accepted` or `declined` by it; Systec records the
 * outcome of an accepted lead (`converted`, `lost`), lets an unanswered one `expire`, or takes one back (`withdrawn`).
 */
export type UmeetLeadStatus =
  | 'offered'
  | 'accepted'
  | 'declined'
  | 'expired'
  | 'converted'
  | 'lost'
  | 'withdrawn';

/** The customer of a lead or registration, as Umeet's wire format has it. */
export interface UmeetSandboxReferralCustomer {
  /** Legal name. */
  readonly name: string;
  /** Unified Social Credit Code, when known. */
  readonly credit_code: string | null;
  /** ISO 3166-1 alpha-2 country. */
  readonly country: string;
  /** Province or region, when known (e.g. `上海`). */
  readonly region: string | null;
  /** Industry. */
  readonly industry: string | null;
  /** Employee-count band. */
  readonly employee_count: string | null;
  /** Web site. */
  readonly website: string | null;
}

/** A person named on a lead or registration. */
export interface UmeetSandboxReferralContact {
  /** Given name. */
  readonly first_name: string;
  /** Family name. */
  readonly last_name: string;
  /** E-mail address. */
  readonly email: string;
  /** Mobile, E.164. */
  readonly mobile: string | null;
  /** Job title. */
  readonly job_title: string | null;
}

/** A product with a quantity. */
export interface UmeetSandboxReferralProduct {
  /** Product code, e.g. `business`. */
  readonly code: string;
  /** How many seats or rooms. */
  readonly quantity: number;
}

/** Money in minor units (fen for CNY). */
export interface UmeetSandboxMoney {
  /** Amount in minor units. */
  readonly amount_minor: number;
  /** ISO 4217 currency. */
  readonly currency: string;
}

/** A deal registration as `GET /deal-registrations/{id}` answers it. */
export interface UmeetSandboxDealRegistration {
  /** Id, `dr_…`. */
  readonly id: string;
  /** State. */
  readonly status: UmeetRegistrationStatus;
  /** Why it was returned, rejected or lost. */
  readonly status_reason: string | null;
  /** Opportunity name. */
  readonly name: string;
  /** What the customer wants. */
  readonly description: string | null;
  /** The customer. */
  readonly customer: UmeetSandboxReferralCustomer;
  /** The customer's Umeet account, when it has one. */
  readonly account_id: string | null;
  /** People at the customer. */
  readonly contacts: readonly UmeetSandboxReferralContact[];
  /** Products of interest. */
  readonly products: readonly UmeetSandboxReferralProduct[];
  /** Estimated monthly value. */
  readonly estimated_value: UmeetSandboxMoney | null;
  /** `YYYY-MM-DD`. */
  readonly expected_close_date: string;
  /** Whether the decision maker was met. */
  readonly decision_maker_met: boolean;
  /** Notes for Systec's reviewers. */
  readonly notes: string | null;
  /** The partner's reference. */
  readonly external_id: string | null;
  /** When the registration's protection ends (`YYYY-MM-DD`), once approved. */
  readonly protected_until: string | null;
  /** RFC 3339. */
  readonly created_at: string;
  /** RFC 3339. */
  readonly updated_at: string;
  /** RFC 3339, once approved or rejected. */
  readonly decided_at: string | null;
}

/** An inbound lead as `GET /leads/{id}` answers it. */
export interface UmeetSandboxLead {
  /** Id, `lead_…`. */
  readonly id: string;
  /** State. */
  readonly status: UmeetLeadStatus;
  /** Why it was declined, lost or withdrawn. */
  readonly status_reason: string | null;
  /** A short title. */
  readonly title: string;
  /** The prospective customer. */
  readonly customer: UmeetSandboxReferralCustomer;
  /** People at the customer. */
  readonly contacts: readonly UmeetSandboxReferralContact[];
  /** Products of interest. */
  readonly products: readonly UmeetSandboxReferralProduct[];
  /** Estimated monthly value. */
  readonly estimated_value: UmeetSandboxMoney | null;
  /** Anything Systec knows about the customer's needs. */
  readonly notes: string | null;
  /** The date by which the partner must accept or decline, `YYYY-MM-DD`. */
  readonly respond_by: string;
  /** RFC 3339. */
  readonly offered_at: string;
  /** RFC 3339. */
  readonly updated_at: string;
  /** RFC 3339, once accepted or declined. */
  readonly decided_at: string | null;
}

/** Input of {@link UmeetReferralControls.createLead}: a prospective customer Systec hands to the partner. */
export interface UmeetSandboxLeadInput {
  /** A short title. Default `<customer name> – <products>`. */
  readonly title?: string;
  /** The customer; `country` defaults to `CN`. */
  readonly customer: {
    /** Legal name. */
    readonly name: string;
    /** Unified Social Credit Code. */
    readonly creditCode?: string;
    /** ISO country code. Default `CN`. */
    readonly country?: string;
    /** Province or region. */
    readonly region?: string;
    /** Industry. */
    readonly industry?: string;
    /** Employee-count band. */
    readonly employeeCount?: string;
    /** Web site. */
    readonly website?: string;
  };
  /** People at the customer. Default none. */
  readonly contacts?: readonly {
    /** Given name. */
    readonly firstName: string;
    /** Family name. */
    readonly lastName: string;
    /** E-mail. */
    readonly email: string;
    /** Mobile, E.164. */
    readonly mobile?: string;
    /** Job title. */
    readonly jobTitle?: string;
  }[];
  /** Products of interest (at least one). */
  readonly products: readonly UmeetSandboxReferralProduct[];
  /** Estimated monthly value in minor units. */
  readonly estimatedValue?: {
    /** Amount in minor units. */
    readonly amountMinor: number;
    /** ISO 4217 currency. */
    readonly currency: string;
  };
  /** Notes. */
  readonly notes?: string;
  /** Days the partner has to answer. Default 7. */
  readonly respondWithinDays?: number;
}

/**
 * Test controls of Umeet's referrals: Systec handing the partner leads and recording their outcome, and Systec's
 * reviewers deciding about deal registrations. Controls skip the API's rules on purpose; returned objects are
 * snapshots in the wire format.
 */
export interface UmeetReferralControls {
  /** Systec offers the partner a lead (status `offered`). */
  createLead(input: UmeetSandboxLeadInput): UmeetSandboxLead;
  /** Sets a lead's state as Systec would (e.g. `converted` or `lost` after acceptance, `withdrawn`, `expired`). */
  setLeadStatus(id: string, status: UmeetLeadStatus, reason?: string): UmeetSandboxLead;
  /** A Systec reviewer moves a deal registration (e.g. `approved`, `needs_info`, `rejected`, `won`). */
  reviewRegistration(
    id: string,
    status: UmeetRegistrationStatus,
    reason?: string,
  ): UmeetSandboxDealRegistration;
  /** Every lead, in the order offered. */
  listLeads(): UmeetSandboxLead[];
  /** Every deal registration, in creation order. */
  listRegistrations(): UmeetSandboxDealRegistration[];
}
