import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StoreOptions } from '../../server/db/connect.ts';
import { serverBundle } from './server-bundle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** The first admin's token, printed on the first start of an empty database only. */
  adminToken: string | null;
  /** Everything its first line said (a `script` may print more than the port and token). */
  printed: Record<string, unknown>;
  /** Ends the process with SIGKILL: no shutdown, no checkpoint (a crash or a power cut). */
  kill(): Promise<void>;
  /** Ends it with SIGTERM, as a service manager would. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Flags for node itself, e.g. ['--cpu-prof'] when profiling. */
  nodeArgs?: string[];
  /** Runs the server bundled (server-bundle.ts): for tests that start many processes. */
  bundled?: boolean;
  /**
   * Another entry point that starts the server and prints its JSON line like `serve --json`
   * (given only `--data DIR`): a bench that needs something beside the server in its process.
   */
  script?: string;
}

/** `switchboard serve --json` as a process of its own; resolves once it listens. */
export async function serveProcess(
  options: StoreOptions,
  { env = {}, nodeArgs = [], bundled = false, script }: SpawnOptions = {},
) {
  const cli = script
    ? ['--import', 'tsx', script]
    : bundled
      ? [await serverBundle(), 'serve', '--port', '0', '--json']
      : ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--json'];
  const args = [...nodeArgs, ...cli];
  if (options.dataDir) args.push('--data', options.dataDir);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, DATABASE_URL: options.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return new Promise<ServerProcess>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      const info = JSON.parse(line) as { port: number; adminToken: string | null; error?: string };
      // `serve --json` that fails to start prints {"error": …} and exits: say why.
      if (info.error !== undefined) return reject(new Error(`server did not start: ${info.error}`));
      const { port, adminToken } = info;
      const [kill, stop] = [() => ended('SIGKILL'), () => ended('SIGTERM')];
      resolve({ child, port, adminToken, printed: info, kill, stop });
    });
  });
}
