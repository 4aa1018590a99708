import {
  createApiError,
  findDuplicateReferral,
  type Logger,
  type RegisteredReferral,
  referralIdKind,
  submitReferralOnce,
  TimeoutError,
  ValidationError,
} from '@channelkit/core';
import type { ReferralInput } from '@channelkit/types';
import { describe, expect, it } from 'vitest';

const request = { method: 'POST', url: 'https://partner.example/deals', headers: {} };
const NOW = Date.parse('2025-06-01T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

const input = {
  customer: { legalName: 'Example Ltd', creditCode: '91310000MA1FL4B24G', country: 'CN' },
  products: [{ code: 'ZM-PRO', quantity: 10 }],
} as unknown as ReferralInput;

/** A platform's deal registrations, kept in memory: what a write leaves and a look-up reads. */
function platform(options: { write: 'answers' | 'is lost' | 'is refused' | 'times out first' }) {
  const registered: RegisteredReferral[] = [];
  const lines: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const calls = { lookUps: 0, submits: 0 };
  const logger: Logger = {
    debug() {},
    info: (message, fields) => lines.push({ message, fields }),
    warn() {},
    error() {},
  };
  const register = (): RegisteredReferral => {
    const registration = {
      id: `deal-${registered.length + 1}`,
      customerName: input.customer.legalName,
      creditCode: input.customer.creditCode,
      products: input.products,
      createdMs: NOW,
    };
    registered.push(registration);
    return registration;
  };
  return {
    registered,
    lines,
    calls,
    logger,
    lookUp: async () => {
      calls.lookUps += 1;
      return findDuplicateReferral(input, registered, { windowMs: DAY_MS, now: NOW });
    },
    submit: async () => {
      calls.submits += 1;
      switch (options.write) {
        case 'answers':
          return register();
        case 'is lost':
          // The platform registered the deal, but its answer never arrived.
          register();
          throw new TimeoutError({ platform: 'acme', request, timeoutMs: 10 });
        case 'times out first':
          throw new TimeoutError({ platform: 'acme', request, timeoutMs: 10 });
        case 'is refused':
          throw createApiError({ status: 400, platform: 'acme', request });
      }
    },
  };
}

function once(acme: ReturnType<typeof platform>, windowMs = DAY_MS) {
  return submitReferralOnce({
    platform: 'acme',
    windowMs,
    logger: acme.logger,
    lookUp: acme.lookUp,
    submit: acme.submit,
    idOf: (registration) => registration.id,
  });
}

describe('submitReferralOnce', () => {
  it('registers a deal the platform does not hold yet, after reading for it', async () => {
    const acme = platform({ write: 'answers' });
    await expect(once(acme)).resolves.toMatchObject({ id: 'deal-1' });
    expect(acme.calls).toEqual({ lookUps: 1, submits: 1 });
    expect(acme.lines).toEqual([]);
  });

  it('answers the registration already there instead of registering it twice, and says so', async () => {
    const acme = platform({ write: 'answers' });
    await once(acme);
    await expect(once(acme)).resolves.toMatchObject({ id: 'deal-1' });
    expect(acme.registered).toHaveLength(1);
    expect(acme.calls.submits).toBe(1);
    expect(acme.lines).toEqual([
      {
        message: 'acme: this deal is registered already; not registering it again',
        fields: { referralId: 'deal-1' },
      },
    ]);
  });

  it('resolves a write whose answer was lost to the registration it made', async () => {
    const acme = platform({ write: 'is lost' });
    await expect(once(acme)).resolves.toMatchObject({ id: 'deal-1' });
    expect(acme.registered).toHaveLength(1);
    expect(acme.calls).toEqual({ lookUps: 2, submits: 1 });
    expect(acme.lines).toEqual([
      {
        message: 'acme: ambiguous registration resolved by lookup; it exists',
        fields: { referralId: 'deal-1' },
      },
    ]);
  });

  it('throws the ambiguous failure when the look-up after it finds nothing, or fails too', async () => {
    const empty = platform({ write: 'times out first' });
    await expect(once(empty)).rejects.toBeInstanceOf(TimeoutError);
    expect(empty.calls).toEqual({ lookUps: 2, submits: 1 });

    const broken = platform({ write: 'is lost' });
    let lookUps = 0;
    const failure = submitReferralOnce({
      platform: 'acme',
      windowMs: DAY_MS,
      logger: broken.logger,
      lookUp: async () => {
        lookUps += 1;
        if (lookUps > 1) throw createApiError({ status: 503, platform: 'acme', request });
        return undefined;
      },
      submit: broken.submit,
      idOf: (registration) => registration.id,
    });
    await expect(failure).rejects.toBeInstanceOf(TimeoutError);
    expect(lookUps).toBe(2);
    expect(broken.lines).toEqual([]);
  });

  it('throws a failure that is not ambiguous without reading again', async () => {
    const acme = platform({ write: 'is refused' });
    await expect(once(acme)).rejects.toMatchObject({ status: 400 });
    expect(acme.calls).toEqual({ lookUps: 1, submits: 1 });
  });

  it('lets a failing look-up before the write propagate, and writes nothing', async () => {
    const acme = platform({ write: 'answers' });
    const unavailable = createApiError({ status: 503, platform: 'acme', request });
    const failure = submitReferralOnce({
      platform: 'acme',
      windowMs: DAY_MS,
      logger: acme.logger,
      lookUp: async () => {
        throw unavailable;
      },
      submit: acme.submit,
      idOf: (registration) => registration.id,
    });
    await expect(failure).rejects.toBe(unavailable);
    expect(acme.calls.submits).toBe(0);
  });

  it('with a window of 0 neither reads before the write nor after an ambiguous failure', async () => {
    const twice = platform({ write: 'answers' });
    await once(twice, 0);
    await expect(once(twice, 0)).resolves.toMatchObject({ id: 'deal-2' });
    expect(twice.calls).toEqual({ lookUps: 0, submits: 2 });

    const lost = platform({ write: 'is lost' });
    await expect(once(lost, 0)).rejects.toBeInstanceOf(TimeoutError);
    expect(lost.calls).toEqual({ lookUps: 0, submits: 1 });
  });
});

describe('referralIdKind', () => {
  const prefixes = { OPP: 'opportunity', LD: 'lead' } as const;
  const invalid = "is not an Acme referral id: opportunities are 'OPP…' and leads 'LD…'";

  it('names the kind by the prefix', () => {
    expect(referralIdKind('OPP20250601', prefixes, invalid)).toBe('opportunity');
    expect(referralIdKind('LD42', prefixes, invalid)).toBe('lead');
  });

  it.each(['opp1', 'X-OPP1', '', 'L'])('refuses %j with a ValidationError on referralId', (id) => {
    let error: unknown;
    try {
      referralIdKind(id, prefixes, invalid);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      message: `Invalid referralId: ${invalid}`,
      issues: [{ path: 'referralId', message: invalid }],
    });
  });
});
