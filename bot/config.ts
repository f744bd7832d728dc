import { z } from 'zod';
import { AppError } from '../clientzone/appError.js';

/** The development secrets `npm start` uses when nothing is configured; refused in production. */
export const DEV_CHAT_IDENTITY_SECRET = 'dev-only-chat-identity-secret-change-me-0123456789';
export const DEV_DIRECTLINE_SECRET = 'dev-only-directline-secret-change-me-0123456789';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const int = (fallback: number, min = 0) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).default(fallback));
const optionalInt = z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional());
const duration = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .transform((text, ctx) => {
        const ms = parseDuration(text);
        if (ms === null) ctx.addIssue({ code: 'custom', message: `not a duration: ${text}` });
        return ms ?? 0;
      }),
  );

const envSchema = z.object({
  NODE_ENV: optionalString,
  PORT: int(3978),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  ),
  MicrosoftAppTenantId: optionalString,
  CLIENTZONE_API_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  CLIENTZONE_API_IDENTIFIER: optionalString,
  CLIENTZONE_API_SECRET: optionalString,
  CLIENTZONE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  CLIENTZONE_PRODUCT_GROUP_ID: optionalInt,
  CLIENTZONE_PAYMENT_METHOD: z.preprocess(emptyToUndefined, z.string().default('banktransfer')),
  CLIENTZONE_BILLING_DEPARTMENT_ID: optionalInt,
  CLIENTZONE_TIMEOUT_MS: int(5000, 100),
  CLIENTZONE_SANDBOX_PORT: int(3979),
  DOWNGRADE_WINDOW_DAYS: int(30, 1),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().startsWith('postgres').optional()),
  DATABASE_SCHEMA: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .optional(),
  ),
  DATABASE_POOL_MAX: int(10, 1),
  DATABASE_CONNECTION_TIMEOUT_MS: int(5000, 100),
  DATABASE_IDLE_TIMEOUT_MS: int(30_000, 0),
  DATABASE_STATEMENT_TIMEOUT_MS: int(10_000, 100),
  DATABASE_TURN_LOCK_TIMEOUT_MS: int(30_000, 100),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  CHAT_IDENTITY_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32).default(DEV_CHAT_IDENTITY_SECRET),
  ),
  DIRECTLINE_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32).default(DEV_DIRECTLINE_SECRET),
  ),
  SUPPORT_HOURS: z.preprocess(
    emptyToUndefined,
    z.string().default('mon-fri 08:00-20:00, sat 08:00-14:00'),
  ),
  SUPPORT_TIMEZONE: z.preprocess(emptyToUndefined, z.string().default('Asia/Jakarta')),
  HANDOFF_MODE: z.preprocess(emptyToUndefined, z.enum(['builtin', 'external']).default('builtin')),
  HANDOFF_WAIT_TIMEOUT: duration('10m'),
  STAFF_BOOTSTRAP_USERS: optionalString,
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  TURN_TIMEOUT_MS: int(40_000, 1000),
  FLOW_STEP_TIMEOUT_MS: int(15_000, 500),
});

export interface ClientzoneSettings {
  /** null: `npm start` runs the built-in sandbox and fills these in. */
  apiUrl: string | null;
  identifier: string;
  secret: string;
  clientAreaUrl: string | null;
  productGroupId: number | null;
  paymentMethod: string;
  billingDepartmentId: number | null;
  timeoutMs: number;
  sandboxPort: number;
}

/** PostgreSQL pool and lock settings; they apply only when DATABASE_URL is set. */
export interface DatabaseSettings {
  /** Schema for every table (created if missing); null: the server's search_path. */
  schema: string | null;
  poolMax: number;
  connectionTimeoutMs: number;
  idleTimeoutMs: number;
  statementTimeoutMs: number;
  turnLockTimeoutMs: number;
}

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  microsoftApp: { appId: string; password: string; type: string; tenantId: string };
  clientzone: ClientzoneSettings;
  downgradeWindowDays: number;
  databaseUrl: string | null;
  database: DatabaseSettings;
  dataDir: string;
  chatIdentitySecret: string;
  directLineSecret: string;
  support: {
    hours: string;
    timezone: string;
    handoffMode: 'builtin' | 'external';
    waitTimeoutMs: number;
  };
  staffBootstrapUsers: { username: string; password: string }[];
  logLevel: string;
  turnTimeoutMs: number;
  flowStepTimeoutMs: number;
}

/** Reads and validates the environment once at boot; lists every bad key at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<AppConfig> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  assertProductionSecrets(production, e.CHAT_IDENTITY_SECRET, e.DIRECTLINE_SECRET);
  return deepFreeze({
    production,
    port: e.PORT,
    host: e.HOST,
    microsoftApp: {
      appId: e.MicrosoftAppId ?? '',
      password: e.MicrosoftAppPassword ?? '',
      type: e.MicrosoftAppType ?? 'MultiTenant',
      tenantId: e.MicrosoftAppTenantId ?? '',
    },
    clientzone: {
      apiUrl: e.CLIENTZONE_API_URL ?? null,
      identifier: e.CLIENTZONE_API_IDENTIFIER ?? '',
      secret: e.CLIENTZONE_API_SECRET ?? '',
      clientAreaUrl: e.CLIENTZONE_URL ?? null,
      productGroupId: e.CLIENTZONE_PRODUCT_GROUP_ID ?? null,
      paymentMethod: e.CLIENTZONE_PAYMENT_METHOD,
      billingDepartmentId: e.CLIENTZONE_BILLING_DEPARTMENT_ID ?? null,
      timeoutMs: e.CLIENTZONE_TIMEOUT_MS,
      sandboxPort: e.CLIENTZONE_SANDBOX_PORT,
    },
    downgradeWindowDays: e.DOWNGRADE_WINDOW_DAYS,
    databaseUrl: e.DATABASE_URL ?? null,
    database: {
      schema: e.DATABASE_SCHEMA ?? null,
      poolMax: e.DATABASE_POOL_MAX,
      connectionTimeoutMs: e.DATABASE_CONNECTION_TIMEOUT_MS,
      idleTimeoutMs: e.DATABASE_IDLE_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      turnLockTimeoutMs: e.DATABASE_TURN_LOCK_TIMEOUT_MS,
    },
    dataDir: e.DATA_DIR,
    chatIdentitySecret: e.CHAT_IDENTITY_SECRET,
    directLineSecret: e.DIRECTLINE_SECRET,
    support: {
      hours: e.SUPPORT_HOURS,
      timezone: e.SUPPORT_TIMEZONE,
      handoffMode: e.HANDOFF_MODE,
      waitTimeoutMs: e.HANDOFF_WAIT_TIMEOUT,
    },
    staffBootstrapUsers: parseStaffUsers(e.STAFF_BOOTSTRAP_USERS),
    logLevel: e.LOG_LEVEL,
    turnTimeoutMs: e.TURN_TIMEOUT_MS,
    flowStepTimeoutMs: e.FLOW_STEP_TIMEOUT_MS,
  });
}

/** The real Clientzone settings are complete (as opposed to "start the sandbox"). */
export function assertClientzoneConfigured(settings: ClientzoneSettings): void {
  const missing = [
    settings.identifier ? null : 'CLIENTZONE_API_IDENTIFIER',
    settings.secret ? null : 'CLIENTZONE_API_SECRET',
    settings.clientAreaUrl ? null : 'CLIENTZONE_URL',
    settings.productGroupId ? null : 'CLIENTZONE_PRODUCT_GROUP_ID',
  ].filter((key): key is string => key !== null);
  if (missing.length > 0) {
    throw new AppError(
      'CONFIG_INVALID',
      `CLIENTZONE_API_URL is set, so these are required: ${missing.join(', ')}`,
    );
  }
}

function assertProductionSecrets(production: boolean, identity: string, directLine: string): void {
  if (
    production &&
    (identity === DEV_CHAT_IDENTITY_SECRET || directLine === DEV_DIRECTLINE_SECRET)
  ) {
    throw new AppError(
      'CONFIG_INVALID',
      'Invalid configuration:\n  CHAT_IDENTITY_SECRET and DIRECTLINE_SECRET must be set in production',
    );
  }
}

function parseStaffUsers(text: string | undefined): { username: string; password: string }[] {
  if (!text) return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.includes(':'))
    .map((entry) => {
      const at = entry.indexOf(':');
      return { username: entry.slice(0, at), password: entry.slice(at + 1) };
    });
}

/** `10m`, `30s`, `1h`, `500ms` or plain milliseconds. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)\s*(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return null;
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 'ms'] ?? 1;
  return Number(match[1]) * factor;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
