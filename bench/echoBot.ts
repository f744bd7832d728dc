import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import restify, { type Request, type Response } from 'restify';

/** A bot listening on 127.0.0.1; `messagesUrl` is its `/api/messages`. */
export interface ListeningBot {
  messagesUrl: string;
  close(): Promise<void>;
}

/**
 * The baseline: botbuilder's echo sample with conversation state (a turn counter read,
 * incremented and saved every turn on MemoryStorage), on the same CloudAdapter and restify.
 */
class EchoBot extends ActivityHandler {
  private readonly turns: StatePropertyAccessor<number>;

  constructor(private readonly conversationState: ConversationState) {
    super();
    this.turns = conversationState.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      const turn = (await this.turns.get(context, 0)) + 1;
      await this.turns.set(context, turn);
      await context.sendActivity(`echo ${turn}: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

/** Starts the echo bot on 127.0.0.1, port 0. */
export async function startEchoBot(): Promise<ListeningBot> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
    } as ConfigurationBotFrameworkAuthenticationOptions),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    console.error(`echo bot turn failed: ${error.message}`);
    await context.sendActivity('echo bot error');
  };
  const bot = new EchoBot(new ConversationState(new MemoryStorage()));
  const server = restify.createServer({ name: 'bench-echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const url = await listenLocal(server);
  return {
    messagesUrl: `${url}/api/messages`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Listens on 127.0.0.1, port 0, and resolves with the base URL. */
export function listenLocal(server: restify.Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}
