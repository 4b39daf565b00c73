/** The variable CI sets to change how long a wait may see no progress before it fails. */
export const stallEnvVar = 'SLUICE_STALL_MS';

const defaultStallMs = 120_000;

/**
 * How long a wait may see no progress at all before it gives up. Waits never fail on elapsed
 * time: a machine whose cores are busy with other work is slow, not stuck, so only a long
 * stretch without a single request, delivery, CI step or app log line counts as a hang.
 */
export function stallMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[stallEnvVar];
  if (text === undefined || text.trim() === '') return defaultStallMs;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0)
    throw new Error(
      `${stallEnvVar} must be a positive whole number of milliseconds, not "${text}"`,
    );
  return ms;
}
