import { empty, json, readJsonObject } from '../internal/json';
import { invalidBody, validationFailed, zoomError } from '../zoom/zoom-responses';
import type { ZoomDealRegistrationStatus } from './commerce-controls';
import { type BusinessError, businessError, notFound, refusedWrite } from './commerce-responses';
import type { CommerceCall } from './commerce-routes';
import {
  type CommerceStore,
  type ContactRecord,
  type CustomerRecord,
  commerceDate,
  type DealRecord,
} from './commerce-store';
import { BodyReader, pageNumberOf, pageSizeOf, unknownParameters } from './commerce-validation';

/** Every deal registration state the sandbox knows, as `GET /commerce/deal_registrations?status=` accepts them. */
export const DEAL_STATUSES: readonly ZoomDealRegistrationStatus[] = [
  'Submitted',
  'In Review',
  'Returned',
  'Approved',
  'Denied',
  'Expired',
  'Revoked',
];

/** States in which a partner may still change a registration. */
const EDITABLE: readonly ZoomDealRegistrationStatus[] = ['Submitted', 'In Review', 'Returned', 'Approved'];

const PROGRAM = 'Zoom Partner Program';

function readGroups(reader: BodyReader, source: Record<string, unknown>, field: string, required: boolean) {
  return (reader.objects(source, field, field, { required, min: required ? 1 : 0 }) ?? []).map(
    (group, index) => ({
      name: reader.text(group, 'name', `${field}[${index}].name`, { required: true }) ?? '',
      quantity:
        reader.number(group, 'quantity', `${field}[${index}].quantity`, {
          required: true,
          integer: true,
          min: 1,
        }) ?? 1,
    }),
  );
}

function readActivities(reader: BodyReader, source: Record<string, unknown>, required: boolean) {
  return (
    reader.objects(source, 'sales_activities', 'sales_activities', { required, min: required ? 1 : 0 }) ?? []
  ).map((activity, index) => ({
    number:
      reader.text(activity, 'sales_activity_number', `sales_activities[${index}].sales_activity_number`) ??
      '',
    type: reader.text(activity, 'type', `sales_activities[${index}].type`, { required: true }) ?? '',
    date: reader.date(activity, 'date', `sales_activities[${index}].date`, true) ?? '',
  }));
}

function readContactList(reader: BodyReader, source: Record<string, unknown>, field: string): string[] {
  return (reader.objects(source, field, field) ?? []).flatMap((contact, index) => {
    const number = reader.text(contact, 'contact_crm_number', `${field}[${index}].contact_crm_number`);
    return number === undefined ? [] : [number];
  });
}

function readRfp(reader: BodyReader, source: Record<string, unknown>, dates: 'create' | 'update') {
  const rfp = reader.object(source, 'rfp_details', 'rfp_details');
  if (!rfp) return undefined;
  const [issue, due] = dates === 'create' ? ['rfp_issue_date', 'rfp_due_date'] : ['issue_date', 'due_date'];
  const link = reader.text(rfp, 'rfp_link', 'rfp_details.rfp_link');
  const issueDate = reader.date(rfp, issue as string, `rfp_details.${issue}`);
  const dueDate = reader.date(rfp, due as string, `rfp_details.${due}`);
  return {
    isRfp: reader.boolean(rfp, 'is_rfp', 'rfp_details.is_rfp', true) ?? false,
    ...(link === undefined ? {} : { link }),
    ...(issueDate === undefined ? {} : { issueDate }),
    ...(dueDate === undefined ? {} : { dueDate }),
  };
}

function checkContacts(
  errors: BusinessError[],
  customer: CustomerRecord | undefined,
  numbers: readonly (string | undefined)[],
): void {
  for (const number of numbers) {
    if (number === undefined || customer === undefined) continue;
    if (!customer.contacts.some((contact) => contact.crmNumber === number)) {
      errors.push(
        businessError(
          'CONTACT_NOT_FOUND',
          `The contact ${number} is not a contact of ${customer.crmAccountNumber}.`,
        ),
      );
    }
  }
}

function checkPartnerContacts(
  store: CommerceStore,
  errors: BusinessError[],
  numbers: readonly (string | undefined)[],
): void {
  for (const number of numbers) {
    if (number === undefined) continue;
    if (!store.partnerContacts.some((contact) => contact.crmNumber === number)) {
      errors.push(
        businessError('PARTNER_CONTACT_NOT_FOUND', `The contact ${number} is not one of your own contacts.`),
      );
    }
  }
}

/**
 * `POST /commerce/deal_registration`: registers a deal for an end customer who already has a CRM account number,
 * citing its contacts and one of the partner's own contacts as sales representative. A business refusal is a 200
 * answer with `errors[]`.
 */
export async function createDealRegistration({ store, request }: CommerceCall): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const reader = new BodyReader();
  const required = (field: string, max?: number) =>
    reader.text(body, field, field, { required: true, ...(max === undefined ? {} : { max }) }) ?? '';
  const optional = (field: string) => reader.text(body, field, field);
  const opportunityType = required('opportunity_type');
  const salesRep = required('sales_rep_contact_crm_number');
  const crmAccountNumber = required('end_customer_crm_account_number');
  const primaryContact = required('end_customer_contact_crm_number');
  const metDecisionMaker = reader.boolean(body, 'met_decision_maker', 'met_decision_maker', true) ?? false;
  const industry = required('end_customer_industry');
  const opportunityName = required('opportunity_name', 255);
  const estimatedCloseDate = reader.date(body, 'estimated_close_date', 'estimated_close_date', true) ?? '';
  const estimatedMrr = reader.number(body, 'estimated_mrr', 'estimated_mrr', { required: true, min: 0 }) ?? 0;
  const currency = required('currency');
  const requiresProfessionalServices =
    reader.boolean(body, 'requires_professional_services', 'requires_professional_services', true) ?? false;
  const productGroups = readGroups(reader, body, 'product_groups', true);
  const salesActivities = readActivities(reader, body, true);
  const otherContacts = readContactList(reader, body, 'end_customer_contacts');
  const partnerContacts = readContactList(reader, body, 'partner_contacts');
  const department = reader.strings(body, 'end_customer_department', 'end_customer_department') ?? [];
  const rfp = readRfp(reader, body, 'create');
  if (optional('sub_reseller_crm_account_number') !== undefined) {
    reader.fail(
      'sub_reseller_crm_account_number',
      'sub_reseller_crm_account_number is not supported by the channelkit sandbox.',
    );
  }
  const deal = {
    opportunityDesc: optional('opportunity_desc'),
    decisionMaker: optional('decision_maker_crm_number'),
    budgetIdentified: reader.boolean(body, 'budget_identified', 'budget_identified'),
    isPublicSector: reader.boolean(body, 'is_public_sector', 'is_public_sector'),
    buyGovSkus: reader.boolean(body, 'buy_gov_skus', 'buy_gov_skus'),
    professionalServicesDescription: optional('professional_services_description'),
    phoneCarrier: optional('phone_carrier'),
    campaignNumber: optional('campaign_number'),
    submitter: optional('submitter_contact_crm_number'),
    migrationType: optional('migration_type'),
    additionalComments: optional('additional_comments'),
  };
  if (reader.errors.length > 0) return validationFailed(reader.errors);

  const errors: BusinessError[] = [];
  const customer = store.customer(crmAccountNumber);
  if (!customer) {
    errors.push(
      businessError('END_CUSTOMER_NOT_FOUND', `The end customer account ${crmAccountNumber} does not exist.`),
    );
  }
  checkContacts(errors, customer, [primaryContact, ...otherContacts, deal.decisionMaker]);
  checkPartnerContacts(store, errors, [salesRep, ...partnerContacts, deal.submitter]);
  if (errors.length > 0) return refusedWrite(errors);

  const record: DealRecord = {
    dealRegNumber: store.nextDealNumber(),
    createReferenceId: store.randomReference(),
    status: 'Submitted',
    opportunityStage: 'Prospecting',
    opportunityNumber: store.nextOpportunityNumber(),
    statusDetail: {},
    opportunityType,
    opportunityName,
    opportunityDesc: deal.opportunityDesc,
    crmAccountNumber,
    primaryContact,
    otherContacts,
    salesRep,
    partnerContacts,
    metDecisionMaker,
    decisionMaker: deal.decisionMaker,
    budgetIdentified: deal.budgetIdentified,
    isPublicSector: deal.isPublicSector,
    buyGovSkus: deal.buyGovSkus,
    department,
    industry,
    estimatedCloseDate,
    estimatedMrr,
    currency,
    requiresProfessionalServices,
    professionalServicesDescription: deal.professionalServicesDescription,
    phoneCarrier: deal.phoneCarrier,
    productGroups,
    campaignNumber: deal.campaignNumber,
    salesActivities: salesActivities.map((activity) => ({ ...activity, number: store.nextActivityNumber() })),
    rfp,
    submitter: deal.submitter,
    migrationType: deal.migrationType,
    additionalComments: deal.additionalComments,
    submittedOn: commerceDate(store.now()),
    approvedOn: undefined,
    deniedOn: undefined,
    originalExpiry: undefined,
    extendedExpiry: undefined,
    updates: 0,
  };
  store.deals.push(record);
  return json(201, {
    create_reference_id: record.createReferenceId,
    deal_reg_number: record.dealRegNumber,
    status: record.status,
  });
}

function addressJson(customer: CustomerRecord) {
  const address = customer.billingAddress;
  return {
    address_type: 'Billing',
    line_1: address.line1,
    city: address.city,
    ...(address.postalCode === undefined ? {} : { postal_code: address.postalCode }),
    state: address.state,
    country: address.country,
  };
}

function endCustomerJson(customer: CustomerRecord | undefined, deal: DealRecord) {
  return {
    crm_account_number: deal.crmAccountNumber,
    ...(customer === undefined
      ? {}
      : {
          account_name: customer.accountName,
          address: addressJson(customer),
          employee_count: customer.employeeCount,
          website: customer.website,
        }),
    ...(deal.department.length === 0 ? {} : { department: deal.department.join(', ') }),
    industry: deal.industry,
  };
}

function personJson(contact: ContactRecord) {
  return {
    contact_crm_number: contact.crmNumber,
    first_name: contact.firstName,
    last_name: contact.lastName,
    email: contact.email,
    title: contact.jobTitle,
    phone: contact.phone,
  };
}

function optionalDates(deal: DealRecord) {
  return {
    ...(deal.originalExpiry === undefined ? {} : { original_expiry_date: deal.originalExpiry }),
    ...(deal.extendedExpiry === undefined ? {} : { extended_expiry_date: deal.extendedExpiry }),
  };
}

const LIST_PARAMETERS = [
  'status',
  'deal_reg_number',
  'create_reference_id',
  'end_customer_name',
  'end_customer_crm_account_number',
  'end_customer_zoom_account_number',
  'page_size',
  'page_number',
];

/**
 * `GET /commerce/deal_registrations`: registrations in one state; `status` is required, as in Zoom's reference, and
 * matched ignoring case. Paged by `page_number` and `page_size`, with `page_count`.
 */
export function listDealRegistrations({ store, url }: CommerceCall): Response {
  const errors = unknownParameters(url, LIST_PARAMETERS);
  const status = url.searchParams.get('status');
  const wanted = DEAL_STATUSES.find((candidate) => candidate.toLowerCase() === status?.trim().toLowerCase());
  if (status === null || status.trim() === '')
    errors.push({ field: 'status', message: 'status is required.' });
  else if (!wanted)
    errors.push({ field: 'status', message: `status must be one of: ${DEAL_STATUSES.join(', ')}.` });
  const size = pageSizeOf(url, 300, 30);
  const number = pageNumberOf(url, 'page_number');
  if (typeof size !== 'number') errors.push(size);
  if (typeof number !== 'number') errors.push(number);
  if (errors.length > 0 || typeof size !== 'number' || typeof number !== 'number')
    return validationFailed(errors);
  const query = url.searchParams;
  const matching = store.deals.filter((deal) => {
    const customer = store.customer(deal.crmAccountNumber);
    return (
      deal.status === wanted &&
      (!query.has('deal_reg_number') || deal.dealRegNumber === query.get('deal_reg_number')) &&
      (!query.has('create_reference_id') || deal.createReferenceId === query.get('create_reference_id')) &&
      (!query.has('end_customer_crm_account_number') ||
        deal.crmAccountNumber === query.get('end_customer_crm_account_number')) &&
      (!query.has('end_customer_zoom_account_number') ||
        customer?.zoomAccountNumber === query.get('end_customer_zoom_account_number')) &&
      (!query.has('end_customer_name') ||
        (customer?.accountName.toLowerCase().includes((query.get('end_customer_name') ?? '').toLowerCase()) ??
          false))
    );
  });
  const salesRep = (deal: DealRecord) => store.contact(deal.salesRep)?.contact;
  return json(200, {
    page_count: Math.ceil(matching.length / size),
    deal_registrations: matching.slice((number - 1) * size, number * size).map((deal) => {
      const rep = salesRep(deal);
      return {
        deal_reg_number: deal.dealRegNumber,
        create_reference_id: deal.createReferenceId,
        deal_name: deal.opportunityName,
        opportunity_stage: deal.opportunityStage,
        submitted_date: deal.submittedOn,
        expected_closed_date: deal.estimatedCloseDate,
        estimated_mrr: deal.estimatedMrr,
        currency: deal.currency,
        program_name: PROGRAM,
        ...optionalDates(deal),
        ...(rep === undefined ? {} : { partner_sales_rep: `${rep.firstName} ${rep.lastName}` }),
        status: deal.status,
        end_customer: endCustomerJson(store.customer(deal.crmAccountNumber), deal),
        opportunity: {
          opportunity_id: deal.opportunityNumber,
          opportunity_name: deal.opportunityName,
          opportunity_type: deal.opportunityType,
          expected_close_date: deal.estimatedCloseDate,
          partner_role: 'Reseller',
          channel_sales_motion: 'Resell',
        },
      };
    }),
  });
}

/** `GET /commerce/deal_registrations/{dealRegKey}`: one registration in full, a different shape from list entries. */
export function getDealRegistration({ store, params }: CommerceCall): Response {
  const key = params[0] ?? '';
  const deal = store.deal(key);
  if (!deal) return notFound('Deal registration', key);
  const customer = store.customer(deal.crmAccountNumber);
  const person = (number: string | undefined) => {
    const found = number === undefined ? undefined : store.contact(number)?.contact;
    return found && personJson(found);
  };
  const rep = person(deal.salesRep);
  const primary = person(deal.primaryContact);
  const decisionMaker =
    deal.decisionMaker === undefined ? undefined : store.contact(deal.decisionMaker)?.contact;
  const submitter = person(deal.submitter ?? deal.salesRep);
  return json(200, {
    deal_reg_number: deal.dealRegNumber,
    create_reference_id: deal.createReferenceId,
    deal_name: deal.opportunityName,
    ...(deal.opportunityDesc === undefined ? {} : { deal_description: deal.opportunityDesc }),
    currency: deal.currency,
    program_name: PROGRAM,
    opportunity_stage: deal.opportunityStage,
    submitted_date: deal.submittedOn,
    ...(deal.approvedOn === undefined ? {} : { approved_date: deal.approvedOn }),
    ...(deal.deniedOn === undefined ? {} : { denied_date: deal.deniedOn }),
    expected_close_date: deal.estimatedCloseDate,
    partner_role: 'Reseller',
    ...optionalDates(deal),
    ...(rep === undefined
      ? {}
      : { sales_representative: { self_sales_representative: false, sales_rep_contact: rep } }),
    ...(submitter === undefined ? {} : { submitter }),
    partner_contacts: deal.partnerContacts.flatMap((number) => {
      const found = person(number);
      return found === undefined ? [] : [found];
    }),
    is_existing_customer: false,
    end_customer: endCustomerJson(customer, deal),
    ...(primary === undefined ? {} : { end_customer_primary_contact: primary }),
    end_customer_other_contacts: deal.otherContacts.flatMap((number) => {
      const found = person(number);
      return found === undefined ? [] : [found];
    }),
    ...(deal.isPublicSector === undefined ? {} : { is_public_sector: deal.isPublicSector }),
    ...(deal.budgetIdentified === undefined ? {} : { budget_identified: deal.budgetIdentified }),
    ...(deal.buyGovSkus === undefined ? {} : { buy_gov_skus: deal.buyGovSkus }),
    met_decision_maker: deal.metDecisionMaker,
    ...(decisionMaker === undefined
      ? {}
      : {
          decision_maker_email: decisionMaker.email,
          decision_maker_name: `${decisionMaker.firstName} ${decisionMaker.lastName}`,
        }),
    estimated_mrr: deal.estimatedMrr,
    requires_professional_services: deal.requiresProfessionalServices,
    ...(deal.professionalServicesDescription === undefined
      ? {}
      : { professional_services_description: deal.professionalServicesDescription }),
    ...(deal.phoneCarrier === undefined ? {} : { phone_carrier: deal.phoneCarrier }),
    product_groups: deal.productGroups.map((group) => ({ ...group })),
    ...(deal.campaignNumber === undefined ? {} : { campaign: deal.campaignNumber }),
    sales_activities: deal.salesActivities.map((activity) => ({
      sales_activity_number: activity.number,
      type: activity.type,
      date: activity.date,
    })),
    ...(deal.rfp === undefined
      ? {}
      : {
          rfp_details: {
            is_rfp: deal.rfp.isRfp,
            ...(deal.rfp.link === undefined ? {} : { rfp_link: deal.rfp.link }),
            ...(deal.rfp.issueDate === undefined ? {} : { issue_date: deal.rfp.issueDate }),
            ...(deal.rfp.dueDate === undefined ? {} : { due_date: deal.rfp.dueDate }),
          },
        }),
    ...(deal.additionalComments === undefined ? {} : { additional_comments: deal.additionalComments }),
    opportunity: {
      opportunity_number: deal.opportunityNumber,
      opportunity_name: deal.opportunityName,
      opportunity_type: deal.opportunityType,
      partner_role: 'Reseller',
      channel_sales_motion: 'Resell',
      expected_close_date: deal.estimatedCloseDate,
    },
    status: deal.status,
    ...(Object.keys(deal.statusDetail).length === 0 ? {} : { status_detail: { ...deal.statusDetail } }),
  });
}

/**
 * `PATCH /commerce/deal_registrations/{dealRegKey}`: changes a registration (`add_*` and `remove_product_groups` for
 * lists). Answers 204. A registration Zoom returned for changes (`Returned`) goes back to `Submitted`; one in a final
 * state (`Denied`, `Expired`, `Revoked`) cannot change: 400.
 */
export async function updateDealRegistration({ store, request, params }: CommerceCall): Promise<Response> {
  const key = params[0] ?? '';
  const deal = store.deal(key);
  if (!deal) return notFound('Deal registration', key);
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  if (!EDITABLE.includes(deal.status) || deal.opportunityStage.startsWith('Closed')) {
    return zoomError(
      400,
      300,
      `Deal registration ${deal.dealRegNumber} is ${deal.status} and cannot be updated.`,
    );
  }
  const reader = new BodyReader();
  const text = (field: string) => reader.text(body, field, field);
  const changes = {
    salesRep: text('sales_rep_contact_crm_number'),
    opportunityName: reader.text(body, 'opportunity_name', 'opportunity_name', { max: 255 }),
    opportunityDesc: text('opportunity_desc'),
    industry: text('end_customer_industry'),
    estimatedCloseDate: reader.date(body, 'estimated_close_date', 'estimated_close_date'),
    estimatedMrr: reader.number(body, 'estimated_mrr', 'estimated_mrr', { min: 0 }),
    currency: text('currency'),
    metDecisionMaker: reader.boolean(body, 'met_decision_maker', 'met_decision_maker'),
    decisionMaker: text('decision_maker_crm_number'),
    budgetIdentified: reader.boolean(body, 'budget_identified', 'budget_identified'),
    isPublicSector: reader.boolean(body, 'is_public_sector', 'is_public_sector'),
    buyGovSkus: reader.boolean(body, 'buy_gov_skus', 'buy_gov_skus'),
    requiresProfessionalServices: reader.boolean(
      body,
      'requires_professional_services',
      'requires_professional_services',
    ),
    professionalServicesDescription: text('professional_services_description'),
    phoneCarrier: text('phone_carrier'),
    campaignNumber: text('campaign_number'),
    submitter: text('submitter_contact_crm_number'),
    additionalComments: text('additional_comments'),
    department: reader.strings(body, 'end_customer_department', 'end_customer_department'),
  };
  const addGroups = readGroups(reader, body, 'add_product_groups', false);
  const removeGroups = (reader.objects(body, 'remove_product_groups', 'remove_product_groups') ?? []).map(
    (group, index) =>
      reader.text(group, 'name', `remove_product_groups[${index}].name`, { required: true }) ?? '',
  );
  const activities = body.sales_activities === undefined ? undefined : readActivities(reader, body, false);
  const addPartners = readContactList(reader, body, 'add_partner_contacts');
  const addCustomerContacts = readContactList(reader, body, 'add_end_customer_contacts');
  const rfp = readRfp(reader, body, 'update');
  if (reader.errors.length > 0) return validationFailed(reader.errors);

  const errors: BusinessError[] = [];
  checkContacts(errors, store.customer(deal.crmAccountNumber), [
    changes.decisionMaker,
    ...addCustomerContacts,
  ]);
  checkPartnerContacts(store, errors, [changes.salesRep, changes.submitter, ...addPartners]);
  const remaining = deal.productGroups.filter((group) => !removeGroups.includes(group.name));
  for (const name of removeGroups) {
    if (!deal.productGroups.some((group) => group.name === name)) {
      errors.push(businessError('PRODUCT_GROUP_NOT_FOUND', `The registration has no product group ${name}.`));
    }
  }
  const groups = [
    ...remaining.filter((group) => !addGroups.some((added) => added.name === group.name)),
    ...addGroups,
  ];
  if (groups.length === 0) {
    errors.push(
      businessError('PRODUCT_GROUP_REQUIRED', 'A deal registration needs at least one product group.'),
    );
  }
  if (errors.length > 0) {
    return zoomError(400, 300, errors.map((error) => error.error_description).join(' '));
  }

  for (const [field, value] of Object.entries(changes)) {
    if (value !== undefined) (deal as unknown as Record<string, unknown>)[field] = value;
  }
  deal.productGroups = groups;
  if (activities !== undefined) {
    deal.salesActivities = activities.map((activity) => ({
      ...activity,
      number: activity.number || store.nextActivityNumber(),
    }));
  }
  deal.partnerContacts = [...new Set([...deal.partnerContacts, ...addPartners])];
  deal.otherContacts = [...new Set([...deal.otherContacts, ...addCustomerContacts])];
  if (rfp !== undefined) deal.rfp = rfp;
  deal.updates += 1;
  if (deal.status === 'Returned') {
    deal.status = 'Submitted';
    delete deal.statusDetail.return_reason;
  }
  return empty(204);
}

const CAMPAIGN_PARAMETERS = [
  'end_customer_crm_account_number',
  'sub_reseller_crm_account_number',
  'campaign_member_crm_contact_number',
  'product_groups',
];

/**
 * `GET /commerce/campaigns`: the campaigns a registration may cite. Zoom requires `end_customer_crm_account_number`,
 * `campaign_member_crm_contact_number` and `product_groups`; the sandbox runs one campaign, for `Meetings`.
 */
export function listCampaigns({ store, url }: CommerceCall): Response {
  const errors = unknownParameters(url, CAMPAIGN_PARAMETERS);
  for (const name of [
    'end_customer_crm_account_number',
    'campaign_member_crm_contact_number',
    'product_groups',
  ]) {
    if (!url.searchParams.get(name)) errors.push({ field: name, message: `${name} is required.` });
  }
  if (errors.length > 0) return validationFailed(errors);
  if (!store.customer(url.searchParams.get('end_customer_crm_account_number') ?? '')) {
    return notFound('Account', url.searchParams.get('end_customer_crm_account_number') ?? '');
  }
  const groups = (url.searchParams.get('product_groups') ?? '').split(',').map((group) => group.trim());
  return json(200, {
    campaigns: groups.includes('Meetings')
      ? [
          {
            campaign_number: 7001,
            campaign_name: 'Switch to Zoom Workplace',
            campaign_description: 'Extra margin on new Zoom Workplace customers (channelkit sandbox).',
            campaign_start_date: '2026-01-01',
            campaign_end_date: '2026-12-31',
          },
        ]
      : [],
  });
}
