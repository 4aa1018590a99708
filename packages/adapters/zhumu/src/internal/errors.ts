import { ConflictError, ValidationError } from '@channelkit/core';

/** A rule Zhumu enforces that the shared schemas cannot know, refused before anything is sent. */
export function invalidField(field: string, message: string): ValidationError {
  return new ValidationError({ message, issues: [{ path: field, message }] });
}

/** Where an adapter-made error happened: the request its decision was based on. */
export interface ErrorSite {
  /** Absolute URL of the endpoint. */
  url: string;
  /** Zhumu's request id of that answer. */
  requestId: string | undefined;
}

/** A conflict the adapter found by reading: the input cannot be applied to what exists. */
export function conflict(message: string, site: ErrorSite, field?: string): ConflictError {
  return new ConflictError({
    status: 409,
    platform: 'zhumu',
    request: { method: 'POST', url: site.url, headers: {} },
    requestId: site.requestId,
    message,
    ...(field === undefined ? {} : { details: [{ field, message }] }),
  });
}
