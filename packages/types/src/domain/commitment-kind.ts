import { oneOf } from '../internal/text';

/** Every kind of licence commitment: billed monthly, billed annually, pay-as-you-go, or a trial. */
export const COMMITMENT_KINDS = ['monthly', 'annual', 'flexible', 'trial'] as const;

/** A licence commitment kind, one of {@link COMMITMENT_KINDS}. */
export const commitmentKindSchema = oneOf(COMMITMENT_KINDS);

/** A licence commitment kind. */
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
