import {
  ConflictError,
  checkTextLength,
  ensureSameCustomer,
  parseWire,
  ResponseValidationError,
  ValidationError,
} from '@channelkit/core';
import type { ProvisionAccountInput } from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** What `run` throws (the test fails when it throws nothing). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseWire', () => {
  const created = z.object({ id: z.string().min(1), owner_email: z.string() });
  const context = { platform: 'zoom', operation: 'accounts.provision (POST /accounts)' };

  it('returns the parsed answer, without the fields the schema does not name', () => {
    expect(parseWire(created, { id: 'a', owner_email: 'o@example.com', extra: 1 }, context)).toEqual({
      id: 'a',
      owner_email: 'o@example.com',
    });
  });

  it.each([
    ['null', null, /expected object/],
    ['an HTML page', '<html>moved</html>', /expected object/],
    ['an empty object', {}, /id: .*owner_email: /],
    ['an empty id', { id: '', owner_email: 'o@example.com' }, /^.*id: /],
  ])('turns %s into a ResponseValidationError naming platform, operation and field', (_, data, message) => {
    const error = thrown(() => parseWire(created, data, context));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ platform: 'zoom', operation: 'accounts.provision (POST /accounts)' });
    expect((error as Error).message).toMatch(
      /^zoom returned an unexpected response to accounts\.provision \(POST \/accounts\)/,
    );
    expect((error as Error).message).toMatch(message);
  });
});

describe('ensureSameCustomer', () => {
  const input: ProvisionAccountInput = {
    profile: { legalName: 'Acme Pte. Ltd.', country: 'SG', industry: 'software', employeeCount: '51-250' },
    admin: { firstName: 'Ada', lastName: 'Tan', email: 'ada@acme.example', mobile: '+6591234567' },
    externalId: 'crm-42',
  };
  const check = (existing: { id: string; name: string | undefined; externalId?: string }) => () =>
    ensureSameCustomer({
      platform: 'zoom',
      foundBy: 'admin.email',
      existing,
      input,
      request: { method: 'POST', url: 'https://api.zoom.us/v2/accounts' },
      requestId: 'rid-1',
    });

  it('accepts the same customer, ignoring case, spacing and full-width forms', () => {
    expect(check({ id: 'a', name: 'Acme Pte. Ltd.' })).not.toThrow();
    expect(check({ id: 'a', name: '  ACME   pte. ltd. ' })).not.toThrow();
    expect(check({ id: 'a', name: 'Ａｃｍｅ Pte. Ltd.' })).not.toThrow();
    expect(check({ id: 'a', name: 'Acme Pte. Ltd.', externalId: 'crm-42' })).not.toThrow();
  });

  it('refuses another customer with a ConflictError naming the account, the field and what to do', () => {
    const error = thrown(check({ id: 'acc-9', name: 'Globex Ltd.' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      platform: 'zoom',
      requestId: 'rid-1',
      details: [{ field: 'admin.email', message: 'already used by zoom account acc-9' }],
    });
    expect((error as Error).message).toMatch(
      /admin\.email already belongs to account acc-9, which is named "Globex Ltd\.", not "Acme Pte\. Ltd\.".*another admin\.email.*accounts\.get\('acc-9'\)/,
    );
  });

  it('refuses an account it cannot confirm, and one stored with another externalId', () => {
    expect(check({ id: 'a', name: undefined })).toThrow(/cannot be confirmed/);
    expect(check({ id: 'a', name: 'Acme Pte. Ltd.', externalId: 'crm-7' })).toThrow(
      /externalId "crm-7", not "crm-42"/,
    );
  });
});

describe('checkTextLength', () => {
  const rule = { max: 64, field: 'profile.legalName', label: 'Zoom account names' };

  it('counts UTF-16 code units, as Java-based platforms do', () => {
    expect(() => checkTextLength('😀'.repeat(32), rule)).not.toThrow();
    expect(() => checkTextLength('有'.repeat(64), rule)).not.toThrow();
    const error = thrown(() => checkTextLength('😀'.repeat(40), rule));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'profile.legalName' });
    expect((error as Error).message).toMatch(
      /at most 64 .*UTF-16 code units.*this one has 80\. Shorten profile\.legalName/,
    );
  });
});
