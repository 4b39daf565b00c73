/**
 * Sluice's policy and the reference policies merge queues use, on the same PRs and flakes:
 * the same `decide()` under configs that make it behave as each of them.
 */
import type { SluiceConfig } from '../config/index.js';
import { runSimulation, type SimulationResult } from './run-simulation.js';
import type { SimulationParameters } from './sim-types.js';

export interface PolicyResult {
  policy: string;
  description: string;
  result: SimulationResult;
}

/** The references: what a maintainer would get from Kodiak, bors-ng or GitHub's merge queue. */
export function referencePolicies(
  config: SluiceConfig,
  runners: number,
): { policy: string; description: string; config: SluiceConfig }[] {
  const fixed = (maxSize: number, parallel: number): SluiceConfig => ({
    ...config,
    queue: {
      ...config.queue,
      parallel,
      probes: false,
      landOnLaterPass: false,
      batch: { ...config.queue.batch, maxSize, adaptive: false },
    },
  });
  return [
    { policy: 'serial', description: 'one PR at a time (Kodiak)', config: fixed(1, 1) },
    {
      policy: 'bors',
      description: `one batch of up to ${config.queue.batch.maxSize} at a time, bisected on failure (bors-ng)`,
      config: fixed(config.queue.batch.maxSize, 1),
    },
    {
      policy: 'speculative',
      description: `${runners} single PRs in flight, each on the one ahead (GitHub merge queue)`,
      config: fixed(1, runners),
    },
  ];
}

export function comparePolicies(
  parameters: SimulationParameters,
  config: SluiceConfig,
): PolicyResult[] {
  return [
    { policy: 'sluice', description: describeConfig(config), config },
    ...referencePolicies(config, parameters.runners),
  ].map(({ policy, description, config: policyConfig }) => ({
    policy,
    description,
    result: runSimulation(parameters, policyConfig),
  }));
}

function describeConfig(config: SluiceConfig): string {
  const { batch, parallel, probes, landOnLaterPass } = config.queue;
  return [
    `batches up to ${batch.maxSize}${batch.adaptive ? ' (adaptive)' : ''}`,
    `parallel ${parallel}`,
    probes ? 'probes' : 'no probes',
    ...(landOnLaterPass ? ['land on later pass'] : []),
  ].join(', ');
}
