import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshStore, httpClient, post, skipReason } from './harness.ts';
import type { FreshStore } from './harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `switchboard serve --json` as a separate process; resolves with its first line. */
function serve(
  store: FreshStore,
): Promise<{ child: ChildProcess; port: number; adminToken: string | null }> {
  const args = ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--json'];
  if (store.options.dataDir) args.push('--data', store.options.dataDir);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: store.options.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      const info = JSON.parse(line) as { port: number; adminToken: string | null };
      resolve({ child, ...info });
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.skipIf(!!skipReason)('durability', () => {
  let store: FreshStore;
  afterAll(() => store?.drop());

  it('keeps every acknowledged claim and assignment when the process is SIGKILLed', async () => {
    store = await freshStore();
    const first = await serve(store);
    expect(first.adminToken).toMatch(/^sb_/);
    const admin = httpClient(first.port, first.adminToken);
    const support = await admin.departments.create.mutate({ name: 'Support', slaMinutes: 30 });
    const { member, token } = await admin.members.create.mutate({
      name: 'Ana',
      role: 'member',
      departmentIds: [support.id],
    });
    const ana = httpClient(first.port, token);
    const posts = Array.from({ length: 60 }, (_, i) => post(`order ${i} never arrived`));
    await ana.posts.observe.mutate({ posts });
    const claimed = posts.slice(0, 30);
    const assigned = posts.slice(30);
    // Writes in flight together; the kill comes right after the last acknowledgement.
    const acks = await Promise.all([
      ...claimed.map((p) => ana.claims.acquire.mutate({ postKey: p.key, leaseMs: 600_000 })),
      ...assigned.map((p) =>
        ana.threads.assign.mutate({
          postKey: p.key,
          departmentId: support.id,
          assigneeId: member.id,
        }),
      ),
    ]);
    await killHard(first.child);

    const second = await serve(store);
    try {
      expect(second.adminToken).toBeNull(); // same organisation, not a new one
      const again = httpClient(second.port, token);
      const views = await again.posts.get.query({ postKeys: posts.map((p) => p.key) });
      const byKey = new Map(views.map((v) => [v.thread.postKey, v]));
      expect(byKey.size).toBe(60);
      claimed.forEach((p, i) => {
        const ack = acks[i] as { token: number };
        expect(byKey.get(p.key)!.claim).toMatchObject({ holderId: member.id, token: ack.token });
      });
      for (const p of assigned)
        expect(byKey.get(p.key)!.thread).toMatchObject({
          departmentId: support.id,
          assigneeId: member.id,
        });
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  }, 60_000);
});
