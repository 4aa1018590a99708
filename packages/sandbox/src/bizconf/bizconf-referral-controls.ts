/**
 * An opportunity's (deal registration's) state on Bizconf: `PENDING` (待审核) when registered, `REVIEWING` (审核中),
 * `RETURNED` (退回补充) for changes, `APPROVED` (报备成功), then `WON` (已成交) or `LOST` (已丢单); `REJECTED`
 * (报备驳回), `EXPIRED` (已过期) and `WITHDRAWN` (已撤回, by the partner) are final too.
 */
export type BizconfOpportunityStatus =
  | 'PENDING'
  | 'REVIEWING'
  | 'RETURNED'
  | 'APPROVED'
  | 'WON'
  | 'LOST'
  | 'REJECTED'
  | 'EXPIRED'
  | 'WITHDRAWN';

/**
 * A lead's state on Bizconf: `ASSIGNED` (待跟进) to the partner, `FOLLOWING` (跟进中) once accepted, `REFUSED`
 * (已拒绝) once declined; Bizconf records `DEAL` (已成交) or `LOST` (已丢单), lets an unanswered lead expire
 * (`EXPIRED`, 已过期) or takes it back (`RECALLED`, 已收回).
 */
export type BizconfLeadStatus =
  | 'ASSIGNED'
  | 'FOLLOWING'
  | 'REFUSED'
  | 'EXPIRED'
  | 'DEAL'
  | 'LOST'
  | 'RECALLED';

/** The customer of an opportunity or lead, in Bizconf's wire format. */
export interface BizconfSandboxReferralCustomer {
  /** Legal name. */
  readonly name: string;
  /** Unified Social Credit Code, when known. */
  readonly creditCode: string | null;
  /** Province, when known. */
  readonly province: string | null;
  /** Industry. */
  readonly industry: string | null;
  /** Employee-count band. */
  readonly scale: string | null;
  /** Web site. */
  readonly website: string | null;
}

/** A person named on an opportunity or lead. */
export interface BizconfSandboxReferralContact {
  /** Family name. */
  readonly familyName: string;
  /** Given name. */
  readonly givenName: string;
  /** E-mail. */
  readonly email: string;
  /** 11-digit mainland mobile without `+86`. */
  readonly mobile: string | null;
  /** Job title. */
  readonly jobTitle: string | null;
}

/** A product with a quantity. */
export interface BizconfSandboxReferralProduct {
  /** Product code, e.g. `STANDARD`. */
  readonly productCode: string;
  /** How many. */
  readonly quantity: number;
}

/** An opportunity as `GET /opportunities/{id}` answers it. */
export interface BizconfSandboxOpportunity {
  /** `OPP` + Beijing date + 6 digits. */
  readonly opportunityId: string;
  /** The request number it was registered with. */
  readonly bizNo: string;
  /** State. */
  readonly status: BizconfOpportunityStatus;
  /** Chinese label of the state. */
  readonly statusDesc: string;
  /** Why it was returned, rejected, lost or withdrawn. */
  readonly reason: string | null;
  /** Opportunity name. */
  readonly opportunityName: string;
  /** Description. */
  readonly description: string | null;
  /** The customer. */
  readonly customer: BizconfSandboxReferralCustomer;
  /** The customer's Bizconf enterprise, when it has one. */
  readonly enterpriseId: string | null;
  /** People at the customer. */
  readonly contacts: readonly BizconfSandboxReferralContact[];
  /** Products of interest. */
  readonly products: readonly BizconfSandboxReferralProduct[];
  /** Estimated monthly value in fen. */
  readonly estimatedAmount: number | null;
  /** Always `CNY`. */
  readonly currency: 'CNY';
  /** `yyyy-MM-dd`. */
  readonly expectedCloseDate: string;
  /** Whether the decision maker was met. */
  readonly decisionMakerMet: boolean;
  /** Remarks for Bizconf's reviewers. */
  readonly remark: string | null;
  /** The partner's reference. */
  readonly externalId: string | null;
  /** The last day the approved registration protects the deal. */
  readonly protectEndDate: string | null;
  /** Beijing time. */
  readonly createTime: string;
  /** Beijing time. */
  readonly updateTime: string;
  /** Beijing time of the review decision. */
  readonly auditTime: string | null;
}

/** A lead as `GET /leads/{id}` answers it. */
export interface BizconfSandboxLead {
  /** `LD` + Beijing date + 6 digits. */
  readonly leadId: string;
  /** State. */
  readonly status: BizconfLeadStatus;
  /** Chinese label of the state. */
  readonly statusDesc: string;
  /** Why it was refused, lost or recalled. */
  readonly reason: string | null;
  /** Title. */
  readonly title: string;
  /** The prospective customer. */
  readonly customer: BizconfSandboxReferralCustomer;
  /** People at the customer. */
  readonly contacts: readonly BizconfSandboxReferralContact[];
  /** Products of interest. */
  readonly products: readonly BizconfSandboxReferralProduct[];
  /** Estimated monthly value in fen. */
  readonly estimatedAmount: number | null;
  /** Always `CNY`. */
  readonly currency: 'CNY';
  /** What Bizconf knows of the customer's needs. */
  readonly remark: string | null;
  /** The last day to accept or refuse, `yyyy-MM-dd` (Beijing). */
  readonly deadline: string;
  /** Beijing time. */
  readonly assignTime: string;
  /** Beijing time of the partner's answer. */
  readonly decideTime: string | null;
  /** Beijing time. */
  readonly updateTime: string;
}

/** Input of {@link BizconfReferralControls.createLead}. */
export interface BizconfSandboxLeadInput {
  /** Title. Default `<customer> – <products>`. */
  readonly title?: string;
  /** The customer. */
  readonly customer: {
    /** Legal name. */
    readonly name: string;
    /** Unified Social Credit Code. */
    readonly creditCode?: string;
    /** Province. */
    readonly province?: string;
    /** Industry. */
    readonly industry?: string;
    /** Employee-count band. */
    readonly scale?: string;
    /** Web site. */
    readonly website?: string;
  };
  /** People at the customer (mobiles as 11 digits). Default none. */
  readonly contacts?: readonly {
    /** Family name. */
    readonly familyName: string;
    /** Given name. */
    readonly givenName: string;
    /** E-mail. */
    readonly email: string;
    /** 11-digit mainland mobile without `+86`. */
    readonly mobile?: string;
    /** Job title. */
    readonly jobTitle?: string;
  }[];
  /** Products of interest (at least one). */
  readonly products: readonly BizconfSandboxReferralProduct[];
  /** Estimated monthly value in fen. */
  readonly estimatedAmount?: number;
  /** Remarks. */
  readonly remark?: string;
  /** Days the partner has to answer. Default 7. */
  readonly respondWithinDays?: number;
}

/**
 * Test controls of Bizconf's referrals: Bizconf assigning leads and recording their outcome, and its channel
 * reviewers deciding about opportunities. Controls skip the API's rules; returned objects are wire-format snapshots.
 */
export interface BizconfReferralControls {
  /** Bizconf assigns the partner a lead (`ASSIGNED`). */
  createLead(input: BizconfSandboxLeadInput): BizconfSandboxLead;
  /** Sets a lead's state as Bizconf would (`DEAL`, `LOST`, `RECALLED`, `EXPIRED`...). */
  setLeadStatus(leadId: string, status: BizconfLeadStatus, reason?: string): BizconfSandboxLead;
  /** A reviewer moves an opportunity (`REVIEWING`, `RETURNED`, `APPROVED`, `REJECTED`, `WON`, `LOST`...). */
  reviewOpportunity(
    opportunityId: string,
    status: BizconfOpportunityStatus,
    reason?: string,
  ): BizconfSandboxOpportunity;
  /** Every lead, in the order assigned. */
  listLeads(): BizconfSandboxLead[];
  /** Every opportunity, in the order registered. */
  listOpportunities(): BizconfSandboxOpportunity[];
}
