import type {
  ChannelEvent,
  Contact,
  channelEventSchema,
  contactSchema,
  EnterpriseAccount,
  enterpriseAccountSchema,
  LicenceChangedEvent,
  ProvisionAccountInput,
  provisionAccountInputSchema,
} from '@channelkit/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Expect, SchemaMatches } from '../src/internal/schema-check';

// The public types are documented interfaces; each schema is checked against its interface when `tsc` runs (see
// `src/internal/schema-check.ts`). These cases prove the check fails for a mismatch in either direction.

type WithNickname = Contact & { nickname?: string | undefined };

describe('schemas are checked against their interfaces at compile time', () => {
  it('accepts each schema with its own interface', () => {
    type Checks = [
      Expect<SchemaMatches<typeof contactSchema, Contact>>,
      Expect<SchemaMatches<typeof provisionAccountInputSchema, ProvisionAccountInput>>,
      Expect<SchemaMatches<typeof enterpriseAccountSchema, EnterpriseAccount>>,
      Expect<SchemaMatches<typeof channelEventSchema, ChannelEvent>>,
    ];
    expectTypeOf<Checks>().toEqualTypeOf<[true, true, true, true]>();
  });

  it('fails when the interface has a field the schema lacks, even an optional one', () => {
    // @ts-expect-error the schema does not produce `nickname`
    type _Check = Expect<SchemaMatches<typeof contactSchema, WithNickname>>;
    expectTypeOf<SchemaMatches<typeof contactSchema, WithNickname>>().not.toEqualTypeOf<true>();
    expect(true).toBe(true);
  });

  it('fails when the schema has a field the interface lacks', () => {
    // @ts-expect-error the interface does not declare `jobTitle`
    type _Check = Expect<SchemaMatches<typeof contactSchema, Omit<Contact, 'jobTitle'>>>;
    expectTypeOf<SchemaMatches<typeof contactSchema, Omit<Contact, 'jobTitle'>>>().not.toEqualTypeOf<true>();
  });

  it('fails when a field differs in type or optionality', () => {
    type Required = Omit<Contact, 'jobTitle'> & { jobTitle: string };
    type Wider = Omit<Contact, 'email'> & { email: string | number };
    // @ts-expect-error `jobTitle` is optional in the schema
    type _RequiredCheck = Expect<SchemaMatches<typeof contactSchema, Required>>;
    // @ts-expect-error `email` is a string in the schema
    type _WiderCheck = Expect<SchemaMatches<typeof contactSchema, Wider>>;
    expectTypeOf<SchemaMatches<typeof contactSchema, Required>>().not.toEqualTypeOf<true>();
  });

  it('names the event members', () => {
    expectTypeOf<Extract<ChannelEvent, { type: 'licence.changed' }>>().toEqualTypeOf<LicenceChangedEvent>();
  });
});
