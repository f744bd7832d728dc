import pino, { type Logger } from 'pino';

/** Paths that may carry secrets or tokens; pino replaces them before anything is written. */
const REDACTED_PATHS = [
  'secret',
  'password',
  'token',
  'identityToken',
  'authorization',
  '*.secret',
  '*.password',
  '*.token',
  '*.identityToken',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'activity.channelData.identityToken',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'oxmail-support-bot' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

export type { Logger };
