import type { z } from 'zod';

// Compile-time proof that a schema and the documented interface beside it describe the same values. The interfaces
// are what editors show on hover and what the API reference documents; the schemas are what runs. A field added to,
// removed from, made optional in or retyped in one but not the other fails `tsc`, in either direction.

/** `true` when `A` and `B` are the same type to the compiler (every field, its type and its optionality). */
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `true` when `A` and `B` are assignable to each other. */
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `true` when what a schema produces is exactly `Interface`, and what it accepts is interchangeable with it (inputs
 * may be typed more loosely, e.g. a partner id accepted as any `string` and produced as a `PartnerId`).
 */
export type SchemaMatches<Schema extends z.ZodType, Interface> =
  Identical<z.output<Schema>, Interface> extends true
    ? Interchangeable<z.input<Schema>, Interface> extends true
      ? true
      : 'z.input of the schema does not match the interface'
    : 'z.output of the schema does not match the interface: compare their fields, types and optionality';

/** Nothing when a schema matches its interface; otherwise a required property whose name says so. */
type MatchOrExplain<Schema extends z.ZodType, Interface> =
  SchemaMatches<Schema, Interface> extends true
    ? unknown
    : { 'this schema does not match its interface': SchemaMatches<Schema, Interface> };

/**
 * Types a schema by its documented interface, after checking at compile time that the two match (see
 * {@link SchemaMatches}): a mismatch is a compile error at the schema. Editors and the API reference then show
 * `ZodType<Contact>` and the interface's field docs instead of the schema's expanded shape.
 *
 * @example
 * ```ts
 * export const contactSchema = schemaFor<Contact>()(z.object({ firstName: text(1, 100), ... }));
 * ```
 */
export function schemaFor<Interface>() {
  return <Schema extends z.ZodType>(
    schema: Schema & MatchOrExplain<Schema, Interface>,
  ): z.ZodType<Interface, Interface> => schema as unknown as z.ZodType<Interface, Interface>;
}
