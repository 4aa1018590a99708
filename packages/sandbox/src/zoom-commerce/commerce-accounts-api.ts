import { json, readJsonObject } from '../internal/json';
import { invalidBody, validationFailed } from '../zoom/zoom-responses';
import { notFound } from './commerce-responses';
import type { CommerceCall } from './commerce-routes';
import type { AddressRecord, ContactRecord, CustomerRecord } from './commerce-store';
import { commerceDate } from './commerce-store';
import { BodyReader, pageNumberOf, pageSizeOf, unknownParameters } from './commerce-validation';

/** Company sizes Zoom's account form offers (`employee_count`). */
export const EMPLOYEE_COUNTS = [
  'Just Me',
  '2-10',
  '11-50',
  '51-250',
  '251-500',
  '501-1000',
  '1001-5000',
  '5001-10000',
  '10001+',
] as const;

/** The contact roles Zoom's reference lists for `primary_role`. */
export const PRIMARY_ROLES = [
  'Admin',
  'Decision Maker',
  'Economic Buyer',
  'Executive Sponsor',
  'Zoom Champion',
  'Zoom Coach',
  'Influencer',
  'Technical Evaluator',
  'End User',
  'Legal',
  'Procurement',
  'Vendor Manager',
  'Sourcing Manager',
  'Billing',
] as const;

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

/** The host of a web site, without `www.`; `undefined` when it is not a URL. */
function siteDomain(website: string): string | undefined {
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(website) ? website : `https://${website}`);
    return url.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Zoom wants the contacts' e-mail domain to be the account's domain (equal, or one under the other). */
function sameDomain(email: string, website: string): boolean {
  const domain = EMAIL.exec(email)?.[1]?.toLowerCase();
  const site = siteDomain(website);
  if (!domain || !site) return false;
  return domain === site || domain.endsWith(`.${site}`) || site.endsWith(`.${domain}`);
}

function readContacts(
  reader: BodyReader,
  body: Record<string, unknown>,
  website: string | undefined,
  required: boolean,
): ContactRecord[] {
  const contacts = reader.objects(body, 'contacts', 'contacts', { required, min: 1 }) ?? [];
  return contacts.map((contact, index) => {
    const path = `contacts[${index}]`;
    const email = reader.text(contact, 'company_email', `${path}.company_email`, {
      required: true,
      max: 128,
    });
    if (email !== undefined && !EMAIL.test(email))
      reader.fail(`${path}.company_email`, 'Invalid email address.');
    else if (email !== undefined && website !== undefined && !sameDomain(email, website)) {
      reader.fail(`${path}.company_email`, 'The email domain should be the same as the account domain.');
    }
    const role = reader.text(contact, 'primary_role', `${path}.primary_role`);
    if (role !== undefined && !PRIMARY_ROLES.includes(role as (typeof PRIMARY_ROLES)[number])) {
      reader.fail(`${path}.primary_role`, `primary_role must be one of: ${PRIMARY_ROLES.join(', ')}.`);
    }
    return {
      crmNumber: '',
      firstName: reader.text(contact, 'first_name', `${path}.first_name`, { required: true, max: 40 }) ?? '',
      lastName: reader.text(contact, 'last_name', `${path}.last_name`, { required: true, max: 80 }) ?? '',
      jobTitle: reader.text(contact, 'job_title', `${path}.job_title`, { required: true, max: 128 }) ?? '',
      email: email ?? '',
      phone:
        reader.text(contact, 'business_phone', `${path}.business_phone`, { required: true, max: 40 }) ?? '',
      primaryRole: role,
    };
  });
}

/** `POST /commerce/account`: creates an end customer, asynchronously. */
export async function createAccount({ store, request }: CommerceCall): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const reader = new BodyReader();
  const accountName = reader.text(body, 'account_name', 'account_name', { required: true, max: 255 });
  const employeeCount = reader.text(body, 'employee_count', 'employee_count', { required: true });
  if (
    employeeCount !== undefined &&
    !EMPLOYEE_COUNTS.includes(employeeCount as (typeof EMPLOYEE_COUNTS)[number])
  ) {
    reader.fail('employee_count', `employee_count must be one of: ${EMPLOYEE_COUNTS.join(', ')}.`);
  }
  const website = reader.text(body, 'website', 'website', { required: true, max: 255 });
  if (website !== undefined && siteDomain(website) === undefined) reader.fail('website', 'Invalid website.');
  const currency = reader.text(body, 'currency', 'currency', { required: true });
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    reader.fail('currency', 'currency must be an ISO 4217 code, e.g. USD.');
  }
  reader.text(body, 'sub_reseller_crm_account_number', 'sub_reseller_crm_account_number');
  if (body.sub_reseller_crm_account_number !== undefined) {
    reader.fail(
      'sub_reseller_crm_account_number',
      "sub_reseller_crm_account_number is not supported by the channelkit sandbox's model of this endpoint.",
    );
  }
  const contacts = readContacts(reader, body, website, true);
  const address = reader.object(body, 'billing_address', 'billing_address', true);
  let billingAddress: AddressRecord | undefined;
  if (address) {
    const country = reader.text(address, 'country', 'billing_address.country', { required: true });
    if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
      reader.fail('billing_address.country', 'country must be an ISO 3166-1 alpha-2 code, e.g. SG.');
    }
    billingAddress = {
      line1: reader.text(address, 'line_1', 'billing_address.line_1', { required: true, max: 255 }) ?? '',
      city: reader.text(address, 'city', 'billing_address.city', { required: true, max: 40 }) ?? '',
      postalCode: reader.text(address, 'postal_code', 'billing_address.postal_code', {
        required: true,
        max: 20,
      }),
      state: reader.text(address, 'state', 'billing_address.state', { required: true, max: 80 }) ?? '',
      country: country ?? '',
    };
  }
  if (reader.errors.length > 0 || !billingAddress) return validationFailed(reader.errors);

  const customer = store.insertCustomer({
    accountName: accountName as string,
    employeeCount: employeeCount as string,
    website: website as string,
    currency: currency as string,
    billingAddress,
    contacts,
  });
  return json(201, createAnswer(customer));
}

function createAnswer(customer: CustomerRecord) {
  return {
    create_reference_id: customer.createReferenceId,
    ...(customer.crmAccountNumber === undefined ? {} : { crm_account_number: customer.crmAccountNumber }),
    status: customer.status,
    ...(customer.statusDetail === undefined ? {} : { status_detail: customer.statusDetail }),
  };
}

/** `POST /commerce/account/{accountKey}/contacts`: adds contacts to an end customer. */
export async function addContacts({ store, request, params }: CommerceCall): Promise<Response> {
  const key = params[0] ?? '';
  const customer = store.customer(key);
  if (!customer) return notFound('Account', key);
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const reader = new BodyReader();
  const contacts = readContacts(reader, body, customer.website, true);
  if (reader.errors.length > 0) return validationFailed(reader.errors);
  for (const contact of contacts)
    customer.contacts.push({ ...contact, crmNumber: store.nextContactNumber() });
  return json(201, createAnswer(customer));
}

const LIST_PARAMETERS = [
  'account_name',
  'crm_account_number',
  'zoom_account_number',
  'create_reference_id',
  'page_size',
  'page_number',
];

/**
 * `GET /commerce/accounts`: the partner's end customers, including those still being created (listed with their
 * create reference and no CRM number). `account_name` matches any part of the name, ignoring case. Looking an
 * account up by `create_reference_id` counts towards completing its creation.
 */
export function listAccounts({ store, url }: CommerceCall): Response {
  const errors = unknownParameters(url, LIST_PARAMETERS);
  const size = pageSizeOf(url, 300, 30);
  const number = pageNumberOf(url, 'page_number');
  if (typeof size !== 'number') errors.push(size);
  if (typeof number !== 'number') errors.push(number);
  if (errors.length > 0 || typeof size !== 'number' || typeof number !== 'number')
    return validationFailed(errors);
  const query = url.searchParams;
  const name = query.get('account_name')?.toLowerCase();
  const reference = query.get('create_reference_id');
  const matching = store.customers.filter(
    (customer) =>
      (name === undefined || customer.accountName.toLowerCase().includes(name)) &&
      (!query.has('crm_account_number') || customer.crmAccountNumber === query.get('crm_account_number')) &&
      (!query.has('zoom_account_number') ||
        customer.zoomAccountNumber === query.get('zoom_account_number')) &&
      (reference === null || customer.createReferenceId === reference),
  );
  if (reference !== null) for (const customer of matching) store.lookedUp(customer);
  const page = matching.slice((number - 1) * size, number * size);
  return json(200, {
    page_count: Math.ceil(matching.length / size),
    account_list: page.map((customer) => ({
      create_reference_id: customer.createReferenceId,
      ...(customer.crmAccountNumber === undefined ? {} : { crm_account_number: customer.crmAccountNumber }),
      account_name: customer.accountName,
      ...(customer.zoomAccountNumber === undefined
        ? {}
        : { zoom_account_number: customer.zoomAccountNumber }),
      account_type: 'End Customer',
      country: customer.billingAddress.country,
      currency: customer.currency,
      website: customer.website,
    })),
  });
}

/** `GET /commerce/accounts/{accountKey}`: one end customer's details, a different shape from the list entry. */
export function getAccount({ store, params }: CommerceCall): Response {
  const key = params[0] ?? '';
  const customer = store.customer(key);
  if (!customer) return notFound('Account', key);
  const address = customer.billingAddress;
  return json(200, {
    crm_account_number: customer.crmAccountNumber,
    create_reference_id: customer.createReferenceId,
    status: customer.status,
    ...(customer.zoomAccountNumber === undefined ? {} : { zoom_account_number: customer.zoomAccountNumber }),
    account_name: customer.accountName,
    account_type: 'End Customer',
    created_on_date: commerceDate(customer.createdAt),
    employee_count: customer.employeeCount,
    website: customer.website,
    currency: customer.currency,
    contacts: customer.contacts.map((contact) => ({
      contact_crm_number: contact.crmNumber,
      first_name: contact.firstName,
      last_name: contact.lastName,
      job_title: contact.jobTitle,
      company_email: contact.email,
      business_phone: contact.phone,
      ...(contact.primaryRole === undefined ? {} : { primary_role: contact.primaryRole }),
    })),
    billing_address: {
      line_1: address.line1,
      city: address.city,
      ...(address.postalCode === undefined ? {} : { postal_code: address.postalCode }),
      state: address.state,
      country: address.country,
    },
  });
}
