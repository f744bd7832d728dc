import type { Pool } from 'pg';
import {
  newAccount,
  passwordMatchesStored,
  type Presence,
  type StaffAccount,
  type StaffAccounts,
} from './staffAccounts.js';

interface Row {
  username: string;
  display_name: string;
  password_hash: string;
  presence: string;
  last_seen: string | null;
}

/** Staff accounts in PostgreSQL (shared by every replica). */
export class PostgresStaffAccounts implements StaffAccounts {
  constructor(private readonly pool: Pool) {}

  async upsert(username: string, password: string, displayName?: string): Promise<void> {
    const account = await newAccount(username, password, displayName);
    await this.pool.query(
      `INSERT INTO staff_accounts (username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, display_name = excluded.display_name`,
      [username, account.displayName, account.hash, Date.now()],
    );
  }

  async verify(username: string, password: string): Promise<StaffAccount | null> {
    const row = await this.row(username);
    const matches = await passwordMatchesStored(password, row?.password_hash);
    return row && matches ? toAccount(row) : null;
  }

  async find(username: string): Promise<StaffAccount | undefined> {
    const row = await this.row(username);
    return row ? toAccount(row) : undefined;
  }

  async list(): Promise<StaffAccount[]> {
    const result = await this.pool.query<Row>('SELECT * FROM staff_accounts ORDER BY username');
    return result.rows.map(toAccount);
  }

  async setPresence(username: string, presence: Presence, at: number): Promise<void> {
    await this.pool.query(
      'UPDATE staff_accounts SET presence = $1, last_seen = $2 WHERE username = $3',
      [presence, at, username],
    );
  }

  async seen(username: string, at: number): Promise<void> {
    await this.pool.query('UPDATE staff_accounts SET last_seen = $1 WHERE username = $2', [
      at,
      username,
    ]);
  }

  private async row(username: string): Promise<Row | undefined> {
    const result = await this.pool.query<Row>('SELECT * FROM staff_accounts WHERE username = $1', [
      username,
    ]);
    return result.rows[0];
  }
}

function toAccount(row: Row): StaffAccount {
  return {
    username: row.username,
    displayName: row.display_name,
    presence: row.presence === 'online' ? 'online' : 'away',
    lastSeen: row.last_seen === null ? null : Number(row.last_seen),
  };
}
