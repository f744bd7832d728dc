import type { ConversationScript } from './loadDriver.js';
import type { UpgradeClientPool } from './upgradeClientPool.js';

/** A greeting, help and an unrecognised question: the bot answers each with the menu. */
export const ANONYMOUS_TEXTS = ['halo', 'bantuan', 'apa kabar?'];

/** Package upgrade from OX Mail Starter to Business, then "yes": ends with the invoice. */
export const UPGRADE_TEXTS = ['saya mau upgrade paket email', 'OX Mail Business', 'ya'];

/** Conversation ids of these scenarios start with these, so their persisted rows can be found. */
export const ANONYMOUS_PREFIX = 'anon-';
export const UPGRADE_PREFIX = 'upg-';
export const UNCONFIRMED_PREFIX = 'upgwait-';

/** Anonymous visitors (no identity token): turns that never call Clientzone. */
export function anonymousScripts(prefix: string): (index: number) => ConversationScript {
  return (index) => ({ conversationId: `${prefix}${index}`, texts: ANONYMOUS_TEXTS });
}

/**
 * Complete package upgrades by signed-in clients of the pool; a conversation succeeds when its
 * last reply names an invoice number. `unconfirmed` stops before "ya", at the confirmation.
 */
export function upgradeScripts(
  tag: string,
  pool: UpgradeClientPool,
  unconfirmed = false,
): (index: number) => Promise<ConversationScript> {
  const prefix = unconfirmed ? UNCONFIRMED_PREFIX : UPGRADE_PREFIX;
  return async (index) => {
    const client = await pool.acquire();
    return {
      conversationId: `${prefix}${tag}${index}`,
      texts: unconfirmed ? UPGRADE_TEXTS.slice(0, -1) : UPGRADE_TEXTS,
      identityToken: client.identityToken,
      checkLast: (replies) => {
        if (unconfirmed || invoiceIdIn(replies) !== null) return null;
        return `no invoice number in the last reply: ${JSON.stringify(replies).slice(0, 300)}`;
      },
      finished: (replies) => pool.recycle(client, invoiceIdIn(replies)),
    };
  };
}

function invoiceIdIn(replies: readonly string[]): number | null {
  for (const text of replies) {
    const match = /invoice\W+#(\d+)/i.exec(text);
    if (match) return Number(match[1]);
  }
  return null;
}
