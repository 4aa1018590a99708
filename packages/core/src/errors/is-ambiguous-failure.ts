import { isChannelError } from './channel-error';

/**
 * True when a write may or may not have happened: a timeout, a connection failure after the request may have
 * reached the server, or a 5xx. Adapters answer such failures by reading before writing again.
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
    default:
      return false;
  }
}
