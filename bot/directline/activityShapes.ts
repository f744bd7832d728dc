import type { Activity } from 'botbuilder';
import { DirectLineError } from './directLineHttp.js';
import type { AccountJson, DirectLineActivity, NewActivity } from './conversation.js';

/** The channel id the bot sees and clients see, as on Azure's Direct Line. */
export const CHANNEL_ID = 'directline';

const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
const CLIENT_FIELDS = [
  'type',
  'name',
  'text',
  'textFormat',
  'value',
  'locale',
  'localTimestamp',
  'localTimezone',
  'channelData',
  'entities',
  'attachments',
] as const;
const BOT_FIELDS = [
  'type',
  'name',
  'text',
  'textFormat',
  'speak',
  'inputHint',
  'summary',
  'attachments',
  'attachmentLayout',
  'suggestedActions',
  'entities',
  'value',
  'valueType',
  'channelData',
  'locale',
  'importance',
] as const;
const MAX_TEXT = 10_000;

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (source[field] !== undefined) picked[field] = source[field];
  return picked;
}

/** channelData without anything a client could use to claim an identity. */
function cleanChannelData(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  delete rest.identityToken;
  return rest;
}

/**
 * A client's activity as the server keeps it: only known fields, `from` stamped from the token
 * (a client cannot choose it) and no identity claims in channelData.
 */
export function userActivity(
  body: Record<string, unknown>,
  conversationId: string,
  user: AccountJson,
  bot: AccountJson,
): NewActivity {
  const type = body.type;
  if (typeof type !== 'string' || !CLIENT_TYPES.has(type)) {
    throw new DirectLineError('BadArgument', 'Unsupported activity type');
  }
  if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_TEXT)) {
    throw new DirectLineError('BadArgument', 'Invalid text');
  }
  const picked = pick(body, CLIENT_FIELDS);
  return {
    ...picked,
    type,
    channelId: CHANNEL_ID,
    conversation: { id: conversationId },
    from: { ...user, role: 'user' },
    recipient: bot,
    channelData: cleanChannelData(body.channelData) ?? {},
  };
}

/** A bot's reply as clients get it: no serviceUrl or caller data, `from.role` bot, user as recipient. */
export function botActivity(
  body: Record<string, unknown>,
  conversationId: string,
  user: AccountJson,
  bot: AccountJson,
): NewActivity {
  const type = typeof body.type === 'string' && body.type ? body.type : 'message';
  const from = body.from as Partial<AccountJson> | undefined;
  const activity: NewActivity = {
    ...pick(body, BOT_FIELDS),
    type,
    channelId: CHANNEL_ID,
    conversation: { id: conversationId },
    from: {
      id: typeof from?.id === 'string' && from.id ? from.id : bot.id,
      name: typeof from?.name === 'string' ? from.name : bot.name,
      role: 'bot',
    },
    recipient: { ...user, role: 'user' },
  };
  const channelData = cleanChannelData(body.channelData);
  if (channelData) activity.channelData = channelData;
  else delete activity.channelData;
  return activity;
}

/** The activity the adapter runs: what the client sees, plus serviceUrl, identity and Dates. */
export function activityForBot(
  stored: DirectLineActivity,
  serviceUrl: string,
  identityToken: string | null,
): Activity {
  const channelData: Record<string, unknown> = { ...(stored.channelData ?? {}) };
  delete channelData.identityToken;
  if (identityToken) channelData.identityToken = identityToken;
  const localTimestamp =
    typeof stored.localTimestamp === 'string' ? new Date(stored.localTimestamp) : undefined;
  return {
    ...stored,
    serviceUrl,
    channelData,
    conversation: { id: stored.conversation.id, isGroup: false, conversationType: 'personal' },
    timestamp: new Date(stored.timestamp),
    rawTimestamp: stored.timestamp,
    localTimestamp:
      localTimestamp && !Number.isNaN(localTimestamp.getTime()) ? localTimestamp : undefined,
  } as unknown as Activity;
}
