import { ConflictError, NotFoundError, ValidationError } from '@channelkit/core';

/** Where an adapter-made error happened: the last request of the operation, as the transport would report it. */
export interface ErrorSite {
  /** HTTP method. */
  method: string;
  /** Absolute URL. */
  url: string;
  /** Zoom's tracking id of the response the decision was based on. */
  requestId: string | undefined;
}

/** A rule Zoom enforces that the shared schemas cannot know, refused before anything is sent. */
export function invalidField(field: string, message: string): ValidationError {
  return new ValidationError({ message, issues: [{ path: field, message }] });
}

/** The account exists but has no base plan to read or change. */
export function noBasePlan(accountId: string, site: ErrorSite): NotFoundError {
  return new NotFoundError({
    status: 404,
    platform: 'zoom',
    request: { method: site.method, url: site.url, headers: {} },
    requestId: site.requestId,
    message:
      `Zoom sub-account ${accountId} has no base plan, so it has no licences. ` +
      'Provision it with seats (which subscribes a base plan) first.',
  });
}

// Plan conflicts this adapter raised itself: a rule the existing account breaks, not a failure of a step.
const planConflicts = new WeakSet<object>();

/** The account already holds a different base plan than the one asked for. */
export function planConflict(message: string, site: ErrorSite): ConflictError {
  const error = new ConflictError({
    status: 409,
    platform: 'zoom',
    request: { method: site.method, url: site.url, headers: {} },
    requestId: site.requestId,
    message,
  });
  planConflicts.add(error);
  return error;
}

/** True for an error made by {@link planConflict}. */
export function isPlanConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && planConflicts.has(error);
}
