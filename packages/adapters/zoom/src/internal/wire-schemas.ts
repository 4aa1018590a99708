import { accountIdSchema } from '@channelkit/core';
import { z } from 'zod';

// Zoom's wire shapes, only the fields this adapter reads or writes. Every response body is parsed with one of these
// (through core's parseWire) before a field is read, so a malformed answer is a ResponseValidationError naming the
// field, never a TypeError or a request sent with an id of `undefined`. Fields the adapter only passes on are
// optional and may be null; fields it relies on are required. Unknown fields are dropped.

// Ids Zoom returns become path segments of later requests: `..` or `me` would address another resource (the
// master itself), so they are held to the same rules as ids callers pass.
const id = accountIdSchema;
const count = z.number().int().nonnegative();
const optionalText = z.string().nullish();

/** `POST /accounts` answers 201 with the new sub-account's id and owner. */
export const zoomCreatedAccountSchema = z.object({
  id,
  owner_id: optionalText,
  owner_email: z.string().min(1),
  created_at: z.string().min(1),
});

/**
 * `GET /accounts/{id}`: the sub-account's owner and creation time. Zoom's documented answer carries no
 * `account_name` (and no `account_number`): only the entries of `GET /accounts` name a sub-account.
 */
export const zoomAccountDetailsSchema = z.object({
  id,
  owner_id: optionalText,
  owner_email: z.string().min(1),
  created_at: z.string().min(1),
});

/** An entry of `GET /accounts`, the one answer that names the sub-account. */
export const zoomListedAccountSchema = z.object({
  id,
  // Zoom names every sub-account (it defaults to the owner's first and last name), so a nameless entry is malformed.
  account_name: z.string().min(1),
  owner_email: z.string().min(1),
  created_at: z.string().min(1),
  // Zoom's reference types it as a string; older answers sent a number.
  account_number: z.union([z.string(), z.number()]).nullish(),
});

/** A page of `GET /accounts`; Zoom ends the listing with an empty `next_page_token`. */
export const zoomAccountListPageSchema = z.object({
  next_page_token: optionalText,
  accounts: z.array(zoomListedAccountSchema).nullish(),
});

/** `plan_base` of `GET /accounts/{id}/plans`. */
export const zoomPlanBaseSchema = z.object({
  type: z.string().min(1),
  hosts: count,
  service_effective_date: optionalText,
  next_invoice_date: optionalText,
  status: z.enum(['active', 'cancelled', 'expired']).nullish(),
});

/** `GET /accounts/{id}/plans`; `plan_base` is absent while the account has no base plan. */
export const zoomPlansSchema = z.object({ plan_base: zoomPlanBaseSchema.nullish() });

/** `GET /accounts/{id}/plans/usage`: `usage` is licensed users, `pending` invited ones. */
export const zoomPlanUsageSchema = z.object({
  plan_base: z
    .object({ type: z.string().min(1), hosts: count, usage: count.nullish(), pending: count.nullish() })
    .nullish(),
});

/** A sub-account as `GET /accounts/{id}` (or `POST /accounts`) describes it: no name. */
export type ZoomAccountDetails = z.output<typeof zoomAccountDetailsSchema>;
/** A sub-account as `GET /accounts` lists it, with its name. */
export type ZoomListedAccount = z.output<typeof zoomListedAccountSchema>;
/** A base plan as `GET /plans` describes it. */
export type ZoomPlanBase = z.output<typeof zoomPlanBaseSchema>;
/** `plan_base` of `GET /plans/usage`. */
export type ZoomPlanUsage = NonNullable<z.output<typeof zoomPlanUsageSchema>['plan_base']>;

/**
 * The billing contact of `POST /accounts/{id}/plans` (a request body: built, not parsed). Zoom's published schema
 * requires every field but `apt` (apartment or suite).
 */
export interface ZoomContact {
  first_name: string;
  last_name: string;
  email: string;
  phone_number: string;
  address: string;
  apt?: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}
