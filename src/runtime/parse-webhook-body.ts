import { z } from 'zod';
import { webhookEnvelope } from '../handlers/payloads.js';

export type WebhookBodyVerdict = { kind: 'accepted' } | { kind: 'refused'; reason: string };

/**
 * GitHub's event names are lower-case words joined by underscores. Anything else, above all a
 * name of an `Object.prototype` member (`__proto__`, `hasOwnProperty`), would be looked up in
 * @octokit/webhooks' plain-object hook table and called as a handler.
 */
const eventNamePattern = /^[a-z]+(?:_[a-z]+)*$/;

/**
 * Judges a signed delivery before Probot sees it: an event name GitHub could send and a body
 * that is a JSON object with the envelope Probot reads. Everything Probot would otherwise turn
 * into a 500 (a `null`, string or number body, a non-string `action`) is refused here.
 */
export function parseWebhookBody(input: { event: string; text: string }): WebhookBodyVerdict {
  if (!eventNamePattern.test(input.event) || input.event in Object.prototype)
    return refused(`unknown webhook event name ${JSON.stringify(input.event.slice(0, 100))}`);
  let payload: unknown;
  try {
    payload = JSON.parse(input.text);
  } catch {
    return refused('the webhook body is not valid JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return refused(`the webhook body must be a JSON object, not ${describeJson(payload)}`);
  const envelope = webhookEnvelope.safeParse(payload);
  if (!envelope.success)
    return refused(`malformed ${input.event} webhook: ${z.prettifyError(envelope.error)}`);
  return { kind: 'accepted' };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function refused(reason: string): WebhookBodyVerdict {
  return { kind: 'refused', reason };
}
