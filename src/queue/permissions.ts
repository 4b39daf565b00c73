import type { Permission } from './types.js';

const rank: Record<Permission, number> = {
  none: 0,
  read: 1,
  triage: 2,
  write: 3,
  maintain: 4,
  admin: 5,
};

export function hasAtLeast(has: Permission, needs: Permission): boolean {
  return rank[has] >= rank[needs];
}
