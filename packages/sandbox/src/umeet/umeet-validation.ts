import { checkUnifiedSocialCreditCode, EMPLOYEE_COUNT_BANDS } from '@channelkit/types';
import { type FieldProblem, isRecord } from './umeet-http';
import type { NewAccount } from './umeet-store';

/** Plans contract v1's sandbox sells. */
export const UMEET_PLANS: readonly string[] = ['standard', 'business', 'enterprise'];

/** The plan of an account created without one. */
export const DEFAULT_PLAN = 'business';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAINLAND_MOBILE = /^\+861[3-9]\d{9}$/;
const WEBSITE = /^https?:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/i;
/** The largest seat count contract v1 accepts anywhere. */
export const MAX_SEATS = 1_000_000;

/** Contract v1's length limits, in UTF-16 code units. */
export const LIMITS = {
  name: 100,
  industry: 100,
  adminName: 50,
  externalId: 64,
  jobTitle: 100,
  addressLine: 200,
  city: 100,
  region: 100,
  postalCode: 20,
} as const;

function text(
  body: Record<string, unknown>,
  field: string,
  pointer: string,
  max: number,
  errors: FieldProblem[],
  required = true,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) errors.push({ pointer, detail: '必填。' });
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ pointer, detail: '必须是非空字符串。' });
    return undefined;
  }
  if (value.length > max) {
    errors.push({ pointer, detail: `最多 ${max} 个字符，实际 ${value.length} 个。` });
    return undefined;
  }
  return value;
}

/** A whole number of seats from 0 to {@link MAX_SEATS}, or `undefined` after recording the problem. */
export function seatsOf(value: unknown, pointer: string, errors: FieldProblem[]): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_SEATS) {
    errors.push({ pointer, detail: `必须是 0 到 ${MAX_SEATS} 之间的整数。` });
    return undefined;
  }
  return value;
}

/** A plan code contract v1's sandbox sells, or `undefined` after recording the problem. */
export function planOf(value: unknown, pointer: string, errors: FieldProblem[]): string | undefined {
  if (typeof value !== 'string' || !UMEET_PLANS.includes(value)) {
    errors.push({ pointer, detail: `未知套餐，可选：${UMEET_PLANS.join('、')}。` });
    return undefined;
  }
  return value;
}

function addressOf(value: unknown, errors: FieldProblem[]): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    errors.push({ pointer: '/address', detail: '必须是对象。' });
    return undefined;
  }
  const address: Record<string, string> = {};
  const fields = [
    ['line1', LIMITS.addressLine, true],
    ['line2', LIMITS.addressLine, false],
    ['city', LIMITS.city, true],
    ['region', LIMITS.region, false],
    ['postal_code', LIMITS.postalCode, false],
    ['country', 2, true],
  ] as const;
  for (const [field, max, required] of fields) {
    const read = text(value, field, `/address/${field}`, max, errors, required);
    if (read !== undefined) address[field] = read;
  }
  return address;
}

/**
 * Validates a `POST /accounts` body against contract v1: every problem is listed with its JSON pointer. Returns the
 * account to create, or the problems.
 */
export function validateNewAccount(
  body: Record<string, unknown>,
): { account: NewAccount } | { errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const name = text(body, 'name', '/name', LIMITS.name, errors);
  const creditCode = text(body, 'credit_code', '/credit_code', 18, errors);
  if (creditCode !== undefined) {
    const check = checkUnifiedSocialCreditCode(creditCode);
    if (!check.valid) {
      errors.push({ pointer: '/credit_code', detail: `统一社会信用代码无效：${check.message}` });
    } else if (check.code.startsWith('92')) {
      errors.push({ pointer: '/credit_code', detail: '个体工商户不能开通企业账号。' });
    }
  }
  if (body.country !== 'CN') errors.push({ pointer: '/country', detail: '仅服务中国大陆注册的企业（CN）。' });
  const industry = text(body, 'industry', '/industry', LIMITS.industry, errors);
  const employeeCount = text(body, 'employee_count', '/employee_count', 20, errors);
  if (employeeCount !== undefined && !(EMPLOYEE_COUNT_BANDS as readonly string[]).includes(employeeCount)) {
    errors.push({ pointer: '/employee_count', detail: `可选：${EMPLOYEE_COUNT_BANDS.join('、')}。` });
  }
  const website = text(body, 'website', '/website', 2000, errors, false);
  if (website !== undefined && !WEBSITE.test(website)) {
    errors.push({ pointer: '/website', detail: '必须是 http(s) 网址。' });
  }
  const address = addressOf(body.address, errors);

  const admin = isRecord(body.admin) ? body.admin : undefined;
  if (!admin) errors.push({ pointer: '/admin', detail: '必填。' });
  const adminFields = admin ?? {};
  const firstName = text(adminFields, 'first_name', '/admin/first_name', LIMITS.adminName, errors, !!admin);
  const lastName = text(adminFields, 'last_name', '/admin/last_name', LIMITS.adminName, errors, !!admin);
  const email = text(adminFields, 'email', '/admin/email', 254, errors, !!admin);
  if (email !== undefined && !EMAIL.test(email)) {
    errors.push({ pointer: '/admin/email', detail: '邮箱格式无效。' });
  }
  const mobile = text(adminFields, 'mobile', '/admin/mobile', 20, errors, !!admin);
  if (mobile !== undefined && !MAINLAND_MOBILE.test(mobile)) {
    errors.push({ pointer: '/admin/mobile', detail: '必须是中国大陆手机号（+86 开头的 11 位号码）。' });
  }
  const jobTitle = text(adminFields, 'job_title', '/admin/job_title', LIMITS.jobTitle, errors, false);
  const externalId = text(body, 'external_id', '/external_id', LIMITS.externalId, errors, false);
  if (body.currency !== undefined && body.currency !== 'CNY') {
    errors.push({ pointer: '/currency', detail: '仅支持人民币（CNY）结算。' });
  }

  let plan: string | undefined = DEFAULT_PLAN;
  let seats: number | undefined = 0;
  if (body.licence !== undefined) {
    if (!isRecord(body.licence)) {
      errors.push({ pointer: '/licence', detail: '必须是对象。' });
    } else {
      plan =
        body.licence.plan === undefined ? DEFAULT_PLAN : planOf(body.licence.plan, '/licence/plan', errors);
      seats = body.licence.seats === undefined ? 0 : seatsOf(body.licence.seats, '/licence/seats', errors);
    }
  }

  if (
    errors.length > 0 ||
    name === undefined ||
    creditCode === undefined ||
    industry === undefined ||
    employeeCount === undefined ||
    firstName === undefined ||
    lastName === undefined ||
    email === undefined ||
    mobile === undefined ||
    plan === undefined ||
    seats === undefined
  ) {
    return { errors };
  }
  return {
    account: {
      name,
      creditCode: creditCode.toUpperCase(),
      country: 'CN',
      industry,
      employeeCount,
      website,
      address,
      admin: { firstName, lastName, email, mobile, jobTitle },
      externalId,
      plan,
      seats,
    },
  };
}
