import type { FakeGitHub } from './fake-github.js';
import { pullSyncPlugin } from './domain/pulls/sync-pulls-on-push.js';
import { ciPlugin } from './ci/ci-plugin.js';
import { oauthPlugin } from './oauth/oauth-route.js';

/**
 * Parts of the stand-in that attach themselves once at start-up: ref/pull listeners, the CI
 * engine, side routes. Each area adds one entry.
 */
export type FakeGitHubPlugin = (gh: FakeGitHub) => void;

export const plugins: FakeGitHubPlugin[] = [pullSyncPlugin, ciPlugin, oauthPlugin];
