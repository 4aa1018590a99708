import { calendarDate, timestamp } from './umeet-http';
import type {
  UmeetLeadStatus,
  UmeetReferralControls,
  UmeetRegistrationStatus,
  UmeetSandboxDealRegistration,
  UmeetSandboxLead,
  UmeetSandboxLeadInput,
} from './umeet-referral-controls';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A stored deal registration: the wire shape, mutable, with its creation time in milliseconds. */
export type RegistrationRecord = Mutable<UmeetSandboxDealRegistration> & { createdMs: number };
/** A stored lead. */
export type LeadRecord = Mutable<UmeetSandboxLead> & { offeredMs: number };

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days an approved registration protects the partner's deal (contract v1). */
export const PROTECTION_DAYS = 90;

/** The registrations and leads of the in-memory Umeet. */
export class UmeetReferralStore implements UmeetReferralControls {
  readonly #registrations = new Map<string, RegistrationRecord>();
  readonly #leads = new Map<string, LeadRecord>();
  readonly #now: () => number;
  readonly #random: () => number;

  constructor(settings: { now: () => number; random: () => number }) {
    this.#now = settings.now;
    this.#random = settings.random;
  }

  #id(prefix: string, taken: Map<string, unknown>): string {
    for (;;) {
      let id = prefix;
      for (let i = 0; i < 16; i += 1) id += ID_ALPHABET[Math.floor(this.#random() * ID_ALPHABET.length)];
      if (!taken.has(id)) return id;
    }
  }

  /** The clock, for handlers. */
  now(): number {
    return this.#now();
  }

  /** Stores a new registration (status `pending_review`). */
  insertRegistration(
    fields: Omit<
      RegistrationRecord,
      | 'id'
      | 'status'
      | 'status_reason'
      | 'protected_until'
      | 'created_at'
      | 'updated_at'
      | 'decided_at'
      | 'createdMs'
    >,
  ): RegistrationRecord {
    const now = this.#now();
    const record: RegistrationRecord = {
      id: this.#id('dr_', this.#registrations),
      status: 'pending_review',
      status_reason: null,
      protected_until: null,
      created_at: timestamp(now),
      updated_at: timestamp(now),
      decided_at: null,
      createdMs: now,
      ...fields,
    };
    this.#registrations.set(record.id, record);
    return record;
  }

  /** One registration, or `undefined`. */
  registration(id: string): RegistrationRecord | undefined {
    return this.#registrations.get(id);
  }

  /** Every registration, in creation order. */
  registrations(): RegistrationRecord[] {
    return [...this.#registrations.values()];
  }

  /** One lead, after any expiry that has come due, or `undefined`. */
  lead(id: string): LeadRecord | undefined {
    const lead = this.#leads.get(id);
    if (lead) this.#expire(lead);
    return lead;
  }

  /** Every lead, in the order offered, after any expiry that has come due. */
  leads(): LeadRecord[] {
    const all = [...this.#leads.values()];
    for (const lead of all) this.#expire(lead);
    return all;
  }

  // An offered lead nobody answered expires after its respond-by date (sandbox clock).
  #expire(lead: LeadRecord): void {
    if (lead.status === 'offered' && calendarDate(this.#now()) > lead.respond_by) {
      lead.status = 'expired';
      lead.updated_at = timestamp(this.#now());
    }
  }

  /** Marks a change of a registration now. */
  touch(record: { updated_at: string }): void {
    record.updated_at = timestamp(this.#now());
  }

  // --- controls -----------------------------------------------------------------------------------------------

  createLead(input: UmeetSandboxLeadInput): UmeetSandboxLead {
    if (input.products.length === 0) throw new Error('A lead needs at least one product.');
    const now = this.#now();
    const { customer } = input;
    const record: LeadRecord = {
      id: this.#id('lead_', this.#leads),
      status: 'offered',
      status_reason: null,
      title:
        input.title ??
        `${customer.name} – ${input.products.map((product) => `${product.quantity} ${product.code}`).join(', ')}`,
      customer: {
        name: customer.name,
        credit_code: customer.creditCode ?? null,
        country: customer.country ?? 'CN',
        region: customer.region ?? null,
        industry: customer.industry ?? null,
        employee_count: customer.employeeCount ?? null,
        website: customer.website ?? null,
      },
      contacts: (input.contacts ?? []).map((contact) => ({
        first_name: contact.firstName,
        last_name: contact.lastName,
        email: contact.email,
        mobile: contact.mobile ?? null,
        job_title: contact.jobTitle ?? null,
      })),
      products: input.products.map((product) => ({ code: product.code, quantity: product.quantity })),
      estimated_value: input.estimatedValue
        ? { amount_minor: input.estimatedValue.amountMinor, currency: input.estimatedValue.currency }
        : null,
      notes: input.notes ?? null,
      respond_by: calendarDate(now + (input.respondWithinDays ?? 7) * DAY_MS),
      offered_at: timestamp(now),
      updated_at: timestamp(now),
      decided_at: null,
      offeredMs: now,
    };
    this.#leads.set(record.id, record);
    return leadJson(record);
  }

  setLeadStatus(id: string, status: UmeetLeadStatus, reason?: string): UmeetSandboxLead {
    const lead = this.#leads.get(id);
    if (!lead) throw new Error(`No Umeet lead ${id}.`);
    lead.status = status;
    lead.status_reason = reason ?? null;
    this.touch(lead);
    return leadJson(lead);
  }

  reviewRegistration(
    id: string,
    status: UmeetRegistrationStatus,
    reason?: string,
  ): UmeetSandboxDealRegistration {
    const record = this.#registrations.get(id);
    if (!record) throw new Error(`No Umeet deal registration ${id}.`);
    record.status = status;
    record.status_reason = reason ?? null;
    const now = this.#now();
    if (status === 'approved' || status === 'rejected') record.decided_at = timestamp(now);
    if (status === 'approved') record.protected_until = calendarDate(now + PROTECTION_DAYS * DAY_MS);
    this.touch(record);
    return registrationJson(record);
  }

  listLeads(): UmeetSandboxLead[] {
    return this.leads().map(leadJson);
  }

  listRegistrations(): UmeetSandboxDealRegistration[] {
    return this.registrations().map(registrationJson);
  }
}

/** A registration as the API answers it. */
export function registrationJson(record: RegistrationRecord): UmeetSandboxDealRegistration {
  const { createdMs: _created, ...wire } = record;
  return structuredClone(wire);
}

/** A lead as the API answers it. */
export function leadJson(record: LeadRecord): UmeetSandboxLead {
  const { offeredMs: _offered, ...wire } = record;
  return structuredClone(wire);
}
