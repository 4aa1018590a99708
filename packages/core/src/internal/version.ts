/** Package version, for the default User-Agent. */
export const version = '0.1.0';
