import { oneOf } from '../internal/text';

/** Employee-count bands, as the platforms' enterprise sign-up forms ask for them. */
export const EMPLOYEE_COUNT_BANDS = [
  '1-10',
  '11-50',
  '51-250',
  '251-500',
  '501-1000',
  '1001-5000',
  '5001-10000',
  '10001+',
] as const;

/** An employee-count band, one of {@link EMPLOYEE_COUNT_BANDS}. */
export const employeeCountBandSchema = oneOf(EMPLOYEE_COUNT_BANDS);

/** An employee-count band such as `'51-250'`. */
export type EmployeeCountBand = (typeof EMPLOYEE_COUNT_BANDS)[number];
