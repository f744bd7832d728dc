import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Database, Statement } from 'better-sqlite3';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;
const KEY_LENGTH = 32;

export type Presence = 'online' | 'away';

export interface StaffAccount {
  username: string;
  displayName: string;
  presence: Presence;
  lastSeen: number | null;
}

/** Staff accounts with scrypt password hashes, and their presence. */
export interface StaffAccounts {
  upsert(username: string, password: string, displayName?: string): Promise<void>;
  verify(username: string, password: string): Promise<StaffAccount | null>;
  find(username: string): Promise<StaffAccount | undefined>;
  list(): Promise<StaffAccount[]>;
  setPresence(username: string, presence: Presence, at: number): Promise<void>;
  seen(username: string, at: number): Promise<void>;
}

/** `scrypt$<salt hex>$<hash hex>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

/** A checked new account: its display name and password hash (both engines store these). */
export async function newAccount(
  username: string,
  password: string,
  displayName?: string,
): Promise<{ displayName: string; hash: string }> {
  if (!USERNAME_PATTERN.test(username)) throw new Error(`invalid staff username: ${username}`);
  if (password.length < 8) throw new Error('staff passwords need at least 8 characters');
  const name = displayName ?? username.charAt(0).toUpperCase() + username.slice(1);
  return { displayName: name, hash: await hashPassword(password) };
}

/** Hashes even for an unknown user (no stored hash), so timing does not reveal which usernames exist. */
export function passwordMatchesStored(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  return passwordMatches(password, stored ?? DUMMY_HASH);
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scrypt(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

interface Row {
  username: string;
  display_name: string;
  password_hash: string;
  presence: string;
  last_seen: number | null;
}

/** Usernames are lower-case letters, digits, dots, dashes and underscores. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,40}$/;

export class SqliteStaffAccounts implements StaffAccounts {
  private readonly upsertRow: Statement;
  private readonly select: Statement<[string], Row>;
  private readonly selectAll: Statement<[], Row>;
  private readonly presence: Statement<[string, number, string]>;
  private readonly lastSeen: Statement<[number, string]>;

  constructor(db: Database) {
    this.upsertRow = db.prepare(
      `INSERT INTO staff_accounts (username, display_name, password_hash, created_at)
       VALUES (@username, @displayName, @hash, @now)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash,
         display_name = excluded.display_name`,
    );
    this.select = db.prepare('SELECT * FROM staff_accounts WHERE username = ?');
    this.selectAll = db.prepare('SELECT * FROM staff_accounts ORDER BY username');
    this.presence = db.prepare(
      'UPDATE staff_accounts SET presence = ?, last_seen = ? WHERE username = ?',
    );
    this.lastSeen = db.prepare('UPDATE staff_accounts SET last_seen = ? WHERE username = ?');
  }

  async upsert(username: string, password: string, displayName?: string): Promise<void> {
    const account = await newAccount(username, password, displayName);
    this.upsertRow.run({ username, ...account, now: Date.now() });
  }

  async verify(username: string, password: string): Promise<StaffAccount | null> {
    const row = this.select.get(username);
    const matches = await passwordMatchesStored(password, row?.password_hash);
    return row && matches ? toAccount(row) : null;
  }

  async find(username: string): Promise<StaffAccount | undefined> {
    const row = this.select.get(username);
    return row ? toAccount(row) : undefined;
  }

  async list(): Promise<StaffAccount[]> {
    return this.selectAll.all().map(toAccount);
  }

  async setPresence(username: string, presence: Presence, at: number): Promise<void> {
    this.presence.run(presence, at, username);
  }

  async seen(username: string, at: number): Promise<void> {
    this.lastSeen.run(at, username);
  }
}

const DUMMY_HASH = `scrypt$${'00'.repeat(16)}$${'00'.repeat(KEY_LENGTH)}`;

function toAccount(row: Row): StaffAccount {
  return {
    username: row.username,
    displayName: row.display_name,
    presence: row.presence === 'online' ? 'online' : 'away',
    lastSeen: row.last_seen,
  };
}
