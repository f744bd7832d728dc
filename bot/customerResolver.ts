import type { TurnContext } from 'botbuilder';
import type { StatePropertyAccessor } from 'botbuilder';
import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import { errorCodeOf } from '../clientzone/appError.js';
import { chooseLanguage } from '../dialogs/locales/index.js';
import type { TurnInfo } from '../dialogs/turnInfo.js';
import { verifyIdentityToken, type VerifiedIdentity } from './identity.js';
import type { Logger } from './logger.js';

/** The Clientzone client a conversation was bound to on first sight, with what we need of it. */
export interface ConversationBinding {
  clientId: number;
  name: string | null;
  language: string | null;
  currencyCode: string;
  /** False while Clientzone could not be asked yet; asked again on a later turn. */
  detailsLoaded: boolean;
  /** Until when the last verified identity token holds: turns the bot starts itself (hand-back) act within it. */
  identityExpiresAt?: number;
}

export type ResolvedTurn = TurnInfo & { identityRejected: 'mismatch' | null };

/**
 * Works out who is talking: verifies the identity token of the activity, binds the conversation
 * to that client on first sight, and refuses a token for another client later on.
 */
export class CustomerResolver {
  constructor(
    private readonly binding: StatePropertyAccessor<ConversationBinding | undefined>,
    private readonly api: ClientzoneApi,
    private readonly identitySecret: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async resolve(context: TurnContext): Promise<ResolvedTurn> {
    const identity = await this.verify(context);
    let bound = await this.binding.get(context);
    const locale = context.activity.locale;
    if (identity && bound && bound.clientId !== identity.clientId) {
      this.logger.warn(
        { conversationId: context.activity.conversation.id },
        'identity for another client refused',
      );
      return {
        customer: null,
        language: chooseLanguage(locale, bound.language),
        identityRejected: 'mismatch',
      };
    }
    if (identity && (!bound || !bound.detailsLoaded)) bound = await this.bind(identity);
    if (identity && bound && (bound.identityExpiresAt ?? 0) < identity.expiresAt) {
      bound = { ...bound, identityExpiresAt: identity.expiresAt };
      await this.binding.set(context, bound);
    }
    const customer =
      identity && bound
        ? { clientId: bound.clientId, name: bound.name, currencyCode: bound.currencyCode }
        : null;
    return {
      customer,
      language: chooseLanguage(locale, bound?.language ?? identity?.locale ?? null),
      identityRejected: null,
    };
  }

  /**
   * For a turn the bot starts itself (a hand-back): the bound customer, while the identity token
   * they last presented is still valid; no token arrives with such a turn.
   */
  async resolveBound(context: TurnContext): Promise<ResolvedTurn> {
    const bound = await this.binding.get(context);
    const valid = bound && (bound.identityExpiresAt ?? 0) > this.now().getTime();
    return {
      customer: valid
        ? { clientId: bound.clientId, name: bound.name, currencyCode: bound.currencyCode }
        : null,
      language: chooseLanguage(context.activity.locale, bound?.language ?? null),
      identityRejected: null,
    };
  }

  private async verify(context: TurnContext): Promise<VerifiedIdentity | null> {
    const channelData = context.activity.channelData as Record<string, unknown> | undefined;
    const token = channelData?.identityToken;
    if (typeof token !== 'string' || token.length === 0) return null;
    try {
      return await verifyIdentityToken(token, this.identitySecret, this.now);
    } catch (error) {
      const reason = (error as { details?: { reason?: string } }).details?.reason ?? 'unknown';
      this.logger.info(
        { conversationId: context.activity.conversation.id, reason },
        'identity token rejected',
      );
      return null;
    }
  }

  private async bind(identity: VerifiedIdentity): Promise<ConversationBinding> {
    try {
      const details = await this.api.getClientDetails(identity.clientId);
      const name = details.firstName || identity.name;
      return {
        clientId: identity.clientId,
        name: name || null,
        language: details.language || identity.locale,
        currencyCode: details.currencyCode || 'IDR',
        detailsLoaded: true,
      };
    } catch (error) {
      this.logger.warn(
        { clientId: identity.clientId, code: errorCodeOf(error) },
        'client details unavailable',
      );
      return {
        clientId: identity.clientId,
        name: identity.name,
        language: identity.locale,
        currencyCode: 'IDR',
        detailsLoaded: false,
      };
    }
  }
}
