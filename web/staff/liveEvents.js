const EVENTS_URL = '/staff/api/events';
const RETRY_MS = 5000;
const EVENT_NAMES = ['queue', 'conversation', 'message', 'typing'];

/**
 * The server-sent event stream (it also counts as the presence heartbeat). The browser retries a
 * dropped stream by itself; a refused one (e.g. 401) is reported through `refused` and retried
 * here. Every (re)connect calls `resync`, since events sent meanwhile are lost.
 */
export function connectEvents(handlers) {
  let source = null;
  let retry = 0;
  let stopped = false;

  function open() {
    if (stopped) return;
    source = new EventSource(EVENTS_URL);
    handlers.status('connecting');
    source.addEventListener('open', () => {
      handlers.status('open');
      handlers.resync();
    });
    source.addEventListener('error', () => {
      if (stopped) return;
      handlers.status('lost');
      if (source.readyState !== EventSource.CLOSED) return;
      source.close();
      handlers.refused();
      retry = window.setTimeout(open, RETRY_MS);
    });
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        handlers[name](data);
      });
    }
  }

  open();
  return {
    close() {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    },
  };
}
