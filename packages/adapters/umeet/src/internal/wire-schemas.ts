import { accountIdSchema } from '@channelkit/core';
import {
  EMPLOYEE_COUNT_BANDS,
  isoDateSchema,
  isoDateTimeSchema,
  unifiedSocialCreditCodeSchema,
} from '@channelkit/types';
import { z } from 'zod';
import { UMEET_ACCOUNT_STATUSES, type UmeetAccountStatus } from '../umeet-account-statuses';

// Contract v1's wire shapes, only the fields this adapter reads. Every response body is parsed with one of these
// before a field is read, so a malformed answer is a ResponseValidationError naming the field. Ids Umeet returns
// become path segments of later requests, so they are held to the rules of ids callers pass. Fields passed on into
// the domain objects are held to the domain's own rules (a credit code with a wrong check character, a band the
// domain does not know), so that what the client validates after the adapter never fails.

const id = accountIdSchema;
const count = z.number().int().nonnegative();
const optionalText = z.string().nullish();
const STATUSES = Object.keys(UMEET_ACCOUNT_STATUSES) as [UmeetAccountStatus, ...UmeetAccountStatus[]];

/** An account's address. */
const addressSchema = z.object({
  line1: z.string().min(1),
  line2: optionalText,
  city: z.string().min(1),
  region: optionalText,
  postal_code: optionalText,
  country: z.string().length(2),
});

/** An account, from `GET /accounts/{id}`, a page of `GET /accounts`, or an action's answer. */
export const umeetAccountSchema = z.object({
  id,
  enterprise_number: optionalText,
  name: z.string().min(1),
  credit_code: unifiedSocialCreditCodeSchema.nullish(),
  country: z.string().length(2).nullish(),
  industry: optionalText,
  employee_count: z.enum(EMPLOYEE_COUNT_BANDS).nullish(),
  website: optionalText,
  address: addressSchema.nullish(),
  admin: z.object({
    first_name: optionalText,
    last_name: optionalText,
    email: z.string().min(1),
    mobile: optionalText,
  }),
  external_id: optionalText,
  status: z.enum(STATUSES),
  status_reason: optionalText,
  suspended_by: z.enum(['partner', 'systec']).nullish(),
  created_at: isoDateTimeSchema,
  updated_at: isoDateTimeSchema.nullish(),
});

/** A page of `GET /accounts`: `offset` and `limit` echo the request, `total` counts every matching account. */
export const umeetAccountPageSchema = z.object({
  items: z.array(umeetAccountSchema),
  total: count,
  offset: count,
  limit: z.number().int().positive(),
});

/** A problem details object (RFC 9457) embedded in a failed operation. */
export const umeetProblemSchema = z
  .object({
    type: optionalText,
    title: optionalText,
    status: z.number().int().nullish(),
    detail: optionalText,
    code: optionalText,
  })
  .loose();

/** A provisioning operation: the `202 Accepted` body and what its status URL answers. */
export const umeetOperationSchema = z.object({
  id,
  status: z.enum(['running', 'succeeded', 'failed']),
  account_id: id,
  error: umeetProblemSchema.nullish(),
});

/** A licence: flexible seats between `assigned` and `cap`. */
export const umeetLicenceSchema = z.object({
  plan: z.string().min(1).max(1000),
  commitment: z.literal('flexible'),
  // Systec may lower a cap below what is bought, or users hold more seats than bought for a while: reported as is.
  seats: z.object({ purchased: count, assigned: count, cap: count }),
  billing_period: z
    .object({ start: isoDateSchema, end: isoDateSchema })
    .refine((period) => period.end >= period.start, {
      message: 'must not end before it starts',
      path: ['end'],
    })
    .nullish(),
  auto_renew: z.boolean().nullish(),
  status: z.enum(['active', 'cancelled']),
});

/** An account as Umeet describes it. */
export type UmeetAccount = z.output<typeof umeetAccountSchema>;
/** A provisioning operation as Umeet describes it. */
export type UmeetOperation = z.output<typeof umeetOperationSchema>;
/** A licence as Umeet describes it. */
export type UmeetLicence = z.output<typeof umeetLicenceSchema>;
