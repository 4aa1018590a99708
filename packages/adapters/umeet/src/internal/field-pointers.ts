// Umeet names request fields in JSON pointers (RFC 6901) into its own wire bodies; errors name them as the channelkit
// inputs they came from, so that `details` of an error point at the field the caller wrote.
const POINTERS: Readonly<Record<string, string>> = {
  '/name': 'profile.legalName',
  '/credit_code': 'profile.creditCode',
  '/country': 'profile.country',
  '/industry': 'profile.industry',
  '/employee_count': 'profile.employeeCount',
  '/website': 'profile.website',
  '/address': 'profile.address',
  '/address/line1': 'profile.address.line1',
  '/address/line2': 'profile.address.line2',
  '/address/city': 'profile.address.city',
  '/address/region': 'profile.address.region',
  '/address/postal_code': 'profile.address.postalCode',
  '/address/country': 'profile.address.country',
  '/admin': 'admin',
  '/admin/first_name': 'admin.firstName',
  '/admin/last_name': 'admin.lastName',
  '/admin/email': 'admin.email',
  '/admin/mobile': 'admin.mobile',
  '/admin/job_title': 'admin.jobTitle',
  '/external_id': 'externalId',
  '/currency': 'currency',
  '/licence': 'seats',
  '/licence/plan': 'plan',
  '/licence/seats': 'seats',
  '/plan': 'plan',
  '/seats': 'seats',
};

const PARAMETERS: Readonly<Record<string, string>> = {
  limit: 'pageSize',
  status: 'status',
};

/** The channelkit field a problem's `pointer` (or query `parameter`) names, else the pointer itself. */
export function fieldOf(problem: { pointer?: unknown; parameter?: unknown }): string | undefined {
  if (typeof problem.pointer === 'string') return POINTERS[problem.pointer] ?? problem.pointer;
  if (typeof problem.parameter === 'string') return PARAMETERS[problem.parameter] ?? problem.parameter;
  return undefined;
}
