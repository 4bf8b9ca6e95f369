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
}

/** `switchboard serve --json` as a process of its own; resolves once it listens. */
export async function serveProcess(
  options: StoreOptions,
  { env = {}, nodeArgs = [], bundled = false }: SpawnOptions = {},
) {
  const cli = bundled ? [await serverBundle()] : ['--import', 'tsx', 'server/cli.ts'];
  const args = [...nodeArgs, ...cli, 'serve', '--port', '0', '--json'];
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
      resolve({ child, ...info, kill: () => ended('SIGKILL'), stop: () => ended('SIGTERM') });
    });
  });
}
