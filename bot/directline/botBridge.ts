import type { CloudAdapter, TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import { errorCodeOf } from '../../clientzone/appError.js';
import { signIdentityToken } from '../identity.js';
import type { Logger } from '../logger.js';
import type { BotMetrics } from '../metrics.js';
import { activityForBot } from './activityShapes.js';
import type { DirectLineActivity } from './conversation.js';
import { DirectLineError } from './directLineHttp.js';
import type { ChatIdentity } from './directLineTokens.js';

/** Long enough for one turn; the bot re-verifies it, so it only has to outlive the hand-over. */
const IDENTITY_TTL_SECONDS = 300;

export interface BotBridgeDeps {
  adapter: CloudAdapter;
  runBot: (context: TurnContext) => Promise<void>;
  /** MicrosoftAppId; empty when Bot Framework authentication is off. */
  appId: string;
  identitySecret: string;
  /** Where the bot sends replies: this server's connector routes (see connectorRoutes.ts). */
  serviceUrl: () => string;
  logger: Logger;
  metrics: BotMetrics;
  now?: () => Date;
}

/** Replies of a Direct Line turn go to our own connector routes, without Bot Framework tokens. */
class LoopbackConnectorFactory extends ConnectorFactory {
  async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl });
  }
}

/**
 * Hands Direct Line activities to the same CloudAdapter and bot as `/api/messages`, in order per
 * conversation. The request is trusted in-process (no Bot Framework JWT); the customer's identity
 * travels as a freshly signed identity token in `channelData.identityToken`, which the bot verifies
 * like any other.
 */
export class BotBridge {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly connectorFactory = new LoopbackConnectorFactory();

  constructor(private readonly deps: BotBridgeDeps) {}

  /** Runs the bot on the activity once the conversation's earlier activities are done. */
  deliver(activity: DirectLineActivity, identity: ChatIdentity | null): Promise<void> {
    const conversationId = activity.conversation.id;
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.run(activity, identity));
    const tail = turn.catch(() => undefined);
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return turn;
  }

  private async run(activity: DirectLineActivity, identity: ChatIdentity | null): Promise<void> {
    const stop = this.deps.metrics.turnDuration.startTimer();
    const type = activity.type.slice(0, 40);
    try {
      const token = identity ? await this.identityToken(identity) : null;
      const forBot = activityForBot(activity, this.deps.serviceUrl(), token);
      await this.deps.adapter.processActivityDirect(this.authentication(), forBot, (context) =>
        this.deps.runBot(context),
      );
      this.deps.metrics.turns.inc({ type, outcome: '200' });
    } catch (error) {
      this.deps.metrics.turns.inc({ type, outcome: '502' });
      this.deps.logger.error(
        { code: errorCodeOf(error), conversationId: activity.conversation.id, err: String(error) },
        'direct line turn failed',
      );
      throw new DirectLineError('BotError', 'The bot could not process the activity');
    } finally {
      stop();
    }
  }

  private identityToken(identity: ChatIdentity): Promise<string> {
    return signIdentityToken(
      {
        clientId: identity.clientId,
        name: identity.name ?? undefined,
        locale: identity.locale ?? undefined,
      },
      this.deps.identitySecret,
      IDENTITY_TTL_SECONDS,
      this.deps.now,
    );
  }

  private authentication(): AuthenticateRequestResult {
    const { appId } = this.deps;
    const claimsIdentity = appId
      ? new ClaimsIdentity(
          [
            { type: AuthenticationConstants.AudienceClaim, value: appId },
            { type: AuthenticationConstants.AppIdClaim, value: appId },
          ],
          true,
        )
      : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    return {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity,
      connectorFactory: this.connectorFactory,
    };
  }
}
