import type { App, Installation } from '../world/types.js';

export interface DeliveryRequest {
  app: App;
  installation: Installation;
  event: string;
  action: string | undefined;
  payload: Record<string, unknown>;
}

export type DeliveryState = 'queued' | 'held' | 'in-flight' | 'delivered' | 'failed' | 'dropped';

/** One delivery attempt of one event to one app, as GitHub's "Recent Deliveries" shows it. */
export interface DeliveryRecord {
  /** Our sequence number: the order deliveries were created. */
  seq: number;
  /** `X-GitHub-Delivery`; a redelivery keeps it. */
  guid: string;
  appId: number;
  installationId: number;
  event: string;
  action: string | undefined;
  payload: Record<string, unknown>;
  body: string;
  headers: Record<string, string>;
  state: DeliveryState;
  status: number | null;
  error: string | null;
  durationMs: number | null;
  /** Real time the send began (epoch ms, sub-ms precision), for latency benchmarks; null until sent. */
  sentAtMs: number | null;
  redelivery: boolean;
  /** Failures the test said it expects (e.g. a deliberately broken app): not reported by `finish()`. */
  expectedToFail: boolean;
}

export type ChaosEffect =
  | { kind: 'drop' }
  | { kind: 'duplicate' }
  | { kind: 'delay'; ms: number }
  /** Keep it until `releaseHeld()`, which can reorder what it holds. */
  | { kind: 'hold' };

export interface ChaosRule {
  event?: string;
  action?: string;
  /** How many deliveries the rule applies to; unlimited when absent. */
  times?: number;
  effect: ChaosEffect;
}
