import { constants } from 'node:os';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * On Ctrl-C (or SIGTERM/SIGHUP) runs `stop` — the app process and temp dirs go — then exits
 * with 128 + the signal number, as a shell expects. Handlers are `once`: a second Ctrl-C
 * while stopping kills the demo at once. Returns a function that removes the handlers.
 */
export function stopOnSignal(stop: () => Promise<void>, say: (line: string) => void): () => void {
  const handlers = signals.map((signal) => {
    const handler = () => {
      say(`\n${signal}: stopping the app and removing the demo's temp files`);
      void stop().finally(() => process.exit(128 + constants.signals[signal]));
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
