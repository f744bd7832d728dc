import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect } from 'chai';
import nock from 'nock';

import { AppError, type AppErrorCode } from '../../clientzone/appError.js';
import {
  ClientzoneClient,
  type ClientzoneClientOptions,
} from '../../clientzone/clientzoneClient.js';

export const API_ORIGIN = 'http://clientzone.test';
export const API_PATH = '/includes/api.php';
export const TEST_IDENTIFIER = 'bot-identifier-7f3a';
export const TEST_SECRET = 'S3cr3t-never-logged-91c2';

/** tsc does not copy JSON: read the fixtures from the source tree, wherever tests run from. */
const FIXTURE_DIR = [
  path.join(__dirname, 'fixtures'),
  path.join(__dirname, '../../../test/clientzone/fixtures'),
  path.join(process.cwd(), 'test/clientzone/fixtures'),
].find((candidate) => existsSync(path.join(candidate, 'getClientsProducts.json')));

export function fixtureText(name: string): string {
  if (FIXTURE_DIR === undefined) throw new Error('test/clientzone/fixtures not found');
  return readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(`${name}.json`)) as Record<string, unknown>;
}

export function makeClient(overrides: Partial<ClientzoneClientOptions> = {}): ClientzoneClient {
  return new ClientzoneClient({
    apiUrl: `${API_ORIGIN}${API_PATH}`,
    identifier: TEST_IDENTIFIER,
    secret: TEST_SECRET,
    retryDelayMs: 5,
    ...overrides,
  });
}

type FormBody = Record<string, string | string[]>;

/** An interceptor for one WHMCS action (nock parses form bodies into objects). */
export function onAction(action: string): nock.Interceptor {
  return nock(API_ORIGIN).post(API_PATH, (body: FormBody) => body.action === action);
}

/** Replies with a fixture and records each raw request body. */
export function replyRecording(
  interceptor: nock.Interceptor,
  name: string,
  bodies: URLSearchParams[],
): nock.Scope {
  return interceptor.reply((_uri, body) => {
    bodies.push(new URLSearchParams(typeof body === 'string' ? body : ''));
    return [200, fixture(name)];
  });
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn';
  obj: Record<string, unknown>;
  msg?: string;
}

export function capturingLogger(): {
  entries: LogEntry[];
  logger: NonNullable<ClientzoneClientOptions['logger']>;
} {
  const entries: LogEntry[] = [];
  const log = (level: LogEntry['level']) => (obj: Record<string, unknown>, msg?: string) =>
    entries.push({ level, obj, msg });
  return { entries, logger: { debug: log('debug'), info: log('info'), warn: log('warn') } };
}

/** Awaits a rejection and checks it is an AppError with `code`. */
export async function expectAppError(
  promise: Promise<unknown>,
  code: AppErrorCode,
): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(AppError);
    expect((error as AppError).code).to.equal(code);
    return error as AppError;
  }
  throw new Error(`expected a rejection with ${code}, got a success`);
}

/** Mocha hooks: no real network except loopback, and nothing left behind for other suites. */
export function useNock(): void {
  before(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterEach(() => nock.cleanAll());
  after(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}
