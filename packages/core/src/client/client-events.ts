import type { ChannelEventOf, ChannelEventType } from '@channelkit/types';
import type { TransportEventMap } from '../events/transport-events';

/**
 * Everything a client emits: the domain events (`account.provisioned`, `licence.changed`, ...) with their typed
 * payloads, and the transport's events (`request`, `response`, `retry`, `rateLimited`, `error`).
 */
export type ClientEventMap = { [Type in ChannelEventType]: ChannelEventOf<Type> } & TransportEventMap;

/** A name accepted by `client.on()`, `client.off()` and `client.once()`. */
export type ClientEventName = keyof ClientEventMap;

/** A listener for one client event. */
export type ClientEventListener<Name extends ClientEventName> = (payload: ClientEventMap[Name]) => void;
