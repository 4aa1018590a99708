import { accountIdSchema } from '@channelkit/core';
import { currencyCodeSchema, isoDateSchema, isoDateTimeSchema } from '@channelkit/types';
import { z } from 'zod';
import {
  UMEET_LEAD_STATUSES,
  UMEET_REGISTRATION_STATUSES,
  type UmeetLeadStatus,
  type UmeetRegistrationStatus,
} from '../umeet-referral-statuses';

// Contract v1's referral shapes, only the fields the adapter reads. Ids become path segments of later requests, so
// they are held to the rules of ids callers pass, and to their prefix: `dr_` for deal registrations, `lead_` for
// leads (the prefix is how `referrals.get` knows which endpoint an id belongs to).

const optionalText = z.string().max(10_000).nullish();
const REGISTRATION_STATUSES = Object.keys(UMEET_REGISTRATION_STATUSES) as [
  UmeetRegistrationStatus,
  ...UmeetRegistrationStatus[],
];
const LEAD_STATUSES = Object.keys(UMEET_LEAD_STATUSES) as [UmeetLeadStatus, ...UmeetLeadStatus[]];

/** A deal registration's state, one of contract v1's (`UMEET_REGISTRATION_STATUSES`). */
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);
/** A lead's state, one of contract v1's (`UMEET_LEAD_STATUSES`). */
export const leadStatusSchema = z.enum(LEAD_STATUSES);

/** A deal registration id: `dr_` and letters or digits. */
export const registrationIdSchema = accountIdSchema.refine((id) => /^dr_[A-Za-z0-9]+$/.test(id), {
  message: "must be a deal registration id ('dr_…')",
});
/** A lead id: `lead_` and letters or digits. */
export const leadIdSchema = accountIdSchema.refine((id) => /^lead_[A-Za-z0-9]+$/.test(id), {
  message: "must be a lead id ('lead_…')",
});

const customerSchema = z.object({
  name: z.string().min(1).max(1000),
  credit_code: optionalText,
  country: z.string().length(2).nullish(),
  region: optionalText,
  industry: optionalText,
  employee_count: optionalText,
  website: optionalText,
});

const contactSchema = z.object({
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  mobile: optionalText,
  job_title: optionalText,
});

const productSchema = z.object({
  code: z.string().min(1).max(200),
  quantity: z.number().int().min(1),
});

const moneySchema = z.object({
  amount_minor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: currencyCodeSchema,
});

/** A deal registration, from `POST`/`GET`/`PATCH /deal-registrations…` or a page of them. */
export const umeetRegistrationSchema = z.object({
  id: registrationIdSchema,
  status: registrationStatusSchema,
  status_reason: optionalText,
  name: z.string().min(1).max(1000),
  customer: customerSchema,
  account_id: accountIdSchema.nullish(),
  contacts: z.array(contactSchema).max(1000),
  products: z.array(productSchema).max(1000),
  estimated_value: moneySchema.nullish(),
  expected_close_date: isoDateSchema.nullish(),
  external_id: z.string().min(1).max(1000).nullish(),
  protected_until: isoDateSchema.nullish(),
  created_at: isoDateTimeSchema,
  decided_at: isoDateTimeSchema.nullish(),
});

/** An inbound lead, from `GET /leads…` or an answer to accept or decline. */
export const umeetLeadSchema = z.object({
  id: leadIdSchema,
  status: leadStatusSchema,
  status_reason: optionalText,
  title: z.string().min(1).max(1000),
  customer: customerSchema,
  contacts: z.array(contactSchema).max(1000),
  products: z.array(productSchema).max(1000),
  estimated_value: moneySchema.nullish(),
  respond_by: isoDateSchema.nullish(),
  offered_at: isoDateTimeSchema,
  decided_at: isoDateTimeSchema.nullish(),
});

function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().positive(),
  });
}

/** A page of `GET /deal-registrations`. */
export const umeetRegistrationPageSchema = pageOf(umeetRegistrationSchema);
/** A page of `GET /leads`. */
export const umeetLeadPageSchema = pageOf(umeetLeadSchema);

/** A deal registration as Umeet describes it. */
export type UmeetRegistration = z.output<typeof umeetRegistrationSchema>;
/** A lead as Umeet describes it. */
export type UmeetLead = z.output<typeof umeetLeadSchema>;
