import { accountIdSchema } from '@channelkit/core';
import { isoDateSchema } from '@channelkit/types';
import { z } from 'zod';

// The wire shapes of the Bizconf contract v1, only the fields this adapter reads. Every answer is parsed with one of
// these (through core's parseWire) before a field is read: a malformed answer is a ResponseValidationError naming the
// field, never a TypeError or a request sent to `/enterprises/undefined`. Ids Bizconf returns become path segments
// of later requests, so they are held to the rules of ids callers pass. Unknown fields are dropped.

const id = accountIdSchema;
const count = z.number().int().nonnegative();
const optionalText = z.string().nullish();
/** Bizconf's timestamps: Beijing time, `yyyy-MM-dd HH:mm:ss`. */
const beijingTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a Beijing time written yyyy-MM-dd HH:mm:ss');

/** Every answer: `{ code: 0, msg, data }`; a non-zero code never gets here (the error parser took it). */
export function envelopeOf<Data extends z.ZodType>(data: Data) {
  return z.object({ code: z.union([z.literal(0), z.literal('0')]), msg: optionalText, data });
}

/** An enterprise's state. */
export const enterpriseStatusSchema = z.enum(['REVIEWING', 'NORMAL', 'FROZEN', 'CANCELLED', 'REJECTED']);

/** An enterprise, from `GET /enterprises/{id}`, a listing, or a freeze, unfreeze or cancel. */
export const enterpriseSchema = z.object({
  enterpriseId: id,
  enterpriseName: z.string().min(1),
  creditCode: optionalText,
  status: enterpriseStatusSchema,
  industry: optionalText,
  scale: optionalText,
  website: optionalText,
  address: z
    .object({ province: optionalText, city: optionalText, detail: optionalText, postcode: optionalText })
    .nullish(),
  admin: z.object({
    familyName: optionalText,
    givenName: optionalText,
    email: z.string().min(1),
    mobile: optionalText,
  }),
  externalId: optionalText,
  createTime: beijingTime,
  updateTime: beijingTime.nullish(),
});

/** A page of `GET /enterprises`: never more entries than the page size asked for. */
export function enterprisePageSchema(pageSize: number) {
  return z.object({
    list: z.array(enterpriseSchema).max(pageSize, `must hold at most the ${pageSize} enterprises asked for`),
    total: count,
    pageNo: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}

/** A provisioning task, from `POST /enterprises` or `GET /tasks/{taskId}`; a finished one names its enterprise. */
export const taskSchema = z
  .object({
    taskId: id,
    bizNo: z.string().min(1),
    status: z.enum(['PROCESSING', 'SUCCESS', 'FAILED']),
    enterpriseId: id.nullish(),
    failCode: optionalText,
    failReason: optionalText,
  })
  .superRefine((task, context) => {
    if (task.status === 'SUCCESS' && !task.enterpriseId) {
      context.addIssue({
        code: 'custom',
        path: ['enterpriseId'],
        message: 'is required once the task succeeded',
        input: task.enterpriseId,
      });
    }
  });

/** An enterprise's annual licence, from `GET` or `POST /enterprises/{id}/licence`. */
export const licenceSchema = z
  .object({
    planCode: z.string().min(1),
    commitment: z.literal('ANNUAL'),
    seats: count,
    usedSeats: count,
    renewalSeats: count.nullish(),
    termStart: isoDateSchema,
    termEnd: isoDateSchema,
    autoRenew: z.boolean(),
    status: z.enum(['ACTIVE', 'EXPIRED']),
  })
  .refine((licence) => licence.termEnd >= licence.termStart, {
    path: ['termEnd'],
    message: 'must not be before termStart',
  });

/** An enterprise as Bizconf describes it. */
export type BizconfEnterprise = z.output<typeof enterpriseSchema>;
/** A provisioning task. */
export type BizconfTask = z.output<typeof taskSchema>;
/** An annual licence. */
export type BizconfLicence = z.output<typeof licenceSchema>;
