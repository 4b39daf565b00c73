import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncMutex } from './async-mutex.js';

describe('AsyncMutex', () => {
  it('runs holders one at a time, in the order they asked', async () => {
    const mutex = new AsyncMutex();
    const log: string[] = [];
    const hold = (name: string, ms: number) =>
      mutex.run(async () => {
        log.push(`${name} in`);
        await sleep(ms);
        log.push(`${name} out`);
      });
    await Promise.all([hold('a', 20), hold('b', 1), hold('c', 1)]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('lets the holder lock again without waiting for itself', async () => {
    const mutex = new AsyncMutex();
    const inner = await mutex.run(() =>
      mutex.run(() => mutex.run(() => Promise.resolve('nested'))),
    );
    expect(inner).toBe('nested');
  });

  it('releases the lock when the holder throws', async () => {
    const mutex = new AsyncMutex();
    await expect(mutex.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await mutex.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('makes work started by a holder that outlives it queue like anyone else', async () => {
    const mutex = new AsyncMutex();
    const log: string[] = [];
    let detached: Promise<void> = Promise.resolve();
    await mutex.run(() => {
      detached = sleep(5).then(() => mutex.run(() => Promise.resolve(void log.push('detached'))));
      return Promise.resolve();
    });
    const other = mutex.run(async () => {
      await sleep(20);
      log.push('other');
    });
    await Promise.all([detached, other]);
    expect(log).toEqual(['other', 'detached']);
  });
});
