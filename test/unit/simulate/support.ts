import { parseConfig, type SluiceConfig } from '../../../src/config/index.js';
import { referencePolicies } from '../../../src/simulate/compare-policies.js';
import type { SimulationParameters } from '../../../src/simulate/sim-types.js';

/** What `sluice simulate` simulates without `--config`: an empty `.github/sluice.yml`. */
export function defaultConfig(): SluiceConfig {
  const parsed = parseConfig('', { path: '.github/sluice.yml' });
  if (!parsed.ok) throw new Error('the default config does not parse');
  return parsed.config;
}

/** A reference policy's config (`serial`, `bors`, `speculative`), as `comparePolicies` runs it. */
export function referenceConfig(policy: string, runners: number, config = defaultConfig()) {
  const reference = referencePolicies(config, runners).find((r) => r.policy === policy);
  if (!reference) throw new Error(`no reference policy ${policy}`);
  return reference.config;
}

export function withRetryBudget(
  config: SluiceConfig,
  retryBudget: SluiceConfig['gates']['retryBudget'],
): SluiceConfig {
  return { ...config, gates: { ...config.gates, retryBudget } };
}

export function parametersOf(overrides: Partial<SimulationParameters>): SimulationParameters {
  return {
    prs: 20,
    failRate: 0,
    flakyRate: 0,
    ciMinutes: 10,
    runners: 4,
    arrivalRate: 'saturation',
    seed: 1,
    ...overrides,
  };
}
