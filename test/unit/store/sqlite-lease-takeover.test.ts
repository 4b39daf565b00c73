import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/types.js';
import { makeTempDirectory } from './support/sqlite-harness.js';

const name = 'reconcile:octo/widgets:main';
const lease = (holder: string) => ({ name, holder, now: new Date(), ttlMs: 60 * 60_000 });

describe('queue leases in a SQLite store when the app starts again', () => {
  let directory: ReturnType<typeof makeTempDirectory>;
  let sqlitePath: string;
  beforeEach(() => {
    directory = makeTempDirectory();
    sqlitePath = join(directory.path, 'sluice.db');
  });
  afterEach(() => directory.remove());

  it('are taken back at once: the previous holder of the file is gone, its leases with it', async () => {
    const crashed = await openStore({ sqlitePath });
    expect((await crashed.leases.acquire(lease('sluice-1-dead'))).ok).toBe(true);
    // Closing without releasing is what a SIGKILL leaves in the file.
    await crashed.close();

    const restarted = await openStore({ sqlitePath });
    try {
      expect(await restarted.leases.acquire(lease('sluice-2-new'))).toMatchObject({
        ok: true,
        lease: { holder: 'sluice-2-new', generation: 2 },
      });
    } finally {
      await restarted.close();
    }
  });

  it('stay with their holder while the process that took them still has the file open', async () => {
    const app = await openStore({ sqlitePath });
    let doctor: Store | undefined;
    try {
      await app.leases.acquire(lease('sluice-1-app'));
      doctor = await openStore({ sqlitePath });
      expect(await doctor.leases.acquire(lease('doctor'))).toMatchObject({
        ok: false,
        current: { holder: 'sluice-1-app' },
      });
    } finally {
      await doctor?.close();
      await app.close();
    }
  });
});
