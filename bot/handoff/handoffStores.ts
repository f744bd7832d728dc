import type { BotDatabase } from '../storage/index.js';
import type { HandoffStores } from './index.js';
import { SqliteHandoffStore } from './handoffStore.js';
import { PostgresHandoffStore, PostgresTranscriptStore } from './postgresHandoffStores.js';
import { PostgresStaffAccounts } from './postgresStaffAccounts.js';
import { SqliteStaffAccounts } from './staffAccounts.js';
import { SqliteTranscriptStore } from './transcriptStore.js';

/** The handoff's records in the bot's database, whichever engine. */
export function handoffStores(database: BotDatabase): HandoffStores {
  if (database.engine === 'postgres') {
    return {
      store: new PostgresHandoffStore(database.pool),
      transcripts: new PostgresTranscriptStore(database.pool),
      staff: new PostgresStaffAccounts(database.pool),
    };
  }
  return {
    store: new SqliteHandoffStore(database.sqlite),
    transcripts: new SqliteTranscriptStore(database.sqlite),
    staff: new SqliteStaffAccounts(database.sqlite),
  };
}
