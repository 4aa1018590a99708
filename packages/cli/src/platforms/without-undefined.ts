/** An object's fields that hold `undefined` left out. */
export type WithoutUndefined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Copies an object without its fields that hold `undefined`: a zod schema's optional fields are `T | undefined`,
 * and the adapters' options, under `exactOptionalPropertyTypes`, accept a field left out but not one set to
 * `undefined`.
 */
export function withoutUndefined<T extends object>(value: T): WithoutUndefined<T> {
  return Object.fromEntries(
    Object.entries(value).filter((entry) => entry[1] !== undefined),
  ) as WithoutUndefined<T>;
}
