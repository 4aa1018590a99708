import { ChannelError, type ChannelErrorCode } from './channel-error';

/**
 * Why a walk over pages was stopped: it reached `maxPages` or `maxDurationMs`, the platform offered a cursor it had
 * already given (a loop), or an empty page still offered another one (a walk that would never end).
 */
export type PaginationStopReason = 'max_pages' | 'max_duration' | 'repeated_cursor' | 'empty_page';

/** Options of {@link PaginationError}. */
export interface PaginationErrorOptions {
  /** Why the walk stopped. */
  reason: PaginationStopReason;
  /** Pages fetched before it stopped. */
  pages: number;
  /** What was listed, for the message, e.g. `zoom sub-accounts`. @default 'pages' */
  what?: string | undefined;
  /** The bound that was reached (`maxPages`, or `maxDurationMs` in milliseconds), for the two bound reasons. */
  limit?: number | undefined;
}

/**
 * A walk over pages was stopped so that it cannot run forever: every listing is bounded by a page count and a time
 * budget, and a platform that repeats a cursor or keeps offering pages after an empty one is not followed.
 */
export class PaginationError extends ChannelError {
  override readonly name: string = 'PaginationError';
  override readonly code: ChannelErrorCode = 'pagination_stopped';
  /** Why the walk stopped. */
  readonly reason: PaginationStopReason;
  /** Pages fetched before it stopped. */
  readonly pages: number;
  /** The bound that was reached, for `max_pages` and `max_duration`. */
  readonly limit: number | undefined;

  /** Creates the error; the message says why the walk stopped and what to change. */
  constructor(options: PaginationErrorOptions) {
    super(messageOf(options));
    this.reason = options.reason;
    this.pages = options.pages;
    this.limit = options.limit;
  }
}

function messageOf({ reason, pages, what = 'pages', limit }: PaginationErrorOptions): string {
  switch (reason) {
    case 'max_pages':
      return (
        `Stopped listing ${what} after ${pages} pages (pagination.maxPages is ${limit}): the platform kept offering ` +
        'another page. If the listing really is this long, raise pagination.maxPages.'
      );
    case 'max_duration':
      return (
        `Stopped listing ${what} after ${pages} pages: fetching them took longer than pagination.maxDurationMs ` +
        `(${limit} ms). If the platform is this slow, raise pagination.maxDurationMs.`
      );
    case 'repeated_cursor':
      return (
        `Stopped listing ${what} at page ${pages}: the platform offered a page cursor it had already given, so the ` +
        'listing would loop forever. Its pagination is broken; report it to the platform.'
      );
    case 'empty_page':
      return (
        `Stopped listing ${what} at page ${pages}: the page was empty yet offered another one, so the listing might ` +
        'never end. Its pagination is broken; report it to the platform.'
      );
  }
}
