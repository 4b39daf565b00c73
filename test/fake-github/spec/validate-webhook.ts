import { checkAgainstSchema, type SchemaCheck } from './check-against-schema.js';
import type { SchemaCompiler } from './create-schema-compiler.js';
import type { KnownSpecBug } from './known-spec-bugs.js';
import type { SpecDocument } from './spec-document.js';

/**
 * The spec's `x-webhooks` key for an event: `pull_request` + `labeled` ->
 * `pull-request-labeled`, `check_run` + `requested_action` -> `check-run-requested-action`;
 * events without actions (`push`, `status`) are keyed by the event alone.
 */
export function webhookKey(event: string, action: string | undefined): string {
  return (action === undefined ? event : `${event}-${action}`).replace(/_/g, '-');
}

export function validateWebhook(
  context: {
    document: SpecDocument;
    compiler: SchemaCompiler;
    knownSpecBugs: readonly KnownSpecBug[];
  },
  event: string,
  action: string | undefined,
  payload: unknown,
): SchemaCheck {
  const key = webhookKey(event, action);
  if (context.document['x-webhooks'][key]?.post === undefined) {
    return { ok: false, errors: [`GitHub sends no webhook "${key}"`], excused: [] };
  }
  const validate = context.compiler.validatorAt([
    'x-webhooks',
    key,
    'post',
    'requestBody',
    'content',
    'application/json',
    'schema',
  ]);
  return checkAgainstSchema(validate, payload, { kind: 'webhook', key }, context.knownSpecBugs);
}
