/** A licence as `GET .../licence` answers it and `LICENCE_CHANGED` carries it (contract v1). */
export const LICENCE_SAMPLE = {
  planCode: 'STANDARD',
  commitment: 'ANNUAL',
  seats: 50,
  usedSeats: 12,
  renewalSeats: null,
  termStart: '2026-01-15',
  termEnd: '2027-01-14',
  autoRenew: true,
  status: 'ACTIVE',
} as const;
