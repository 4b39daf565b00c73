import type { World } from '../world/world.js';
import type { CiEngine } from './ci-engine.js';

/** One engine per stand-in, found from its world (REST handlers only see the world). */
const engines = new WeakMap<World, CiEngine>();

export function attachCi(world: World, engine: CiEngine): void {
  engines.set(world, engine);
}

export function ciOfWorld(world: World): CiEngine {
  const engine = engines.get(world);
  if (!engine)
    throw new Error(
      'fake-github: the CI engine is not attached (is the CI plugin registered in plugins.ts?)',
    );
  return engine;
}

/** The CI engine of a stand-in: `ciOf(gh).script(...)`, `ciOf(gh).finishAll(...)`. */
export function ciOf(gh: { world: World }): CiEngine {
  return ciOfWorld(gh.world);
}
