import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * event-watcher.ts as a child process: `at(postKey)` resolves with the Date.now() at which that
 * post's claim event reached it (the watcher stamps it; this process only reads the line later).
 */
export async function watchClaims(port: number, token: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/event-watcher.ts', String(port), token],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const seen = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`event watcher exited with ${code}`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line) as { ready?: true; postKey?: string; at?: number };
      if (msg.ready) return resolve();
      if (msg.postKey === undefined || msg.at === undefined) return;
      const waiter = waiting.get(msg.postKey);
      waiting.delete(msg.postKey);
      if (waiter) waiter(msg.at);
      else seen.set(msg.postKey, msg.at);
    });
  });
  await ready;
  return {
    /** The time the post's next claim event reached the watcher; undefined after `timeoutMs`. */
    at(postKey: string, timeoutMs = 2_000): Promise<number | undefined> {
      const at = seen.get(postKey);
      seen.delete(postKey);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(postKey);
          resolve(undefined);
        }, timeoutMs);
        waiting.set(postKey, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
    close() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    },
  };
}
