import { checkUnifiedSocialCreditCode, EMPLOYEE_COUNT_BANDS } from '@channelkit/types';
import type { FieldError } from './bizconf-envelope';

// Field rules of the Bizconf contract v1. Lengths count UTF-16 code units, as Bizconf's Java services count them.

/** The plan codes of contract v1, cheapest first. */
export const PLAN_CODES = ['STANDARD', 'PREMIUM'] as const;

/** Seats per enterprise: 1 to 100 000. */
export const MAX_SEATS = 100_000;

const BIZ_NO = /^[A-Za-z0-9_-]{8,64}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Collects field errors while a body is read. */
export class FieldErrors {
  readonly list: FieldError[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** Refuses every member of `body` not in `allowed`. */
  onlyKnown(body: Record<string, unknown>, allowed: readonly string[], prefix = ''): void {
    for (const name of Object.keys(body)) {
      if (!allowed.includes(name)) this.add(prefix + name, '不支持的参数');
    }
  }

  /** A required (or, with `optional`, absent) one-line text of `min`..`max` UTF-16 code units. */
  text(value: unknown, field: string, max: number, optional = false): string | undefined {
    if (value === undefined || value === null) {
      if (!optional) this.add(field, '不能为空');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(field, '必须是字符串');
      return undefined;
    }
    if (value.trim() === '') this.add(field, '不能为空');
    else if (value.length > max) this.add(field, `长度不能超过 ${max} 个字符`);
    else if (CONTROL.test(value)) this.add(field, '不能包含控制字符或换行');
    else return value;
    return undefined;
  }

  bizNo(value: unknown): string | undefined {
    if (typeof value === 'string' && BIZ_NO.test(value)) return value;
    this.add('bizNo', '必须是 8 到 64 位字母、数字、下划线或连字符');
    return undefined;
  }

  seats(value: unknown, field = 'seats'): number | undefined {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SEATS)
      return value;
    this.add(field, `必须是 1 到 ${MAX_SEATS} 之间的整数`);
    return undefined;
  }
}

/** The administrator of a new enterprise. */
export interface AdminInput {
  familyName: string;
  givenName: string;
  email: string;
  mobile: string;
  jobTitle: string | undefined;
}

/** A mainland address. */
export interface AddressInput {
  province: string | undefined;
  city: string;
  detail: string;
  postcode: string | undefined;
}

/** True for a plan of the contract. */
export function isPlanCode(value: string): value is (typeof PLAN_CODES)[number] {
  return (PLAN_CODES as readonly string[]).includes(value);
}

/** A create request, read and checked (but for whether its plan exists). */
export interface CreateInput {
  bizNo: string;
  enterpriseName: string;
  creditCode: string;
  industry: string;
  scale: string;
  website: string | undefined;
  address: AddressInput | undefined;
  admin: AdminInput;
  planCode: string;
  seats: number;
  externalId: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CREATE_FIELDS = [
  'bizNo',
  'enterpriseName',
  'creditCode',
  'industry',
  'scale',
  'website',
  'address',
  'admin',
  'planCode',
  'seats',
  'externalId',
];
const ADMIN_FIELDS = ['familyName', 'givenName', 'email', 'mobile', 'jobTitle'];
const ADDRESS_FIELDS = ['province', 'city', 'detail', 'postcode'];

function readAdmin(value: unknown, errors: FieldErrors): AdminInput | undefined {
  if (!isRecord(value)) {
    errors.add('admin', '不能为空，且必须是对象');
    return undefined;
  }
  errors.onlyKnown(value, ADMIN_FIELDS, 'admin.');
  const familyName = errors.text(value.familyName, 'admin.familyName', 50);
  const givenName = errors.text(value.givenName, 'admin.givenName', 50);
  const email = errors.text(value.email, 'admin.email', 254);
  if (email !== undefined && !EMAIL.test(email)) errors.add('admin.email', '邮箱格式错误');
  const mobile = typeof value.mobile === 'string' && MOBILE.test(value.mobile) ? value.mobile : undefined;
  if (mobile === undefined) errors.add('admin.mobile', '必须是 11 位中国大陆手机号码，不含 +86');
  const jobTitle = errors.text(value.jobTitle, 'admin.jobTitle', 50, true);
  if (familyName === undefined || givenName === undefined || email === undefined || mobile === undefined) {
    return undefined;
  }
  return { familyName, givenName, email, mobile, jobTitle };
}

function readAddress(value: unknown, errors: FieldErrors): AddressInput | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    errors.add('address', '必须是对象');
    return undefined;
  }
  errors.onlyKnown(value, ADDRESS_FIELDS, 'address.');
  const province = errors.text(value.province, 'address.province', 50, true);
  const city = errors.text(value.city, 'address.city', 50);
  const detail = errors.text(value.detail, 'address.detail', 200);
  const postcode = errors.text(value.postcode, 'address.postcode', 20, true);
  return city === undefined || detail === undefined ? undefined : { province, city, detail, postcode };
}

/** Reads `POST /enterprises`; field errors are collected in `errors`. */
export function readCreate(body: Record<string, unknown>, errors: FieldErrors): CreateInput | undefined {
  errors.onlyKnown(body, CREATE_FIELDS);
  const bizNo = errors.bizNo(body.bizNo);
  const enterpriseName = errors.text(body.enterpriseName, 'enterpriseName', 100);
  let creditCode: string | undefined;
  if (typeof body.creditCode !== 'string' || !checkUnifiedSocialCreditCode(body.creditCode).valid) {
    errors.add('creditCode', '统一社会信用代码格式错误');
  } else if (body.creditCode !== body.creditCode.trim().toUpperCase()) {
    errors.add('creditCode', '统一社会信用代码须为 18 位大写字母和数字');
  } else {
    creditCode = body.creditCode;
  }
  const industry = errors.text(body.industry, 'industry', 50);
  const scale =
    typeof body.scale === 'string' && (EMPLOYEE_COUNT_BANDS as readonly string[]).includes(body.scale)
      ? body.scale
      : undefined;
  if (scale === undefined) errors.add('scale', `必须是 ${EMPLOYEE_COUNT_BANDS.join('、')} 之一`);
  const website = errors.text(body.website, 'website', 200, true);
  if (website !== undefined && !/^https?:\/\/\S+$/i.test(website)) errors.add('website', '网址格式错误');
  const address = readAddress(body.address, errors);
  const admin = readAdmin(body.admin, errors);
  // An unknown plan is a business refusal (42203), answered once the request is otherwise well formed.
  const planCode = body.planCode === undefined ? 'STANDARD' : errors.text(body.planCode, 'planCode', 32);
  const seats = body.seats === undefined ? 1 : errors.seats(body.seats);
  const externalId = errors.text(body.externalId, 'externalId', 64, true);
  if (
    errors.list.length > 0 ||
    bizNo === undefined ||
    enterpriseName === undefined ||
    creditCode === undefined ||
    industry === undefined ||
    scale === undefined ||
    admin === undefined ||
    planCode === undefined ||
    seats === undefined
  ) {
    return undefined;
  }
  return {
    bizNo,
    enterpriseName,
    creditCode,
    industry,
    scale,
    website,
    address,
    admin,
    planCode,
    seats,
    externalId,
  };
}
