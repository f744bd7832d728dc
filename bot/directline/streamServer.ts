import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'restify';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import type { DirectLineConversation } from './conversation.js';
import type { ConversationStore } from './conversationStore.js';
import type { DirectLineTokens } from './directLineTokens.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const HEARTBEAT_MS = 30_000;

export interface StreamServerDeps {
  store: ConversationStore;
  tokens: DirectLineTokens;
  logger: Logger;
}

/**
 * The Direct Line WebSocket stream on our own host: pre-authorised by the stream token in `t`,
 * replays everything after `watermark` on connect, then pushes `{ activities, watermark }` frames.
 */
export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly deps: StreamServerDeps) {
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Takes the upgrades of stream paths only; other paths are left to other handlers. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://directline.local');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match?.[1]) {
        if (server.listenerCount('upgrade') === 1) refuse(socket, '404 Not Found');
        return;
      }
      const conversationId = decodeURIComponent(match[1]);
      this.accept(req, socket, head, conversationId, url.searchParams).catch((error: unknown) => {
        this.deps.logger.warn({ err: String(error) }, 'direct line stream refused');
        refuse(socket, '500 Internal Server Error');
      });
    });
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private async accept(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    conversationId: string,
    params: URLSearchParams,
  ): Promise<void> {
    const grant = await this.deps.tokens.verify(params.get('t') ?? '', 'stream').catch(() => null);
    if (!grant || grant.conversationId !== conversationId) {
      refuse(socket, '403 Forbidden');
      return;
    }
    const { conversation } = this.deps.store.ensure(conversationId, grant.userId);
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      this.connect(ws, conversation, params.get('watermark')),
    );
  }

  private connect(
    ws: WebSocket,
    conversation: DirectLineConversation,
    watermark: string | null,
  ): void {
    this.alive.set(ws, true);
    // Replay and subscribe in the same tick, so nothing falls in between.
    const replay = conversation.after(watermark);
    if (replay.activities.length > 0) ws.send(JSON.stringify(replay));
    const unsubscribe = conversation.subscribe({
      deliver: (set) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(set));
      },
      close: (reason) => ws.close(1000, reason),
    });
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('close', unsubscribe);
    ws.on('error', () => ws.terminate());
    // Clients send "" as a ping; there is nothing to answer.
  }

  private checkAlive(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.get(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}

function refuse(socket: Duplex, status: string): void {
  if (socket.writable) socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  socket.destroy();
}
