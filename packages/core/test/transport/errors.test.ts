import { inspect } from 'node:util';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ChannelError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  createApiError,
  isAmbiguousFailure,
  isChannelError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const request = { method: 'GET', url: 'https://api.zoom.us/v2/accounts/abc', headers: {} };

describe('error classes', () => {
  it('maps statuses to classes with stable codes and names', () => {
    const cases: [number, unknown, string, string][] = [
      [400, BadRequestError, 'bad_request', 'BadRequestError'],
      [422, BadRequestError, 'bad_request', 'BadRequestError'],
      [401, AuthenticationError, 'authentication_failed', 'AuthenticationError'],
      [403, PermissionError, 'permission_denied', 'PermissionError'],
      [404, NotFoundError, 'not_found', 'NotFoundError'],
      [409, ConflictError, 'conflict', 'ConflictError'],
      [429, RateLimitError, 'rate_limited', 'RateLimitError'],
      [503, ServerError, 'server_error', 'ServerError'],
      [418, ApiError, 'api_error', 'ApiError'],
    ];
    for (const [status, type, code, name] of cases) {
      const error = createApiError({ status, platform: 'zoom', request });
      expect(error).toBeInstanceOf(type as typeof ApiError);
      expect(error).toBeInstanceOf(ChannelError);
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.retryable).toBe(status === 429 || status >= 500);
    }
  });

  it('formats messages as "platform status METHOD path: message (code)" with advice', () => {
    const notFound = createApiError({
      status: 404,
      platform: 'zoom',
      request,
      path: '/accounts/abc',
      platformCode: 2001,
      platformMessage: 'Account does not exist',
    });
    expect(notFound.message).toBe('zoom 404 GET /accounts/abc: Account does not exist (code 2001)');
    const auth = createApiError({ status: 401, platform: 'zoom', request, platformMessage: 'Invalid token' });
    expect(auth.message).toMatch(
      /^zoom 401 GET \/v2\/accounts\/abc: Invalid token\. Check clientId\/clientSecret/,
    );
    const bad = createApiError({
      status: 400,
      platform: 'zoom',
      request,
      details: [{ field: 'email', message: 'invalid' }],
    });
    expect(bad.message).toContain('[email: invalid]');
    expect(bad.details).toEqual([{ field: 'email', message: 'invalid' }]);
  });

  it('isChannelError recognises errors from another copy of the library by brand', () => {
    // What an error class from a second bundle of channelkit looks like: same brand, different prototype.
    class ForeignError extends Error {
      readonly code = 'not_found';
      constructor() {
        super('foreign');
        Object.defineProperty(this, Symbol.for('channelkit.error'), { value: true });
      }
    }
    const foreign = new ForeignError();
    expect(foreign instanceof ChannelError).toBe(false);
    expect(isChannelError(foreign)).toBe(true);
    expect(isChannelError(new Error('plain'))).toBe(false);
    expect(isChannelError({ code: 'not_found' })).toBe(false);
    expect(isChannelError(null)).toBe(false);
    expect(isChannelError(new NotFoundError({ status: 404, platform: 'zoom', request }))).toBe(true);
  });

  it('isAmbiguousFailure is true only when a write may have happened', () => {
    expect(isAmbiguousFailure(new TimeoutError({ platform: 'zoom', request, timeoutMs: 10 }))).toBe(true);
    expect(isAmbiguousFailure(createApiError({ status: 502, platform: 'zoom', request }))).toBe(true);
    expect(
      isAmbiguousFailure(new ConnectionError({ platform: 'zoom', request, mayHaveReachedServer: true })),
    ).toBe(true);
    expect(
      isAmbiguousFailure(
        new ConnectionError({
          platform: 'zoom',
          request,
          errorCode: 'ECONNREFUSED',
          mayHaveReachedServer: false,
        }),
      ),
    ).toBe(false);
    expect(isAmbiguousFailure(createApiError({ status: 429, platform: 'zoom', request }))).toBe(false);
    expect(isAmbiguousFailure(createApiError({ status: 400, platform: 'zoom', request }))).toBe(false);
    expect(isAmbiguousFailure(new AbortError())).toBe(false);
    expect(isAmbiguousFailure(new Error('timeout'))).toBe(false);
  });

  it('ValidationError.fromZod names the subject, the path and the zod message', () => {
    const schema = z.object({
      profile: z.object({ creditCode: z.string().length(18) }),
      users: z.array(z.email()),
    });
    const result = schema.safeParse({ profile: { creditCode: 'x' }, users: ['a@b.co', 'nope'] });
    expect(result.success).toBe(false);
    const error = ValidationError.fromZod((result as { error: z.ZodError }).error, 'provision input');
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^Invalid provision input: profile\.creditCode: .+; users\[1\]: /);
    expect(error.field).toBe('profile.creditCode');
    expect(error.issues.map((i) => i.path)).toEqual(['profile.creditCode', 'users[1]']);
    expect(
      new ValidationError({ message: 'Too long', issues: [{ path: 'name', message: 'max 64' }] }).field,
    ).toBe('name');
    expect(new ValidationError({ message: 'Bad', issues: [] }).field).toBeUndefined();
  });

  it('ResponseValidationError.fromZod says which platform and operation answered unexpectedly', () => {
    const result = z.object({ id: z.string() }).safeParse({ id: 1 });
    const error = ResponseValidationError.fromZod((result as { error: z.ZodError }).error, {
      platform: 'zoom',
      operation: 'accounts.get',
    });
    expect(error.code).toBe('response_validation_failed');
    expect(error.message).toMatch(/^zoom returned an unexpected response to accounts\.get: id: /);
    expect(error.issues[0]?.path).toBe('id');
  });

  it('UnsupportedOperationError and ConfigurationError explain what to do', () => {
    const unsupported = new UnsupportedOperationError({ platform: 'zhumu', operation: 'accounts.suspend' });
    expect(unsupported.message).toBe(
      'zhumu does not support accounts.suspend; check client.capabilities before calling it',
    );
    const missing = new ConfigurationError({ option: 'clientSecret', env: 'ZOOM_CLIENT_SECRET' });
    expect(missing.code).toBe('configuration_error');
    expect(missing.message).toBe(
      'clientSecret is missing: pass the clientSecret option or set the ZOOM_CLIENT_SECRET environment variable',
    );
    expect(new ConfigurationError({ option: 'timeoutMs', problem: 'must be positive' }).message).toBe(
      'timeoutMs must be positive',
    );
  });

  it('toJSON gives a plain object with code, fields and a serialised cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const error = new ConnectionError({
      platform: 'zoom',
      request,
      errorCode: 'ECONNREFUSED',
      mayHaveReachedServer: false,
      cause,
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: 'ConnectionError',
      code: 'connection_failed',
      platform: 'zoom',
      errorCode: 'ECONNREFUSED',
      mayHaveReachedServer: false,
      request,
      cause: { name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
    });
    expect(json.message).toContain('connection failed (ECONNREFUSED)');
    expect(inspect(error)).toContain("code: 'connection_failed'");
  });
});
