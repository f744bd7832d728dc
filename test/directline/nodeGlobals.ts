import { createRequire } from 'node:module';
// axios picks its XHR adapter if XMLHttpRequest exists when it loads: load it first, so every
// axios client in this process (the bot's Clientzone client too) keeps Node's http adapter.
import 'axios';
import WebSocket from 'ws';

// botframework-directlinejs needs a browser's WebSocket and XMLHttpRequest (its README's recipe);
// import this module before it.
const load = createRequire(__filename);
const globals = globalThis as Record<string, unknown>;
globals.WebSocket ??= WebSocket;
globals.XMLHttpRequest ??= load('xhr2') as unknown;
