/** The `data` of a `licence.updated` event: the licence as `GET /accounts/{id}/licence` answers it (contract v1). */
export const LICENCE_EVENT_DATA = {
  account_id: 'acc_7',
  plan: 'business',
  commitment: 'flexible',
  seats: { purchased: 40, assigned: 12, cap: 100 },
  billing_period: { start: '2026-01-01', end: '2026-01-31' },
  auto_renew: true,
  status: 'active',
} as const;
