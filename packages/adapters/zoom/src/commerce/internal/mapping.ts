import type {
  AccountStatus,
  EmployeeCountBand,
  EnterpriseAccount,
  Referral,
  ReferralContact,
} from '@channelkit/types';
import { EMPLOYEE_COUNT_BANDS } from '@channelkit/types';
import { unifiedDealStatus } from '../zoom-deal-status';
import type { AccountDetails, DealDetails, DealEntry } from './commerce-wire-schemas';
import { moneyOf } from './money';

/** Creation states of an end customer (`status`), as Zoom's webhook `commerce.account_status_changed` lists them. */
const ACCOUNT_STATUS: Record<string, AccountStatus> = {
  success: 'active',
  'partial success': 'active',
  submitted: 'provisioning',
  'in review': 'provisioning',
  failure: 'failed',
};

function present(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

/** `YYYY-MM-DD` from a date or a timestamp Zoom reports; `undefined` for anything else. */
export function dateOf(value: string | null | undefined): string | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value) : null;
  return match?.[1];
}

/** An RFC 3339 timestamp from Zoom's creation date (a date alone is its midnight, UTC). */
function timestampOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

function bandOf(value: string | undefined): EmployeeCountBand | undefined {
  if (value === 'Just Me' || value === '2-10') return '1-10';
  return EMPLOYEE_COUNT_BANDS.find((band) => band === value);
}

/** Maps an end customer's details onto the domain: its CRM account number is the account id. */
export function toEnterpriseAccount(details: AccountDetails): EnterpriseAccount {
  const externalRefs: Record<string, string> = {};
  const reference = present(details.create_reference_id);
  if (reference) externalRefs.createReferenceId = reference;
  const zoomAccount = present(details.zoom_account_number);
  if (zoomAccount) externalRefs.zoomAccountNumber = zoomAccount;
  const type = present(details.account_type);
  if (type) externalRefs.accountType = type;
  const rawStatus = present(details.status);
  if (rawStatus) externalRefs.creationStatus = rawStatus;
  const address = details.billing_address;
  const country = present(address?.country);
  const employeeCount = bandOf(present(details.employee_count));
  const website = present(details.website);
  const contacts = details.contacts ?? [];
  const owner = contacts.find((contact) => contact.primary_role === 'Admin') ?? contacts[0];
  const ownerEmail = present(owner?.company_email);
  const account: EnterpriseAccount = {
    partner: 'zoom',
    id: details.crm_account_number,
    name: details.account_name,
    status: (rawStatus && ACCOUNT_STATUS[rawStatus.toLowerCase()]) || 'active',
    externalRefs,
    profile: {
      legalName: details.account_name,
      ...(country ? { country } : {}),
      ...(employeeCount ? { employeeCount } : {}),
      ...(website ? { website } : {}),
      ...(address?.line_1 && address.city && country
        ? {
            address: {
              line1: address.line_1,
              ...(present(address.line_2) ? { line2: address.line_2 as string } : {}),
              city: address.city,
              ...(present(address.state) ? { region: address.state as string } : {}),
              ...(present(address.postal_code) ? { postalCode: address.postal_code as string } : {}),
              country,
            },
          }
        : {}),
    },
    createdAt: timestampOf(details.created_on_date),
  };
  if (ownerEmail) {
    account.owner = {
      email: ownerEmail,
      ...(present(owner?.first_name) ? { firstName: owner?.first_name as string } : {}),
      ...(present(owner?.last_name) ? { lastName: owner?.last_name as string } : {}),
    };
  }
  return account;
}

function contactOf(person: NonNullable<DealDetails['end_customer_primary_contact']>): ReferralContact {
  const contact: ReferralContact = {};
  if (present(person.first_name)) contact.firstName = person.first_name as string;
  if (present(person.last_name)) contact.lastName = person.last_name as string;
  if (present(person.email)) contact.email = person.email as string;
  if (present(person.phone)) contact.phone = person.phone as string;
  if (present(person.title)) contact.jobTitle = person.title as string;
  if (present(person.contact_crm_number)) contact.platformId = person.contact_crm_number as string;
  return contact;
}

function reasonOf(details: DealDetails, status: Referral['status']): string | undefined {
  const detail = details.status_detail;
  if (!detail) return undefined;
  const byStatus =
    status === 'action_required'
      ? detail.return_reason
      : status === 'declined'
        ? detail.denied_reason
        : status === 'cancelled'
          ? detail.revoke_reason
          : undefined;
  return present(byStatus) ?? present(detail.other_comments);
}

type Common = Pick<
  Referral,
  'partner' | 'id' | 'direction' | 'status' | 'platformStatus' | 'customer' | 'externalRefs'
>;

function common(
  source: DealEntry | DealDetails,
  onUnknown: (status: string) => void,
): Common & Partial<Referral> {
  const { status, known } = unifiedDealStatus(source.status, source.opportunity_stage);
  if (!known) onUnknown(source.status);
  const externalRefs: Record<string, string> = { dealRegNumber: source.deal_reg_number };
  const reference = present(source.create_reference_id);
  if (reference) externalRefs.createReferenceId = reference;
  const stage = present(source.opportunity_stage);
  if (stage) externalRefs.opportunityStage = stage;
  const customer = source.end_customer;
  const name = present(customer?.account_name);
  const referral: Common & Partial<Referral> = {
    partner: 'zoom',
    id: source.deal_reg_number,
    direction: 'outbound',
    status,
    platformStatus: source.status,
    customer: {
      // The name is what a referral needs at least; a registration without one is reported as such by validation.
      legalName: name ?? '',
      ...(present(customer?.crm_account_number) ? { accountId: customer?.crm_account_number as string } : {}),
      ...(present(customer?.address?.country) ? { country: customer?.address?.country as string } : {}),
      ...(present(customer?.industry) ? { industry: customer?.industry as string } : {}),
      ...(present(customer?.employee_count) ? { employeeCount: customer?.employee_count as string } : {}),
      ...(present(customer?.website) ? { website: customer?.website as string } : {}),
    },
    externalRefs,
  };
  if (present(source.deal_name)) referral.name = source.deal_name as string;
  const value = moneyOf(source.estimated_mrr, source.currency);
  if (value) referral.estimatedValue = value;
  const submitted = dateOf(source.submitted_date);
  if (submitted) referral.submittedOn = submitted;
  const expires = dateOf(source.extended_expiry_date) ?? dateOf(source.original_expiry_date);
  if (expires) referral.expiresOn = expires;
  return referral;
}

/** Maps a registration list entry onto the domain: entries carry no contacts and no product groups. */
export function referralFromEntry(entry: DealEntry, onUnknown: (status: string) => void): Referral {
  const referral = common(entry, onUnknown);
  const close = dateOf(entry.expected_closed_date);
  const opportunity = present(entry.opportunity?.opportunity_id);
  if (opportunity) referral.externalRefs.opportunityNumber = opportunity;
  return { ...referral, contacts: [], products: [], ...(close ? { expectedCloseDate: close } : {}) };
}

/** Maps a registration's details onto the domain. */
export function referralFromDetails(details: DealDetails, onUnknown: (status: string) => void): Referral {
  const referral = common(details, onUnknown);
  const close = dateOf(details.expected_close_date);
  const decided = dateOf(details.approved_date) ?? dateOf(details.denied_date);
  const reason = reasonOf(details, referral.status);
  const opportunity = present(details.opportunity?.opportunity_number);
  if (opportunity) referral.externalRefs.opportunityNumber = opportunity;
  const people = [
    ...(details.end_customer_primary_contact ? [details.end_customer_primary_contact] : []),
    ...(details.end_customer_other_contacts ?? []),
  ];
  return {
    ...referral,
    contacts: people.map(contactOf),
    products: (details.product_groups ?? []).map((group) => ({ code: group.name, quantity: group.quantity })),
    ...(close ? { expectedCloseDate: close } : {}),
    ...(decided ? { decidedOn: decided } : {}),
    ...(reason ? { reason } : {}),
  };
}
