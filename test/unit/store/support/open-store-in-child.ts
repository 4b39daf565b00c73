/**
 * Opens a SQLite store in a process of its own, as a second `sluice` would.
 * Usage: node --import tsx open-store-in-child.ts <path> hold|try
 * `hold` prints "ready" and keeps the store open until killed; `try` opens and closes it.
 * Exit code 3 means the store was locked (the message is on stderr).
 */
import { StoreLockedError } from '../../../../src/store/errors.js';
import { openStore } from '../../../../src/store/open-store.js';

const [sqlitePath = '', mode = 'try'] = process.argv.slice(2);
try {
  const store = await openStore({ sqlitePath });
  if (mode === 'hold') {
    process.stdout.write('ready\n');
    setInterval(() => {}, 60_000);
  } else {
    await store.close();
    process.stdout.write('opened\n');
  }
} catch (error) {
  process.stderr.write(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof StoreLockedError ? 3 : 1;
}
