import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local PostgreSQL of DESIGN.md section 7; the bench never targets another host. */
export const BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchSchema {
  /** `oxmail_bench_<random>`: created empty, dropped with everything in it by `drop`. */
  readonly name: string;
  /** Runs SQL on this schema through a short-lived connection, outside every timed turn. */
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh schema, so a run never sees another run's rows (nor a test's). */
export async function createBenchSchema(): Promise<BenchSchema> {
  const name = `oxmail_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  return {
    name,
    query: (sql, values) => adminQuery(sql, values, name),
    drop: async () => {
      await adminQuery(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    },
  };
}

async function adminQuery<R extends pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
  schema?: string,
): Promise<R[]> {
  const client = new pg.Client({
    connectionString: BENCH_DATABASE_URL,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
