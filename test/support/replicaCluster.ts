import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import type { Activity } from 'botbuilder';
import { DEV_CHAT_IDENTITY_SECRET } from '../../bot/config.js';
import { signIdentityToken } from '../../bot/identity.js';
import {
  SANDBOX_IDENTIFIER,
  SANDBOX_PRODUCT_GROUP_ID,
  SANDBOX_SECRET,
  startSandbox,
  type RunningSandbox,
} from '../../clientzone/sandbox/index.js';
import { BotProcess } from './botProcess.js';
import { createTestSchema, type TestSchema } from './postgresSchema.js';
import { writeSeedWithCopies, type CopiedClient } from './sandboxCopies.js';
import { SandboxAdmin, type SandboxRecords } from './sandboxAdmin.js';

/** Two bot processes on one fresh PostgreSQL schema and one Clientzone sandbox in this process. */
export interface ReplicaCluster {
  replicas: [BotProcess, BotProcess];
  sandbox: RunningSandbox;
  admin: SandboxAdmin;
  schema: TestSchema;
  /** Copies of demo client 1001, one per conversation that upgrades. */
  clients: CopiedClient[];
  close(): Promise<void>;
}

export async function startReplicaCluster(copies: number): Promise<ReplicaCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oxmail-replicas-'));
  const { seedFile, clients } = writeSeedWithCopies(dir, copies);
  const sandbox = await startSandbox({ port: 0, dataFile: null, seedFile });
  const schema = await createTestSchema();
  const env = {
    DATABASE_URL: schema.url,
    DATABASE_SCHEMA: schema.name,
    DATABASE_POOL_MAX: '4',
    DATABASE_TURN_LOCK_TIMEOUT_MS: '10000',
    CLIENTZONE_API_URL: sandbox.apiUrl,
    CLIENTZONE_API_IDENTIFIER: SANDBOX_IDENTIFIER,
    CLIENTZONE_API_SECRET: SANDBOX_SECRET,
    CLIENTZONE_URL: sandbox.url,
    CLIENTZONE_PRODUCT_GROUP_ID: String(SANDBOX_PRODUCT_GROUP_ID),
    CHAT_IDENTITY_SECRET: DEV_CHAT_IDENTITY_SECRET,
    DATA_DIR: dir,
    LOG_LEVEL: 'info',
    STAFF_BOOTSTRAP_USERS: 'ani:rahasia-ani-123',
    SUPPORT_HOURS: 'always',
  };
  const replicas: [BotProcess, BotProcess] = [new BotProcess('A', env), new BotProcess('B', env)];
  const close = async () => {
    await Promise.all(replicas.map((replica) => replica.stop('SIGTERM')));
    await sandbox.close();
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Started together: their migrations race, as replicas of a deployment do.
    await Promise.all(replicas.map((replica) => replica.start()));
  } catch (error) {
    await close();
    throw error;
  }
  return { replicas, sandbox, admin: new SandboxAdmin(sandbox), schema, clients, close };
}

/** A customer of the cluster: builds activities of one conversation and posts them anywhere. */
export class ReplicaCustomer {
  private token: Promise<string>;

  constructor(
    readonly clientId: number,
    readonly conversationId: string,
    /** Where the bot sends messages outside a turn (staff, hand-back). */
    private readonly serviceUrl = 'http://127.0.0.1:9',
  ) {
    this.token = signIdentityToken({ clientId }, DEV_CHAT_IDENTITY_SECRET);
  }

  async activity(id: string, text: string): Promise<Partial<Activity>> {
    return {
      type: 'message',
      id,
      channelId: 'directline',
      serviceUrl: this.serviceUrl,
      deliveryMode: 'expectReplies',
      from: { id: `user-${this.clientId}`, name: 'customer', role: 'user' },
      recipient: { id: 'bot', name: 'bot', role: 'bot' },
      conversation: {
        id: this.conversationId,
        isGroup: false,
        conversationType: 'personal',
        name: '',
      },
      channelData: { identityToken: await this.token },
      text,
    };
  }

  /** Posts one activity to `botUrl`; resolves with the reply texts, rejects on any failure. */
  async send(botUrl: string, id: string, text: string, timeoutMs = 45_000): Promise<string[]> {
    const response = await axios.post<{ activities?: Partial<Activity>[] }>(
      `${botUrl}/api/messages`,
      await this.activity(id, text),
      { timeout: timeoutMs },
    );
    return (response.data.activities ?? [])
      .filter((activity) => activity.type === 'message')
      .map((activity) => activity.text ?? '');
  }
}

/** A counter or histogram count from a bot's /metrics. */
export async function metricValue(botUrl: string, name: string): Promise<number> {
  const text = (await axios.get<string>(`${botUrl}/metrics`)).data;
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

/** Invoice ids of the upgrade orders the sandbox holds for a service, one per upgrade record. */
export function upgradeInvoicesOf(records: SandboxRecords, serviceId: number): number[] {
  const upgrades = records.upgrades as { relid?: number; orderid?: number }[];
  const orders = records.orders as { id: number; invoiceid?: number }[];
  return upgrades
    .filter((upgrade) => upgrade.relid === serviceId)
    .map((upgrade) => orders.find((order) => order.id === upgrade.orderid)?.invoiceid ?? 0);
}
