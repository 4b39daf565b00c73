import type { FakeGitHubPlugin } from '../plugins.js';
import { CiEngine } from './ci-engine.js';
import { registerActionsApp } from './actions-app.js';
import { attachCi } from './ci-of.js';

/**
 * Attaches the CI engine: GitHub Actions registered as an app, CI triggered by ref moves
 * and pull request changes, auto-mode jobs finished by the virtual clock, job logs served
 * from a side route, and `settle()` kept waiting while CI work is in flight.
 */
export const ciPlugin: FakeGitHubPlugin = (gh) => {
  const engine = new CiEngine(gh.services, registerActionsApp(gh.world));
  attachCi(gh.world, engine);
  gh.refs.subscribe((event) => engine.handleRefs(event));
  gh.pulls.subscribe((event) => engine.handlePull(event));
  gh.world.clock.onAdvance((now) => engine.handleClock(now));
  gh.sideRoutes.push(engine.logLinks.route);
  gh.busySignals.push(() => engine.busy);
};
