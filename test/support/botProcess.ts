import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../..');
const STARTUP_TIMEOUT_MS = 15_000;

/**
 * One `node dist/bot/index.js` process, as `npm start` runs it, on a free port; it can be killed
 * (SIGKILL or SIGTERM) and started again with the same environment, on a new port.
 */
export class BotProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  private currentUrl = '';
  /** stdout and stderr of every run, for failure messages. */
  output = '';

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return this.currentUrl;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/bot/index.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.currentUrl = await this.listeningUrl(child);
  }

  /** Kills the process and waits until it is gone; resolves with its exit code. */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    child.kill(signal);
    const code = await this.exited;
    this.child = null;
    return code;
  }

  private listeningUrl(child: ChildProcess): Promise<string> {
    return new Promise((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(
        () => reject(new Error(`${this.name} did not start: ${this.output}`)),
        STARTUP_TIMEOUT_MS,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with ${code} at start: ${this.output}`));
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
        buffer += chunk.toString();
        const line = buffer.split('\n').find((l) => l.includes('oxmail-support-bot listening'));
        if (!line) return;
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`);
        buffer = '';
      });
    });
  }
}
