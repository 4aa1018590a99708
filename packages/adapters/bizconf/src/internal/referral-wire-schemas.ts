import { accountIdSchema } from '@channelkit/core';
import { isoDateSchema } from '@channelkit/types';
import { z } from 'zod';
import {
  BIZCONF_LEAD_STATUSES,
  BIZCONF_OPPORTUNITY_STATUSES,
  type BizconfLeadStatus,
  type BizconfOpportunityStatus,
} from '../bizconf-referral-statuses';

// Contract v1's referral shapes, only the fields the adapter reads. Ids become path segments of later requests, so
// they are held to the rules of ids callers pass, and to their prefix (`OPP…` opportunities, `LD…` leads), which is
// how `referrals.get` knows the endpoint of an id.

const optionalText = z.string().max(10_000).nullish();
const beijingTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a Beijing time written yyyy-MM-dd HH:mm:ss');
const OPPORTUNITY_STATUSES = Object.keys(BIZCONF_OPPORTUNITY_STATUSES) as [
  BizconfOpportunityStatus,
  ...BizconfOpportunityStatus[],
];
const LEAD_STATUSES = Object.keys(BIZCONF_LEAD_STATUSES) as [BizconfLeadStatus, ...BizconfLeadStatus[]];

/** An opportunity's state, one of contract v1's (`BIZCONF_OPPORTUNITY_STATUSES`). */
export const opportunityStatusSchema = z.enum(OPPORTUNITY_STATUSES);
/** A lead's state, one of contract v1's (`BIZCONF_LEAD_STATUSES`). */
export const leadStatusSchema = z.enum(LEAD_STATUSES);

/** An opportunity id: `OPP` and digits. */
export const opportunityIdSchema = accountIdSchema.refine((id) => /^OPP\d+$/.test(id), {
  message: "must be an opportunity id ('OPP…')",
});
/** A lead id: `LD` and digits. */
export const leadIdSchema = accountIdSchema.refine((id) => /^LD\d+$/.test(id), {
  message: "must be a lead id ('LD…')",
});

const customerSchema = z.object({
  name: z.string().min(1).max(1000),
  creditCode: optionalText,
  province: optionalText,
  industry: optionalText,
  scale: optionalText,
  website: optionalText,
});

const contactSchema = z.object({
  familyName: optionalText,
  givenName: optionalText,
  email: optionalText,
  mobile: optionalText,
  jobTitle: optionalText,
});

const productSchema = z.object({
  productCode: z.string().min(1).max(200),
  quantity: z.number().int().min(1),
});
const amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullish();

/** An opportunity, from `POST`/`GET /opportunities…` or a page of them. */
export const opportunitySchema = z.object({
  opportunityId: opportunityIdSchema,
  status: opportunityStatusSchema,
  reason: optionalText,
  opportunityName: z.string().min(1).max(1000),
  customer: customerSchema,
  enterpriseId: accountIdSchema.nullish(),
  contacts: z.array(contactSchema).max(1000),
  products: z.array(productSchema).max(1000),
  estimatedAmount: amount,
  currency: z.literal('CNY').nullish(),
  expectedCloseDate: isoDateSchema.nullish(),
  externalId: z.string().min(1).max(1000).nullish(),
  protectEndDate: isoDateSchema.nullish(),
  createTime: beijingTime,
  auditTime: beijingTime.nullish(),
});

/** A lead, from `GET /leads…` or an answer to accept or reject. */
export const leadSchema = z.object({
  leadId: leadIdSchema,
  status: leadStatusSchema,
  reason: optionalText,
  title: z.string().min(1).max(1000),
  customer: customerSchema,
  contacts: z.array(contactSchema).max(1000),
  products: z.array(productSchema).max(1000),
  estimatedAmount: amount,
  currency: z.literal('CNY').nullish(),
  deadline: isoDateSchema.nullish(),
  assignTime: beijingTime,
  decideTime: beijingTime.nullish(),
});

/** A page of a referral listing: never more entries than asked for. */
export function referralPageSchema<Item extends z.ZodType>(item: Item, pageSize: number) {
  return z.object({
    list: z.array(item).max(pageSize, `must hold at most the ${pageSize} entries asked for`),
    total: z.number().int().nonnegative(),
    pageNo: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}

/** An opportunity as Bizconf describes it. */
export type BizconfOpportunity = z.output<typeof opportunitySchema>;
/** A lead as Bizconf describes it. */
export type BizconfLead = z.output<typeof leadSchema>;
