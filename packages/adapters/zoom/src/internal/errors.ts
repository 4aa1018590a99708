import { ConflictError, NotFoundError, ValidationError } from '@channelkit/core';

/** A rule Zoom enforces that the shared schemas cannot know, refused before anything is sent. */
export function invalidField(field: string, message: string): ValidationError {
  return new ValidationError(message, [{ path: field, message }]);
}

/** The account exists but has no base plan to read or change. */
export function noBasePlan(accountId: string): NotFoundError {
  return new NotFoundError(
    `Zoom sub-account ${accountId} has no base plan. Provision it with seats (or subscribe a plan) first.`,
  );
}

/** The account already holds a different plan than the one asked for. */
export function conflict(message: string): ConflictError {
  return new ConflictError(message);
}
