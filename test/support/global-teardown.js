/** Placeholder replaced by the fake GitHub coverage writer. */
export default async function globalTeardown() {}
