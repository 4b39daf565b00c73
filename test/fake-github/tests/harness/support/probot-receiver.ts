import type { Probot } from 'probot';
import type { OutgoingDelivery } from '../../../world/types.js';

export interface Verdict {
  id: string;
  event: string;
  accepted: boolean;
}

/**
 * An installation's webhook target that hands each delivery to Probot exactly as its HTTP
 * middleware would: id, event name, the raw body and `x-hub-signature-256`. Probot checks the
 * signature itself; a refusal answers 400, as the middleware does.
 */
export function probotReceiver(probot: Probot, verdicts: Verdict[]) {
  return async (delivery: OutgoingDelivery): Promise<{ status: number; body?: string }> => {
    const { id, event } = delivery;
    try {
      await probot.webhooks.verifyAndReceive({
        id,
        name: event,
        payload: delivery.body,
        signature: delivery.headers['x-hub-signature-256'] ?? '',
      });
      verdicts.push({ id, event, accepted: true });
      return { status: 200 };
    } catch (error) {
      verdicts.push({ id, event, accepted: false });
      return { status: 400, body: String(error) };
    }
  };
}
