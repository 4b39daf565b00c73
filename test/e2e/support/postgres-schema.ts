import pg from 'pg';

const baseUrl = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let count = 0;

/** A schema of its own for one scenario's app: other tests share the database. */
export async function createPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sluice_e2e_${process.pid}_${++count}_${Date.now().toString(36)}`;
  await admin(`create schema ${name}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { url: url.toString(), drop: () => admin(`drop schema ${name} cascade`) };
}
