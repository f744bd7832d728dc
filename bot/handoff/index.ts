import path from 'node:path';
import type { CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { ClientzoneApi } from '../../clientzone/clientzoneApi.js';
import type { AppConfig } from '../config.js';
import type { ConversationReferences } from '../conversationReferences.js';
import type { Departments } from '../departments.js';
import type { Logger } from '../logger.js';
import { CustomerMessenger } from './customerMessenger.js';
import { HandoffCore } from './handoffCore.js';
import { ExternalHandoff } from './externalHandoff.js';
import { HandoffEvents } from './handoffEvents.js';
import { HandoffService } from './handoffService.js';
import type { HandoffStore } from './handoffStore.js';
import { MessageTickets } from './messageTickets.js';
import type { StaffAccounts } from './staffAccounts.js';
import { StaffActions } from './staffActions.js';
import { StaffApi } from './staffApi.js';
import { LoginLimiter, StaffSessions } from './staffAuth.js';
import { registerStaffRoutes } from './staffRoutes.js';
import { SupportHours } from './supportHours.js';
import type { TranscriptStore } from './transcriptStore.js';

export interface HandoffStores {
  store: HandoffStore;
  transcripts: TranscriptStore;
  staff: StaffAccounts;
}

export interface HandoffDeps extends HandoffStores {
  config: Readonly<AppConfig>;
  adapter: CloudAdapter;
  references: ConversationReferences;
  api: ClientzoneApi;
  departments: Departments;
  logger: Logger;
  now: () => Date;
}

export interface Handoff {
  service: HandoffService;
  core: HandoffCore;
  actions: StaffActions;
  events: HandoffEvents;
  register(server: Server): void;
  /** Creates or updates the STAFF_BOOTSTRAP_USERS accounts. */
  bootstrapStaff(users: { username: string; password: string }[]): Promise<void>;
  start(): void;
  stop(): void;
}

const TICK_MS = 15_000;

/** The human handoff: ownership, queue, staff API and console, wired from its stores. */
export function createHandoff(deps: HandoffDeps): Handoff {
  const logger = deps.logger.child({ component: 'handoff' });
  const events = new HandoffEvents();
  const core = new HandoffCore({
    store: deps.store,
    transcripts: deps.transcripts,
    staff: deps.staff,
    events,
    logger,
    now: deps.now,
  });
  const messenger = new CustomerMessenger({
    adapter: deps.adapter,
    appId: deps.config.microsoftApp.appId,
    references: deps.references,
    transcripts: deps.transcripts,
    events,
    logger,
    now: deps.now,
  });
  const service = new HandoffService({
    core,
    messenger,
    hours: SupportHours.parse(deps.config.support.hours, deps.config.support.timezone),
    waitTimeoutMs: deps.config.support.waitTimeoutMs,
    tickets: new MessageTickets({ core, api: deps.api, departments: deps.departments, logger }),
    external: deps.config.support.handoffMode === 'external' ? new ExternalHandoff(core) : null,
  });
  const actions = new StaffActions({ core, messenger });
  const api = new StaffApi({
    core,
    actions,
    accounts: deps.staff,
    sessions: new StaffSessions(deps.config.chatIdentitySecret),
    limiter: new LoginLimiter(() => deps.now().getTime()),
    logger,
    secureCookie: deps.config.production,
  });
  let timer: NodeJS.Timeout | null = null;
  return {
    service,
    core,
    actions,
    events,
    register: (server) =>
      registerStaffRoutes(server, api, events, path.join(__dirname, '../../../web/staff')),
    bootstrapStaff: async (users) => {
      for (const user of users) await deps.staff.upsert(user.username.toLowerCase(), user.password);
    },
    start: () => {
      timer ??= setInterval(() => void service.tick().catch(() => undefined), TICK_MS);
      timer.unref();
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
