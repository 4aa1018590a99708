import { ZOOM_COMMERCE_SANDBOX_PRICE_LISTS } from '@channelkit/sandbox';
import type { ProvisionAccountInput, ReferralInput } from '@channelkit/types';

// Inputs shared by the Commerce tests, apart from the msw harness so that tests over real HTTP can use them.

/** The sandbox's base plan used by default in these tests. */
export const PLAN = ZOOM_COMMERCE_SANDBOX_PRICE_LISTS.businessMonthly;

/** A valid provisioning input for a Singapore customer Zoom Partner Commerce accepts. */
export function commerceInput(overrides: Partial<ProvisionAccountInput> = {}): ProvisionAccountInput {
  return {
    profile: {
      legalName: 'Acme Pte. Ltd.',
      country: 'SG',
      industry: 'Software',
      employeeCount: '51-250',
      website: 'https://www.acme.example',
      address: {
        line1: '1 Raffles Place',
        line2: '#20-01',
        city: 'Singapore',
        region: 'Singapore',
        postalCode: '048616',
        country: 'SG',
      },
    },
    admin: {
      firstName: 'Ada',
      lastName: 'Tan',
      email: 'ada@acme.example',
      mobile: '+6591234567',
      jobTitle: 'IT Manager',
    },
    seats: 10,
    externalId: 'crm-42',
    ...overrides,
  };
}

/** A valid deal registration for the Acme customer of {@link commerceInput}. */
export function dealInput(overrides: Partial<ReferralInput> = {}): ReferralInput {
  const { profile, admin } = commerceInput();
  return {
    name: 'Acme – 250 seats',
    customer: {
      legalName: profile.legalName,
      country: profile.country,
      industry: profile.industry,
      employeeCount: profile.employeeCount,
      website: profile.website,
      address: profile.address,
    },
    contacts: [admin],
    products: [{ code: 'Meetings', quantity: 250 }],
    estimatedValue: { amountMinor: 458_250, currency: 'USD' },
    expectedCloseDate: '2026-09-30',
    activities: [{ type: 'Meeting', date: '2026-01-10' }],
    decisionMakerMet: true,
    notes: 'Moving from another vendor\nin Q3',
    ...overrides,
  };
}
