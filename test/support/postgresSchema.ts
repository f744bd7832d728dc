import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PostgresOptions } from '../../bot/storage/postgresPool.js';

/** The PostgreSQL the tests use (DESIGN.md section 7); TEST_DATABASE_URL overrides it. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  /** `oxmail_test_<random>`: created empty, dropped with everything in it by `drop`. */
  readonly name: string;
  readonly url: string;
  /** Pool settings on this schema, with short timeouts. */
  options(overrides?: Partial<PostgresOptions>): PostgresOptions;
  /** Runs SQL on this schema through a short-lived connection (assertions, arranging). */
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** A fresh schema for one test or suite, so runs never see each other's rows. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `oxmail_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  const options = (overrides: Partial<PostgresOptions> = {}): PostgresOptions => ({
    url: TEST_DATABASE_URL,
    schema: name,
    poolMax: 5,
    connectionTimeoutMs: 5000,
    idleTimeoutMs: 10_000,
    statementTimeoutMs: 10_000,
    ...overrides,
  });
  return {
    name,
    url: TEST_DATABASE_URL,
    options,
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
    connectionString: TEST_DATABASE_URL,
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
