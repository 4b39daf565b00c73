/**
 * Control commands for webhook chaos (drop, duplicate, delay, hold), releasing held
 * deliveries in any order, and GitHub's "Redeliver".
 */
import { z } from 'zod';
import { ControlError, defineCommand, type CommandTable } from './http-control-command.js';
import { describeDelivery } from './http-control-reads.js';

const chaosEffect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('drop') }),
  z.strictObject({ kind: z.literal('duplicate') }),
  z.strictObject({ kind: z.literal('delay'), ms: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('hold') }),
]);

export const deliveryCommands: CommandTable = {
  'add-webhook-chaos': defineCommand({
    summary: 'Drops, duplicates, delays or holds matching webhook deliveries.',
    input: z.strictObject({
      event: z.string().optional(),
      action: z.string().optional(),
      times: z.number().int().positive().optional(),
      effect: chaosEffect,
    }),
    example: { event: 'check_run', action: 'completed', times: 1, effect: { kind: 'drop' } },
    run: (gh, rule) => gh.deliveries.addChaos(rule),
  }),

  'clear-webhook-chaos': defineCommand({
    summary: 'Removes every webhook chaos rule (held deliveries stay held).',
    input: z.strictObject({}),
    example: {},
    run: (gh) => gh.deliveries.clearChaos(),
  }),

  'release-held': defineCommand({
    summary: 'Sends the held deliveries, in order or reversed.',
    input: z.strictObject({ order: z.enum(['fifo', 'reverse']).optional() }),
    example: { order: 'reverse' },
    run: (gh, input) => ({ released: gh.deliveries.releaseHeld(input.order) }),
  }),

  redeliver: defineCommand({
    summary: 'Sends a delivery again with the same `X-GitHub-Delivery` (by seq or guid).',
    input: z.strictObject({ delivery: z.union([z.number().int(), z.string()]) }),
    example: { delivery: 1 },
    run: (gh, input) => {
      const known = gh.deliveries.records.some(
        (r) => r.seq === input.delivery || r.guid === input.delivery,
      );
      if (!known) throw new ControlError(404, `no delivery ${input.delivery}`);
      return describeDelivery(gh.deliveries.redeliver(input.delivery), false);
    },
  }),
};
