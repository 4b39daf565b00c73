/**
 * `decide()` driven through random event sequences over a small world (`sequence-model.ts`):
 * after every decision, what it asks for is checked against the rules that keep a merge queue
 * safe, then applied, and the world moves on (CI, contributors, maintainers, outside pushes).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stagingDepth, stagingLimit } from '../../../src/queue/adaptive.js';
import { chainTip, stagingsUnder } from '../../../src/queue/chain.js';
import { decide } from '../../../src/queue/decide.js';
import type { Effect } from '../../../src/queue/effects.js';
import { evaluateChecks } from '../../../src/queue/evaluate-checks.js';
import type { QueueSnapshot, Staging } from '../../../src/queue/types.js';
import { aConfig } from './builders.js';
import {
  applyEffect,
  ciFinish,
  ciStart,
  command,
  newWorld,
  outsidePush,
  pullOf,
  push,
  snapshotOf,
  type World,
} from './sequence-model.js';

/** True one time in `n`; shrinks to false. */
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((r) => r === n);

const configArb = fc.record({
  parallel: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant('auto' as const)),
  window: fc.integer({ min: 1, max: 4 }),
  maxSize: fc.constantFrom(1, 1, 2, 2, 3, 4),
  adaptive: fc.boolean(),
  waitSeconds: fc.constantFrom(0, 0, 60),
  probes: oneIn(3).map((off) => !off),
  retries: fc.constantFrom(0, 1, 2),
  landOnLaterPass: fc.boolean(),
  onPush: fc.constantFrom('dequeue' as const, 'retest' as const),
  mergeApi: oneIn(6),
});
type ConfigChoice = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

const parsed = new Map<string, World['config']>();
function configFor(c: ConfigChoice): World['config'] {
  const key = JSON.stringify(c);
  let config = parsed.get(key);
  if (!config) {
    config = aConfig({
      queue: {
        parallel: c.parallel,
        parallelWindow: { min: 1, max: c.window },
        batch: { maxSize: c.maxSize, adaptive: c.adaptive, waitSeconds: c.waitSeconds },
        probes: c.probes,
        landOnLaterPass: c.landOnLaterPass,
        onPush: c.onPush,
      },
      landing: { strategy: c.mergeApi ? 'merge-api' : 'fast-forward' },
      gates: { retryBudget: { perPullRequest: c.retries } },
    });
    parsed.set(key, config);
  }
  return config;
}

const pullsArb = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc.tuple(
    ...Array.from({ length: n }, (_, i) =>
      fc.record({
        number: fc.constant(i + 1),
        broken: oneIn(5),
        flaky: oneIn(5),
        fork: oneIn(12),
        conflictsWith: fc.oneof(
          { weight: 8, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: n }) },
        ),
        queuedAtStart: oneIn(3).map((r) => !r),
      }),
    ),
  ),
);

type Event =
  | { kind: 'decide' }
  /** Decide and apply until nothing is left to do, as a reconcile does. */
  | { kind: 'settle' }
  /** A runner takes a queued run (`all`: there are runners for every one). */
  | { kind: 'ci-start'; pick: number; all: boolean }
  | { kind: 'ci-finish'; pick: number; flake: boolean }
  | { kind: 'push'; pick: number; broken: boolean }
  | { kind: 'close' | 'unlabel' | 'queue' | 'retry' | 'dequeue'; pick: number }
  | { kind: 'outside-push' }
  | { kind: 'tick'; minutes: number };

const pick = fc.nat({ max: 1000 });
const eventArb = (withDequeue: boolean): fc.Arbitrary<Event> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant({ kind: 'decide' as const }) },
    { weight: 6, arbitrary: fc.constant({ kind: 'settle' as const }) },
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('ci-start' as const),
        pick,
        all: oneIn(4).map((one) => !one),
      }),
    },
    {
      weight: 8,
      arbitrary: fc.record({ kind: fc.constant('ci-finish' as const), pick, flake: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('push' as const), pick, broken: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constantFrom('close' as const, 'unlabel' as const), pick }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constantFrom('queue' as const, 'retry' as const), pick }),
    },
    {
      weight: withDequeue ? 2 : 0,
      arbitrary: fc.record({ kind: fc.constant('dequeue' as const), pick }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'outside-push' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('tick' as const),
        minutes: fc.integer({ min: 1, max: 40 }),
      }),
    },
  );

const scenario = (withDequeue: boolean) =>
  fc.record({
    config: configArb,
    pulls: pullsArb,
    events: fc.array(eventArb(withDequeue), { minLength: 1, maxLength: 100, size: 'max' }),
  });

type Scenario = ReturnType<typeof scenario> extends fc.Arbitrary<infer T> ? T : never;

function setUp(s: Scenario): World {
  const world = newWorld(
    configFor(s.config),
    s.pulls.map(({ number, flaky, fork, conflictsWith }) => ({
      number,
      flaky,
      fork,
      conflictsWith: conflictsWith === number ? null : conflictsWith,
    })),
    s.pulls.filter((p) => p.broken).map((p) => p.number),
  );
  for (const p of s.pulls) if (p.queuedAtStart) command(world, p.number, 'queue');
  return world;
}

/** Sees each decision: the snapshot, what was decided, and the world before and after applying it. */
type Check = (snapshot: QueueSnapshot, effects: Effect[], world: World, applied: boolean) => void;

function decideAndApply(world: World, check: Check): Effect[] {
  const snapshot = snapshotOf(world);
  const effects = decide(snapshot);
  check(snapshot, effects, world, false);
  for (const effect of effects) applyEffect(world, effect);
  check(snapshot, effects, world, true);
  return effects;
}

/** Plays the events, `check` seeing every decision. */
function play(s: Scenario, check: Check): World {
  const world = setUp(s);
  for (const event of s.events) {
    world.now += 1000;
    const pr = 'pick' in event ? (event.pick % world.pulls.length) + 1 : 0;
    switch (event.kind) {
      case 'decide':
        decideAndApply(world, check);
        break;
      case 'settle':
        for (let round = 0; round < 10 && decideAndApply(world, check).length > 0; round++);
        break;
      case 'ci-start':
        if (event.all) while (ciStart(world, event.pick));
        else ciStart(world, event.pick);
        break;
      case 'ci-finish':
        ciFinish(world, event.pick, event.flake, 'running');
        break;
      case 'push':
        push(world, pr, event.broken);
        break;
      case 'close':
        pullOf(world, pr).open = false;
        break;
      case 'unlabel':
        pullOf(world, pr).labeled = false;
        break;
      case 'queue':
      case 'retry':
      case 'dequeue':
        command(world, pr, event.kind);
        break;
      case 'outside-push':
        outsidePush(world);
        break;
      case 'tick':
        world.now += event.minutes * 60_000;
        break;
    }
  }
  return world;
}

/**
 * Then nobody does anything any more but CI, which runs everything it is given and flakes no
 * more: `decide` must see every request answered and every entry landed or dequeued.
 */
function drain(world: World, check: Check): void {
  for (let round = 0; round < 1000; round++) {
    world.now += 1000;
    if (decideAndApply(world, check).length > 0) continue;
    // One runner: it takes the oldest run waiting, and finishes it before taking another.
    if (world.live.some((s) => s.runs.some((r) => r.state === 'running'))) {
      ciFinish(world, 0, false, 'running');
    } else if (!ciStart(world, 0)) {
      if (world.entries.length === 0 && world.commands.length === 0) return;
      // Waits (a batch filling up, a check that never starts) end with time.
      world.now += 31 * 60_000;
      if (decideAndApply(world, check).length === 0) break;
    }
  }
  expect({
    entries: world.entries.map((e) => e.pr),
    commands: world.commands.map((c) => c.pr),
    live: world.live.map((s) => s.id),
  }).toEqual({ entries: [], commands: [], live: [] });
}

const configOf = (s: QueueSnapshot) => (s.config.ok ? s.config.config : undefined)!;
const ended = (effects: Effect[]) =>
  new Set(
    effects.flatMap((e) =>
      e.kind === 'abandon-staging' ||
      e.kind === 'clear-probe' ||
      (e.kind === 'fail-staging' && e.outcome === 'reject')
        ? [e.stagingId]
        : [],
    ),
  );

/** Fails the property with what broke and the facts (cheaper than `expect` on this hot path). */
function ensure(ok: boolean, rule: string, facts: () => object): void {
  if (!ok) throw new Error(`${rule}: ${JSON.stringify(facts())}`);
}

const verdictOf = (snapshot: QueueSnapshot, staging: Staging) =>
  evaluateChecks(snapshot.requiredChecks, staging.checks).kind;

/** (a) and (d): a `land` moves the base only from where it is, along passed stagings, at queued heads. */
const checkLandings: Check = (snapshot, effects, world, applied) => {
  if (applied) return;
  for (const effect of effects) {
    if (effect.kind !== 'land') continue;
    const ids = effect.stagings.map((s) => s.id);
    const chain = ids.map((id) => snapshot.stagings.find((live) => live.id === id));
    ensure(
      chain.length > 0 && chain.every(Boolean),
      '(a) lands a staging that is not live',
      () => ({ ids }),
    );
    let below = snapshot.baseSha;
    for (const staging of chain as Staging[]) {
      const facts = () => ({ staging, base: snapshot.baseSha, below });
      ensure(
        staging.baseSha === below,
        '(a) lands a staging not on the base or the one before',
        facts,
      );
      ensure(!staging.probe, '(a) lands a probe', facts);
      ensure(
        staging.state !== 'failed' && staging.knownFailure === null,
        '(a) lands a failed staging',
        facts,
      );
      ensure(verdictOf(snapshot, staging) !== 'failed', '(a) lands past failing checks', facts);
      if (!configOf(snapshot).queue.landOnLaterPass)
        ensure(
          verdictOf(snapshot, staging) === 'passed',
          '(a) lands a staging that has not passed',
          facts,
        );
      below = staging.sha;
    }
    const tip = chain.at(-1)!;
    ensure(verdictOf(snapshot, tip) === 'passed', '(a) lands a tip that has not passed', () => ({
      tip,
    }));
    if (effect.method === 'merge-api')
      ensure(
        chain.length === 1 && tip.prs.length === 1,
        '(a) merge-api lands more than one PR',
        () => ({ ids }),
      );
    for (const member of chain.flatMap((s) => s!.prs)) {
      const pull = snapshot.pulls.find((p) => p.number === member.pr);
      const entry = snapshot.entries.find((e) => e.pr === member.pr);
      const facts = () => ({ member, pull: pull?.headSha, queued: entry?.headSha });
      ensure(pull?.headSha === member.headSha, '(d) lands a PR whose head moved', facts);
      ensure(
        entry === undefined || entry.headSha === member.headSha,
        '(d) lands a head that is not the queued one',
        facts,
      );
      ensure(pull?.state === 'open', '(d) lands a closed PR', facts);
      ensure(!world.landed.includes(member.pr), '(b) lands a PR twice', facts);
    }
  }
};

/** (e): a build goes on the base tip or the tip of the chain left standing, with PRs that may be staged. */
const checkBuilds: Check = (snapshot, effects, _world, applied) => {
  if (applied) return;
  if (!effects.some((e) => e.kind === 'build-staging')) return;
  const gone = ended(effects);
  const leaving = new Set(
    effects.flatMap((e) => (e.kind === 'dequeue' || e.kind === 'finish-merged' ? [e.pr] : [])),
  );
  const waiting = new Set(
    effects.flatMap((e) =>
      e.kind === 'fail-staging' && e.outcome === 'wait' ? [e.stagingId] : [],
    ),
  );
  const landed = snapshot.stagings.find((s) => s.sha === snapshot.baseSha && !s.probe);
  const reached = new Set(
    landed ? [landed, ...stagingsUnder(snapshot.stagings, landed)].map((s) => s.id) : [],
  );
  const live: Staging[] = snapshot.stagings
    .filter((s) => !gone.has(s.id) && !reached.has(s.id))
    .map((s) => (waiting.has(s.id) ? { ...s, state: 'failed' } : s));
  for (const effect of effects) {
    if (effect.kind !== 'build-staging') continue;
    const expected = effect.probe ? snapshot.baseSha : chainTip(live, snapshot.baseSha);
    const ahead = live.find((s) => s.id === effect.aheadId);
    const facts = () => ({
      effect,
      expected,
      live: live.map((s) => [s.id, s.sha, s.state, s.probe]),
    });
    ensure(
      effect.baseSha === expected,
      '(e) builds neither on the base nor on the chain’s tip',
      facts,
    );
    ensure(
      effect.aheadId === null ? effect.baseSha === snapshot.baseSha : ahead?.sha === effect.baseSha,
      '(e) builds on a staging other than the one it names',
      facts,
    );
    for (const member of effect.prs) {
      const pull = snapshot.pulls.find((p) => p.number === member.pr);
      ensure(
        pull?.state === 'open' &&
          pull.labels.includes('merge-queue') &&
          pull.headSha === member.headSha &&
          !leaving.has(member.pr),
        '(e) stages a PR that is closed, unlabeled, at another head or leaving',
        () => ({ member, pull }),
      );
      ensure(
        !live.some((s) => s.prs.some((p) => p.pr === member.pr)),
        '(b) stages a PR already in a live staging',
        facts,
      );
    }
  }
};

/** (b): no PR is in two live stagings, and none lands twice. */
const checkOnePlace: Check = (_snapshot, _effects, world, applied) => {
  if (!applied) return;
  const staged = world.live.flatMap((s) => s.prs.map((p) => p.pr));
  ensure(new Set(staged).size === staged.length, '(b) a PR is in two live stagings', () => ({
    live: world.live.map((s) => [s.id, s.prs.map((p) => p.pr)]),
  }));
  ensure(new Set(world.landed).size === world.landed.length, '(b) a PR landed twice', () => ({
    landed: world.landed,
  }));
};

/** (c): stagings in flight within the limit; a chain that grows, within the depth. */
const checkLimits: Check = (snapshot, effects, world, applied) => {
  if (!applied) return;
  const config = configOf(snapshot);
  const inFlight = world.live.filter((s) => s.state !== 'failed');
  const limit = stagingLimit(config);
  const summary = () => ({
    limit,
    depth: stagingDepth(config, snapshot.recentOutcomes),
    inFlight: inFlight.map(
      (s) => `${s.probe ? 'probe ' : ''}${s.id}[${s.prs.map((p) => p.pr).join(',')}]`,
    ),
  });
  ensure(inFlight.length <= limit, '(c) more stagings in flight than stagingLimit', summary);
  if (effects.some((e) => e.kind === 'build-staging' && !e.probe))
    ensure(
      inFlight.filter((s) => !s.probe).length <= stagingDepth(config, snapshot.recentOutcomes),
      '(c) a chain built deeper than stagingDepth',
      summary,
    );
};

/** Only PRs still queued land, and not one `/sluice dequeue` takes out in the same decision. */
const checkQueued: Check = (snapshot, effects, _world, applied) => {
  if (applied) return;
  const leaving = new Set(effects.flatMap((e) => (e.kind === 'dequeue' ? [e.pr] : [])));
  for (const effect of effects) {
    if (effect.kind !== 'land') continue;
    for (const member of effect.stagings.flatMap((st) => st.prs))
      ensure(
        snapshot.entries.some((e) => e.pr === member.pr) && !leaving.has(member.pr),
        'lands a PR that is not queued, or dequeued by this very decision',
        () => ({ pr: member.pr, effects: effects.map((e) => e.kind) }),
      );
  }
};

/** Every check but the limits, which have a property of their own. */
const safety: Check = (...args) => {
  for (const check of [checkLandings, checkBuilds, checkOnePlace, checkQueued]) check(...args);
};

const runs = Number(process.env.SLUICE_PROPERTY_RUNS ?? 500);
const property = (withDequeue: boolean, check: Check, then?: (world: World) => void) =>
  fc.assert(
    fc.property(scenario(withDequeue), (s) => {
      const world = play(s, check);
      then?.(world);
    }),
    { numRuns: runs },
  );

describe('decide over random event sequences', () => {
  it('(a, d) lands only from the current base, a chain of passed, non-probe stagings whose PRs are at their queued heads', () => {
    property(false, checkLandings);
  });

  it('(e) builds only on the base tip or the tip of the chain left standing, PRs that are open, labeled and at their queued heads', () => {
    property(false, checkBuilds);
  });

  it('(b) never has a PR in two live stagings, nor lands one twice', () => {
    property(false, checkOnePlace);
  });

  it('(c) keeps the stagings in flight within `stagingLimit`, and a growing chain within `stagingDepth`', () => {
    property(false, checkLimits);
  });

  it('never lands a PR that is no longer queued, nor one `/sluice dequeue` takes out in the same decision', () => {
    property(true, checkQueued);
  });

  it('answers every request and lands or dequeues every PR once people stop and CI runs what it is given', () => {
    property(false, safety, (world) => drain(world, safety));
  });
});
