/**
 * The URLs a platform answers at, by name: e.g. Zoom's `{ baseUrl: 'https://api.zoom.us/v2', oauthUrl:
 * 'https://zoom.us/oauth/token' }`. A request belongs to a URL when it is that URL or lies under it (`<url>/...`);
 * query strings are ignored.
 */
export type PlatformUrls = Readonly<Record<string, string>>;
