import {
  type ChannelEvent,
  type Contact,
  channelEventSchema,
  contactSchema,
  type EnterpriseAccount,
  enterpriseAccountSchema,
  type LicenceChangedEvent,
  type ProvisionAccountInput,
  provisionAccountInputSchema,
} from '@channelkit/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { schemaFor } from '../src/internal/schema-check';

// The public types are documented interfaces, and each schema is typed by its interface through `schemaFor`, which
// checks at compile time that the two match. These cases prove the check fails for a mismatch in either direction
// (each `@ts-expect-error` fails the typecheck if the line compiles).

const shape = {
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  mobile: z.string(),
  jobTitle: z.string().optional(),
};

describe('schemas are typed by their documented interfaces', () => {
  it('shows the interface, not the schema’s expanded shape', () => {
    expectTypeOf(contactSchema).toEqualTypeOf<z.ZodType<Contact, Contact>>();
    expectTypeOf(provisionAccountInputSchema).toEqualTypeOf<
      z.ZodType<ProvisionAccountInput, ProvisionAccountInput>
    >();
    expectTypeOf(enterpriseAccountSchema).toEqualTypeOf<z.ZodType<EnterpriseAccount, EnterpriseAccount>>();
    expectTypeOf(channelEventSchema).toEqualTypeOf<z.ZodType<ChannelEvent, ChannelEvent>>();
    expectTypeOf<Extract<ChannelEvent, { type: 'licence.changed' }>>().toEqualTypeOf<LicenceChangedEvent>();
  });

  it('accepts a schema that matches its interface, and parses with it', () => {
    const schema = schemaFor<Contact>()(z.object(shape));
    const contact = { firstName: 'Ada', lastName: 'Tan', email: 'a@example.com', mobile: '+6591234567' };
    expect(schema.parse(contact)).toEqual(contact);
  });

  it('refuses an interface with a field the schema lacks, even an optional one', () => {
    type WithNickname = Contact & { nickname?: string | undefined };
    // @ts-expect-error the schema does not produce `nickname`
    schemaFor<WithNickname>()(z.object(shape));
  });

  it('refuses a schema with a field the interface lacks', () => {
    // @ts-expect-error the interface does not declare `nickname`
    schemaFor<Contact>()(z.object({ ...shape, nickname: z.string() }));
  });

  it('refuses a field that differs in type or optionality', () => {
    // @ts-expect-error `jobTitle` is required here but optional in the interface
    schemaFor<Contact>()(z.object({ ...shape, jobTitle: z.string() }));
    // @ts-expect-error `email` is a number here but a string in the interface
    schemaFor<Contact>()(z.object({ ...shape, email: z.number() }));
  });
});
