import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintOf } from '../../src/idempotency/fingerprint';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves undefined members out', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined }, e: null })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1,"e":null}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
    expect(canonicalJson({ date: new Date('2026-01-02T03:04:05.000Z') })).toBe(
      '{"date":"2026-01-02T03:04:05.000Z"}',
    );
  });

  it('refuses values JSON cannot hold faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('fingerprintOf', () => {
  it('is the same for equal inputs written in another key order, and differs by operation and input', () => {
    const one = fingerprintOf('accounts.provision', { profile: { legalName: 'A', country: 'SG' }, seats: 2 });
    const same = fingerprintOf('accounts.provision', {
      seats: 2,
      profile: { country: 'SG', legalName: 'A' },
    });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(same).toBe(one);
    expect(fingerprintOf('licences.set', { profile: { legalName: 'A', country: 'SG' }, seats: 2 })).not.toBe(
      one,
    );
    expect(
      fingerprintOf('accounts.provision', { profile: { legalName: 'A', country: 'SG' }, seats: 3 }),
    ).not.toBe(one);
  });
});
