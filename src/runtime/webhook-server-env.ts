export interface WebhookServerEnv {
  host: string;
  port: number;
  webhookPath: string;
  secret: string;
  /** The environment for `createProbot`, with the log defaults Probot's `run` would apply. */
  probotEnv: NodeJS.ProcessEnv;
}

/**
 * The server settings Probot's `run` reads (HOST, PORT, WEBHOOK_PATH, WEBHOOK_SECRET and the
 * log's), read the same way for the server Sluice starts itself: `createProbot` alone would
 * default to warn-level, pretty logs where `run` logs info, as JSON in production.
 */
export function readWebhookServerEnv(env: NodeJS.ProcessEnv): WebhookServerEnv {
  const logFormat = env.LOG_FORMAT
    ? env.LOG_FORMAT === 'pretty'
      ? 'pretty'
      : 'json'
    : env.NODE_ENV === 'production'
      ? 'json'
      : 'pretty';
  return {
    host: env.HOST || 'localhost',
    port: Number(env.PORT) || 3000,
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    // Probot's own default when no secret is set; the guard must check what Probot checks.
    secret: env.WEBHOOK_SECRET || 'development',
    probotEnv: { ...env, LOG_LEVEL: env.LOG_LEVEL || 'info', LOG_FORMAT: logFormat },
  };
}
