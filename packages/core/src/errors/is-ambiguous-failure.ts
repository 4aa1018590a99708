import { isChannelError } from './channel-error';

/**
 * True when a write may or may not have happened: a timeout, a connection failure after the request may have
 * reached the server, a 5xx, or an answer too large to read. Adapters answer such failures by reading before writing again.
 * Works across bundle copies (it reads `code`, not `instanceof`).
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (!isChannelError(error)) return false;
  switch (error.code) {
    case 'timeout':
      return true;
    case 'connection_failed':
      return (error as { mayHaveReachedServer?: boolean }).mayHaveReachedServer !== false;
    case 'server_error':
      return true;
    // The platform answered but the answer could not be read: a write may have been applied.
    case 'response_too_large':
      return true;
    default:
      return false;
  }
}
