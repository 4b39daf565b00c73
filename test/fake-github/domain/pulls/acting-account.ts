import type { Account } from '../../world/types.js';
import type { Caller } from '../../handlers/types.js';

/**
 * Who GitHub says did it: the person for a user token, `<slug>[bot]` for an installation
 * token. App JWTs cannot reach repository writes (the pipeline refuses them first).
 */
export function actingAccount(caller: Caller): Account {
  switch (caller.kind) {
    case 'user':
      return caller.account;
    case 'installation':
      return caller.actor;
    case 'app':
      return caller.app.bot;
  }
}
