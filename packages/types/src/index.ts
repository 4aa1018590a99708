/** Placeholder. */
export const answer = 42;
