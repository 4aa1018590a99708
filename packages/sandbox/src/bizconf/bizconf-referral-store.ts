import type {
  BizconfLeadStatus,
  BizconfOpportunityStatus,
  BizconfReferralControls,
  BizconfSandboxLead,
  BizconfSandboxLeadInput,
  BizconfSandboxOpportunity,
} from './bizconf-referral-controls';
import { addDays, beijingDate, beijingTime } from './bizconf-time';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A stored opportunity, with the fingerprint of the request that registered it. */
export type OpportunityRecord = Mutable<BizconfSandboxOpportunity> & { fingerprint: string };
/** A stored lead. */
export type LeadRecord = Mutable<BizconfSandboxLead>;

/** Chinese labels of the opportunity states. */
export const OPPORTUNITY_STATUS_DESC: Readonly<Record<BizconfOpportunityStatus, string>> = {
  PENDING: '待审核',
  REVIEWING: '审核中',
  RETURNED: '退回补充',
  APPROVED: '报备成功',
  WON: '已成交',
  LOST: '已丢单',
  REJECTED: '报备驳回',
  EXPIRED: '已过期',
  WITHDRAWN: '已撤回',
};

/** Chinese labels of the lead states. */
export const LEAD_STATUS_DESC: Readonly<Record<BizconfLeadStatus, string>> = {
  ASSIGNED: '待跟进',
  FOLLOWING: '跟进中',
  REFUSED: '已拒绝',
  EXPIRED: '已过期',
  DEAL: '已成交',
  LOST: '已丢单',
  RECALLED: '已收回',
};

/** Days an approved registration protects the partner's deal (contract v1). */
export const PROTECTION_DAYS = 90;

/** The opportunities and leads of the in-memory Bizconf. */
export class BizconfReferralStore implements BizconfReferralControls {
  readonly #opportunities = new Map<string, OpportunityRecord>();
  readonly #byBizNo = new Map<string, OpportunityRecord>();
  readonly #leads = new Map<string, LeadRecord>();
  readonly #now: () => number;
  readonly #random: () => number;

  constructor(settings: { now: () => number; random: () => number }) {
    this.#now = settings.now;
    this.#random = settings.random;
  }

  #id(prefix: string, taken: Map<string, unknown>): string {
    const day = beijingDate(this.#now()).replaceAll('-', '');
    for (;;) {
      let id = `${prefix}${day}`;
      for (let i = 0; i < 6; i += 1) id += String(Math.floor(this.#random() * 10));
      if (!taken.has(id)) return id;
    }
  }

  /** The Beijing time now. */
  time(): string {
    return beijingTime(this.#now());
  }

  /** The opportunity registered with `bizNo`, if any. */
  byBizNo(bizNo: string): OpportunityRecord | undefined {
    return this.#byBizNo.get(bizNo);
  }

  /** Stores a new opportunity (`PENDING`). */
  insertOpportunity(
    fields: Omit<
      OpportunityRecord,
      | 'opportunityId'
      | 'status'
      | 'statusDesc'
      | 'reason'
      | 'protectEndDate'
      | 'createTime'
      | 'updateTime'
      | 'auditTime'
    >,
  ): OpportunityRecord {
    const time = this.time();
    const record: OpportunityRecord = {
      opportunityId: this.#id('OPP', this.#opportunities),
      status: 'PENDING',
      statusDesc: OPPORTUNITY_STATUS_DESC.PENDING,
      reason: null,
      protectEndDate: null,
      createTime: time,
      updateTime: time,
      auditTime: null,
      ...fields,
    };
    this.#opportunities.set(record.opportunityId, record);
    this.#byBizNo.set(record.bizNo, record);
    return record;
  }

  /** One opportunity, or `undefined`. */
  opportunity(id: string): OpportunityRecord | undefined {
    return this.#opportunities.get(id);
  }

  /** Every opportunity, in the order registered. */
  opportunities(): OpportunityRecord[] {
    return [...this.#opportunities.values()];
  }

  /** One lead after any expiry that has come due, or `undefined`. */
  lead(id: string): LeadRecord | undefined {
    const lead = this.#leads.get(id);
    if (lead) this.#expire(lead);
    return lead;
  }

  /** Every lead, in the order assigned, after any expiry that has come due. */
  leads(): LeadRecord[] {
    const all = [...this.#leads.values()];
    for (const lead of all) this.#expire(lead);
    return all;
  }

  // An assigned lead nobody answered expires the day after its deadline (Beijing dates).
  #expire(lead: LeadRecord): void {
    if (lead.status === 'ASSIGNED' && beijingDate(this.#now()) > lead.deadline)
      this.moveLead(lead, 'EXPIRED', null);
  }

  /** Moves an opportunity to `status`. */
  moveOpportunity(record: OpportunityRecord, status: BizconfOpportunityStatus, reason: string | null): void {
    record.status = status;
    record.statusDesc = OPPORTUNITY_STATUS_DESC[status];
    record.reason = reason;
    record.updateTime = this.time();
    if (status === 'APPROVED' || status === 'REJECTED') record.auditTime = record.updateTime;
    if (status === 'APPROVED') record.protectEndDate = addDays(beijingDate(this.#now()), PROTECTION_DAYS);
  }

  /** Moves a lead to `status`. */
  moveLead(lead: LeadRecord, status: BizconfLeadStatus, reason: string | null): void {
    lead.status = status;
    lead.statusDesc = LEAD_STATUS_DESC[status];
    lead.reason = reason;
    lead.updateTime = this.time();
    if (status === 'FOLLOWING' || status === 'REFUSED') lead.decideTime = lead.updateTime;
  }

  // --- controls -----------------------------------------------------------------------------------------------

  createLead(input: BizconfSandboxLeadInput): BizconfSandboxLead {
    if (input.products.length === 0) throw new Error('A lead needs at least one product.');
    const time = this.time();
    const { customer } = input;
    const record: LeadRecord = {
      leadId: this.#id('LD', this.#leads),
      status: 'ASSIGNED',
      statusDesc: LEAD_STATUS_DESC.ASSIGNED,
      reason: null,
      title:
        input.title ??
        `${customer.name} – ${input.products.map((product) => `${product.quantity} ${product.productCode}`).join('、')}`,
      customer: {
        name: customer.name,
        creditCode: customer.creditCode ?? null,
        province: customer.province ?? null,
        industry: customer.industry ?? null,
        scale: customer.scale ?? null,
        website: customer.website ?? null,
      },
      contacts: (input.contacts ?? []).map((contact) => ({
        familyName: contact.familyName,
        givenName: contact.givenName,
        email: contact.email,
        mobile: contact.mobile ?? null,
        jobTitle: contact.jobTitle ?? null,
      })),
      products: input.products.map((product) => ({ ...product })),
      estimatedAmount: input.estimatedAmount ?? null,
      currency: 'CNY',
      remark: input.remark ?? null,
      deadline: addDays(beijingDate(this.#now()), input.respondWithinDays ?? 7),
      assignTime: time,
      decideTime: null,
      updateTime: time,
    };
    this.#leads.set(record.leadId, record);
    return leadJson(record);
  }

  setLeadStatus(leadId: string, status: BizconfLeadStatus, reason?: string): BizconfSandboxLead {
    const lead = this.#leads.get(leadId);
    if (!lead) throw new Error(`No Bizconf lead ${leadId}.`);
    this.moveLead(lead, status, reason ?? null);
    return leadJson(lead);
  }

  reviewOpportunity(
    opportunityId: string,
    status: BizconfOpportunityStatus,
    reason?: string,
  ): BizconfSandboxOpportunity {
    const record = this.#opportunities.get(opportunityId);
    if (!record) throw new Error(`No Bizconf opportunity ${opportunityId}.`);
    this.moveOpportunity(record, status, reason ?? null);
    return opportunityJson(record);
  }

  listLeads(): BizconfSandboxLead[] {
    return this.leads().map(leadJson);
  }

  listOpportunities(): BizconfSandboxOpportunity[] {
    return this.opportunities().map(opportunityJson);
  }
}

/** An opportunity as the API answers it. */
export function opportunityJson(record: OpportunityRecord): BizconfSandboxOpportunity {
  const { fingerprint: _fingerprint, ...wire } = record;
  return structuredClone(wire);
}

/** A lead as the API answers it. */
export function leadJson(record: LeadRecord): BizconfSandboxLead {
  return structuredClone(record);
}
