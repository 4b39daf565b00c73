import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

/**
 * Runs `call` with every GitHub request it makes (each page of a listing, each retry)
 * attributed to `operation`, the name its errors carry (`pulls/get`, `graphql queue-pulls`):
 * what the request metrics count by, a bounded set where URLs are not.
 */
export function withOperation<T>(operation: string, call: () => Promise<T>): Promise<T> {
  return current.run(operation, call);
}

/** The operation the running code is inside, if any. */
export function currentOperation(): string | undefined {
  return current.getStore();
}
