import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { WarningLog } from './warningLog.js';

const ROOT = path.join(__dirname, '../..');
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
/** Enough of a process's output to explain a failed start or a crash. */
const KEPT_OUTPUT_CHARS = 4000;

/** A `node dist/bot/index.js` process, as `npm start` runs it, listening on 127.0.0.1. */
export interface SpawnedBot {
  /** `/api/messages` on the port the process reported. */
  readonly messagesUrl: string;
  /** How the process ended if it exited before `stop` (a crash mid-bench), else null. */
  unexpectedExit(): string | null;
  /** SIGTERM (a graceful stop), then SIGKILL if it has not exited in time; this PID only. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Last resort if the bench dies without stopping its processes: kill them, by their own PIDs.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts the bot with exactly `env` (plus PATH) on port 0 and waits for its "listening" line. */
export async function spawnBot(
  name: string,
  env: Record<string, string>,
  warnings: WarningLog,
): Promise<SpawnedBot> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/bot/index.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output = new OutputTail(child, warnings);
  let stopping = false;
  let unexpected: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (!stopping) unexpected = `${name} exited (${signal ?? code}): ${output.text}`;
      resolve();
    });
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await listeningPort(name, child, output);
    return {
      messagesUrl: `http://127.0.0.1:${port}/api/messages`,
      unexpectedExit: () => unexpected,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The last lines a process wrote; both pipes are read for its whole life, so neither fills. */
class OutputTail {
  text = '';
  private partial = '';

  constructor(child: ChildProcess, warnings: WarningLog) {
    child.stdout?.on('data', (chunk: Buffer) => {
      this.add(chunk);
      const lines = (this.partial + chunk.toString()).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) warnings.addLine(line);
    });
    child.stderr?.on('data', (chunk: Buffer) => this.add(chunk));
  }

  private add(chunk: Buffer): void {
    this.text = (this.text + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
  }
}

/** Reads the port from the "listening" log line. */
function listeningPort(name: string, child: ChildProcess, output: OutputTail): Promise<number> {
  let pending = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.stdout?.off('data', onData);
      reject(new Error(`${name} did not start in ${STARTUP_TIMEOUT_MS} ms: ${output.text}`));
    }, STARTUP_TIMEOUT_MS);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} at start: ${output.text}`));
    };
    child.once('exit', exited);
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const line = lines.find((l) => l.includes('oxmail-support-bot listening'));
      if (!line) return;
      clearTimeout(timer);
      child.off('exit', exited);
      child.stdout?.off('data', onData);
      resolve((JSON.parse(line) as { port: number }).port);
    };
    child.stdout?.on('data', onData);
  });
}
