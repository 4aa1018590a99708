import { accountIdSchema, referralIdSchema } from '@channelkit/core';
import { z } from 'zod';

// Zoom Partner Commerce wire shapes, only the fields this adapter reads (zod drops the others), after the request
// and response types of Zoom's own Node SDK (`@zoom/rivet`, module `commerce`). Every answer is parsed with one of
// these before a field is read. Ids that become path segments of later requests (CRM account numbers, subscription
// numbers, deal registration numbers) are held to the rules of ids callers pass.

const text = z.string();
const optionalText = z.string().nullish();
const money = z.number().finite();

/** `POST /commerce/account` and `POST /commerce/account/{key}/contacts`: creation can be pending. */
export const createdAccountSchema = z.object({
  create_reference_id: z.string().min(1),
  crm_account_number: accountIdSchema.nullish(),
  status: optionalText,
  status_detail: optionalText,
});

/** An entry of `GET /commerce/accounts`; a pending creation has no `crm_account_number` yet. */
export const accountEntrySchema = z.object({
  create_reference_id: optionalText,
  crm_account_number: accountIdSchema.nullish().or(z.literal('')),
  account_name: optionalText,
  zoom_account_number: optionalText,
  account_type: optionalText,
  country: optionalText,
});

/** A page of `GET /commerce/accounts` (`page_number` paging, with `page_count`). */
export const accountListSchema = z.object({
  page_count: z.number().int().nonnegative().nullish(),
  account_list: z.array(accountEntrySchema).nullish(),
});

const contactSchema = z.object({
  contact_crm_number: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  job_title: optionalText,
  company_email: optionalText,
  business_phone: optionalText,
  primary_role: optionalText,
});

/** `GET /commerce/accounts/{accountKey}`: a different shape from the list entry; the country is in the address. */
export const accountDetailsSchema = z.object({
  crm_account_number: accountIdSchema,
  create_reference_id: optionalText,
  status: optionalText,
  zoom_account_number: optionalText,
  account_name: z.string().min(1),
  account_type: optionalText,
  created_on_date: z.string().min(1),
  employee_count: optionalText,
  website: optionalText,
  currency: optionalText,
  contacts: z.array(contactSchema).nullish(),
  billing_address: z
    .object({
      line_1: optionalText,
      line_2: optionalText,
      city: optionalText,
      postal_code: optionalText,
      state: optionalText,
      country: optionalText,
    })
    .nullish(),
});

const price = z.object({ currency: optionalText }).passthrough();

/** `POST /commerce/catalog`: offers with their price lists. */
export const catalogSchema = z.object({
  offers: z.array(
    z.object({
      offer_id: z.union([z.string(), z.number()]),
      offer_name: text,
      offer_type: optionalText,
      offer_products: z
        .array(
          z.object({
            product_group_name: optionalText,
            price_list: z
              .array(
                z.object({
                  price_list_id: z.string().min(1),
                  price_list_name: optionalText,
                  billing_period: optionalText,
                  prices: z.array(price).nullish(),
                }),
              )
              .nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});

/** `POST /commerce/order`: what was placed. Business refusals (`errors[]`) never get here: the transport throws. */
export const orderAnswerSchema = z.object({
  status: optionalText,
  order_reference_id: z.string().min(1),
  order_number: optionalText,
  subscriptions: z
    .array(z.object({ subscription_number: accountIdSchema.nullish(), zoom_account_number: optionalText }))
    .nullish(),
});

/** `POST /commerce/order/preview`: the change an order would make; Zoom's reasons to refuse it are strings. */
export const previewSchema = z.object({
  status: optionalText,
  order_metrics: z
    .object({
      tcv: money.nullish(),
      tcb: money.nullish(),
      mrr: money.nullish(),
      total_discount_pct: z.number().min(0).max(100).nullish(),
    })
    .nullish(),
  errors: z.array(z.string()).nullish(),
});

/** A page of `GET /commerce/orders` (`page_num` paging, no page count: a short page is the last). */
export const orderListSchema = z.object({
  order_list: z
    .array(
      z.object({
        order_reference_id: z.string().min(1),
        order_number: optionalText,
        status: optionalText,
        po_number: optionalText,
        end_customer_crm_account_number: optionalText,
      }),
    )
    .nullish(),
});

/** A page of `GET /commerce/subscriptions` (`next_page_token` paging); entries have `subscription_status`. */
export const subscriptionListSchema = z.object({
  next_page_token: optionalText,
  subscription_list: z
    .array(
      z.object({
        subscription_number: accountIdSchema,
        subscription_status: optionalText,
        subscription_owner: z.object({ crm_account_number: optionalText }).nullish(),
      }),
    )
    .nullish(),
});

const termSchema = z
  .object({
    term_type: optionalText,
    period_type: optionalText,
    term_period: z.number().int().nonnegative().nullish(),
    start_date: optionalText,
    end_date: optionalText,
  })
  .nullish();

/** `GET /commerce/subscriptions/{number}`: details have `status` (not `subscription_status`) and the lines. */
export const subscriptionDetailsSchema = z.object({
  subscription_number: accountIdSchema,
  status: optionalText,
  currency: optionalText,
  auto_renew: z.boolean().nullish(),
  start_date: optionalText,
  end_date: optionalText,
  initial_term: termSchema,
  current_term: termSchema,
  end_customer_account: z.object({ crm_account_number: optionalText }).nullish(),
  subscription_lines: z
    .array(
      z.object({
        offer_price_list_id: z.string().min(1),
        offer_price_list_name: optionalText,
        quantity: z.number().int().nonnegative(),
        status: optionalText,
      }),
    )
    .nullish(),
});

/** `POST /commerce/deal_registration`: the new registration. Refusals (`errors[]`) never get here. */
export const createdDealSchema = z.object({
  create_reference_id: optionalText,
  deal_reg_number: referralIdSchema,
  status: optionalText,
});

const addressSchema = z.object({ country: optionalText }).nullish();

const endCustomerSchema = z
  .object({
    crm_account_number: optionalText,
    account_name: optionalText,
    address: addressSchema,
    industry: optionalText,
    employee_count: optionalText,
    website: optionalText,
  })
  .nullish();

/** An entry of `GET /commerce/deal_registrations`: no contacts, no product groups; `expected_closed_date`. */
export const dealEntrySchema = z.object({
  deal_reg_number: referralIdSchema,
  create_reference_id: optionalText,
  deal_name: optionalText,
  opportunity_stage: optionalText,
  submitted_date: optionalText,
  expected_closed_date: optionalText,
  estimated_mrr: money.nullish(),
  currency: optionalText,
  original_expiry_date: optionalText,
  extended_expiry_date: optionalText,
  status: z.string().min(1),
  end_customer: endCustomerSchema,
  opportunity: z.object({ opportunity_id: optionalText }).nullish(),
});

/** A page of `GET /commerce/deal_registrations` (`status` required, `page_number` paging with `page_count`). */
export const dealListSchema = z.object({
  page_count: z.number().int().nonnegative().nullish(),
  deal_registrations: z.array(dealEntrySchema).nullish(),
});

const personSchema = z.object({
  contact_crm_number: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  title: optionalText,
  phone: optionalText,
});

/** `GET /commerce/deal_registrations/{dealRegKey}`: a registration in full. */
export const dealDetailsSchema = z.object({
  deal_reg_number: referralIdSchema,
  create_reference_id: optionalText,
  deal_name: optionalText,
  currency: optionalText,
  opportunity_stage: optionalText,
  submitted_date: optionalText,
  approved_date: optionalText,
  denied_date: optionalText,
  expected_close_date: optionalText,
  original_expiry_date: optionalText,
  extended_expiry_date: optionalText,
  end_customer: endCustomerSchema,
  end_customer_primary_contact: personSchema.nullish(),
  end_customer_other_contacts: z.array(personSchema).nullish(),
  estimated_mrr: money.nullish(),
  product_groups: z.array(z.object({ name: z.string().min(1), quantity: z.number().int() })).nullish(),
  opportunity: z.object({ opportunity_number: optionalText }).nullish(),
  status: z.string().min(1),
  status_detail: z
    .object({
      return_reason: optionalText,
      revoke_reason: optionalText,
      denied_reason: optionalText,
      other_comments: optionalText,
    })
    .nullish(),
});

/** An end customer's details, validated. */
export type AccountDetails = z.output<typeof accountDetailsSchema>;
/** An entry of the account list, validated. */
export type AccountEntry = z.output<typeof accountEntrySchema>;
/** A subscription's details, validated. */
export type SubscriptionDetails = z.output<typeof subscriptionDetailsSchema>;
/** A deal registration list entry, validated. */
export type DealEntry = z.output<typeof dealEntrySchema>;
/** A deal registration's details, validated. */
export type DealDetails = z.output<typeof dealDetailsSchema>;
