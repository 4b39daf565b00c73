/** What Sluice needs of smee-client 5 (Probot's own webhook proxy). */
export interface SmeeClientModule {
  SmeeClient: new (options: {
    source: string;
    target: string;
    logger: Pick<Console, 'info' | 'error'>;
  }) => { start(): Promise<{ close(): void }> };
}

export interface ForwardWebhookProxyOptions {
  /** WEBHOOK_PROXY_URL: a smee.io channel GitHub delivers to. */
  url: string;
  /** Where the deliveries go: this process's own webhook endpoint. */
  target: string;
  log: {
    info(message: string): void;
    warn(message: string): void;
    error(object: object, message: string): void;
  };
  /** Loads smee-client; the default imports the package wherever Node finds it. */
  importSmeeClient?: () => Promise<SmeeClientModule>;
}

export interface WebhookProxy {
  close(): void;
}

// A variable, so neither TypeScript nor a bundler insists on a package that is optional.
const smeeClientPackage = 'smee-client';

/**
 * Forwards the deliveries GitHub posts to a smee.io channel to this process, as Probot's own
 * server (`run`) does when WEBHOOK_PROXY_URL is set: the same package, smee-client, loaded only
 * when it is installed (Probot does not depend on it either), and the same target, the
 * webhook path on the host and port this process listens on. Sluice serves webhooks from its
 * own server (`serveWebhooks`, for the body guard), so it starts the proxy itself.
 *
 * A proxy that cannot start is a development inconvenience, not a reason to stop serving:
 * it is logged, with the command that forwards instead, and the app runs on.
 */
export async function forwardWebhookProxy(
  options: ForwardWebhookProxyOptions,
): Promise<WebhookProxy | undefined> {
  const { url, target, log } = options;
  const instead = `npx smee-client --url ${url} --target ${target}`;
  const load =
    options.importSmeeClient ?? (() => import(smeeClientPackage) as Promise<SmeeClientModule>);
  let smee: SmeeClientModule;
  try {
    smee = await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    log.warn(
      `WEBHOOK_PROXY_URL is set, but smee-client is not installed: webhooks sent to ${url} ` +
        `are not forwarded here. Install it (npm install --no-save smee-client) or run: ${instead}`,
    );
    return undefined;
  }
  try {
    const events = await new smee.SmeeClient({
      source: url,
      target,
      logger: {
        info: (...parts: unknown[]) => log.info(parts.map(String).join(' ')),
        error: (...parts: unknown[]) => log.error({ err: parts[0] }, 'webhook proxy failed'),
      },
    }).start();
    log.info(`forwarding webhooks from ${url} to ${target}`);
    return events;
  } catch (error) {
    log.error(
      { err: error },
      `could not connect to WEBHOOK_PROXY_URL ${url}; instead, run: ${instead}`,
    );
    return undefined;
  }
}
