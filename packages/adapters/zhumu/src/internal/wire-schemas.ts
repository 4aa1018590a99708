import { accountIdSchema } from '@channelkit/core';
import { z } from 'zod';
import { zhumuStatusRow } from '../zhumu-statuses';

// Zhumu's wire shapes, only the fields this adapter reads. Every answer is parsed with one of these (through core's
// parseWire) before a field is read, so a malformed answer is a ResponseValidationError naming the field. Fields the
// adapter relies on are required; descriptive ones may be null or absent. Unknown fields are dropped.

// Ids Zhumu returns are sent back in later requests: they are held to the rules of ids callers pass.
const id = accountIdSchema;
const count = z.number().int().nonnegative();
const optionalText = z.string().nullish();

/** An enterprise status code of the mapping table (0 to 5). */
const enterpriseStatus = z
  .number()
  .int()
  .refine((code) => zhumuStatusRow(code) !== undefined, {
    message: 'is not one of the enterprise status codes of the Zhumu contract (0 to 5)',
  });

/** An enterprise, as `enterprise/create`, `get`, `suspend`, `resume`, `cancel` and each entry of `list` answer it. */
export const zhumuEnterpriseSchema = z.object({
  id,
  name: z.string().min(1),
  credit_code: z.string().min(1),
  status: enterpriseStatus,
  status_reason: optionalText,
  admin_email: z.string().min(1),
  admin_first_name: optionalText,
  admin_last_name: optionalText,
  admin_mobile: optionalText,
  industry: optionalText,
  employee_count: optionalText,
  website: optionalText,
  province: optionalText,
  city: optionalText,
  address: optionalText,
  postal_code: optionalText,
  external_id: optionalText,
  created_at: z.string().min(1),
  updated_at: optionalText,
});

/** A page of `enterprise/list`. */
export const zhumuEnterprisePageSchema = z.object({
  page_count: count,
  page_number: z.number().int().positive(),
  page_size: z.number().int().positive(),
  total_records: count,
  enterprises: z.array(zhumuEnterpriseSchema),
});

/** `enterprise/licence/get` and `licence/set`: `status` 1 active, 2 expired, 3 cancelled. */
export const zhumuLicenceSchema = z.object({
  enterprise_id: id,
  plan: z.string().min(1),
  seats: count,
  seats_used: count,
  seat_limit: count.nullish(),
  start_date: optionalText,
  end_date: optionalText,
  auto_renew: z.boolean().nullish(),
  status: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
});

/** An enterprise as Zhumu describes it. */
export type ZhumuEnterprise = z.output<typeof zhumuEnterpriseSchema>;
/** A page of enterprises. */
export type ZhumuEnterprisePage = z.output<typeof zhumuEnterprisePageSchema>;
/** A licence as Zhumu describes it. */
export type ZhumuLicence = z.output<typeof zhumuLicenceSchema>;
