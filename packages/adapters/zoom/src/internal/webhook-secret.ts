// The webhook secret token is kept beside the adapter, not on it, so printing the adapter never shows it.
const secrets = new WeakMap<object, string>();

/** Stores the webhook secret token of an adapter. */
export function rememberWebhookSecret(adapter: object, secretToken: string): void {
  secrets.set(adapter, secretToken);
}

/** The webhook secret token given to an adapter, if any. */
export function webhookSecretOf(adapter: object): string | undefined {
  return secrets.get(adapter);
}
