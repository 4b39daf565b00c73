import type { OutgoingDelivery } from '../../test/fake-github/world/types.js';
import type { SeededRandom } from './seeded-random.js';

export interface FanOutOptions {
  /** The webhook URLs of the replicas that should hear GitHub now (a killed one is left out). */
  targets(): string[];
  /** Reorder: answer GitHub at once and forward each delivery after a random pause. */
  reorder?: { random: SeededRandom; maxDelayMs: number };
}

export interface WebhookFanOut {
  receive: (delivery: OutgoingDelivery) => Promise<{ status: number; body?: string }>;
  /** Deliveries accepted but not yet forwarded (settle waits for them). */
  readonly pending: number;
}

/**
 * GitHub sends an app's webhooks to one URL; replicas behind a load balancer would each see
 * some. Sending every delivery to every replica is the harder case for them (each delivery is
 * seen several times, concurrently), so the campaign does that.
 */
export function createWebhookFanOut(options: FanOutOptions): WebhookFanOut {
  let pending = 0;
  const forward = async (delivery: OutgoingDelivery) => {
    const answers = await Promise.all(
      options.targets().map((url) =>
        fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body })
          .then(async (response) => ({ status: response.status, body: await response.text() }))
          .catch((error: unknown) => ({ status: 502, body: String(error) })),
      ),
    );
    return answers.find((a) => a.status < 400) ?? answers[0] ?? { status: 502, body: 'no replica' };
  };
  return {
    get pending() {
      return pending;
    },
    receive: async (delivery) => {
      const reorder = options.reorder;
      if (!reorder) return forward(delivery);
      pending++;
      const pause = reorder.random.int(0, reorder.maxDelayMs);
      setTimeout(() => void forward(delivery).finally(() => pending--), pause);
      return { status: 200 };
    },
  };
}
