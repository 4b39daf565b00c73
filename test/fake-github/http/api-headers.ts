import { randomUUID } from 'node:crypto';
import type { World } from '../world/world.js';
import { acceptedPermissionsHeader } from '../auth/permissions.js';

/** The headers GitHub puts on every REST answer. `Date` matters: auth-app's clock-skew retry needs it. */
export function apiHeaders(world: World, operationId: string | null): Record<string, string> {
  const reset = Math.floor(Date.now() / 1000) + 3600;
  return {
    'content-type': 'application/json; charset=utf-8',
    date: new Date().toUTCString(),
    'x-github-request-id': randomUUID().slice(0, 18).toUpperCase(),
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(5000 - world.requests.length, 1)),
    'x-ratelimit-used': String(Math.min(world.requests.length, 4999)),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-resource': 'core',
    ...(operationId
      ? { 'x-accepted-github-permissions': acceptedPermissionsHeader(operationId) }
      : {}),
  };
}
