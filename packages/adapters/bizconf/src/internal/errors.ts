import { ValidationError, type ValidationIssue } from '@channelkit/core';

/** A rule of the Bizconf contract the shared schemas cannot know, refused before anything is sent. */
export function invalidField(field: string, message: string): ValidationError {
  return new ValidationError({ message, issues: [{ path: field, message }] });
}

/** Several such rules at once: one error, every issue listed. */
export function invalidFields(issues: readonly ValidationIssue[]): ValidationError {
  return new ValidationError({ message: issues.map((issue) => issue.message).join(' '), issues });
}
