/**
 * A rate limit shared by every client that sends to one platform account, in one process or many: the platform
 * counts a master account's requests wherever they come from, so clients on several processes and machines must
 * draw from one budget. Each request reserves the next free moment of its category, and the transport waits for
 * it before sending. Pass one to a client as `sharedRateLimit`; `createMemorySharedRateLimit()` shares a limit
 * between the clients of one process, and `@channelkit/bullmq`'s state stores share one through Redis or
 * PostgreSQL (`store.sharedRateLimit(name)`).
 *
 * The budget is a schedule, not a counter: reservations of a category are spaced `1 / perSecond` apart, so the
 * platform never sees more than `perSecond` of them in any second, whichever process sends them. An implementation
 * must be atomic across everything that shares it, and should time reservations by one clock (its server's).
 */
export interface SharedRateLimit {
  /**
   * Reserves the next free moment for one request of `category`, spacing the category's reservations
   * `1 / perSecond` seconds apart, and resolves with how long the caller must wait for it, in milliseconds (0 when
   * it may send now). A category idle for a while starts again from now: unused moments are not saved up.
   */
  reserve(category: string, perSecond: number): Promise<number>;
  /**
   * Holds back every reservation of `category` until `ms` milliseconds from now: the platform answered 429 with a
   * `Retry-After`, and every sharer must wait, not only the one that was told.
   */
  hold(category: string, ms: number): Promise<void>;
}
