import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer } from '../../tests/server/harness.ts';
import type { TestOrg, TestServer } from '../../tests/server/harness.ts';
import { freshDbName } from '../../tests/background/test-background.ts';
import { startBackground } from './start-background.ts';

describe('server connection (real server)', () => {
  let server: TestServer;
  let org: TestOrg;
  beforeAll(async () => {
    server = await startTestServer();
    org = await server.org('Reconnect Co');
  });
  afterAll(() => server.close());

  it('signs in again on its open socket once the server can answer, instead of staying offline', async () => {
    const ana = await org.member('Ana', 'member', ['Support']);
    const availability = server.server.deps.store.availability;
    availability.set(false); // the server's database is away: every call is refused for now
    const background = startBackground({ dbName: freshDbName() });
    try {
      await background.connection.start({
        serverUrl: `http://127.0.0.1:${server.port}`,
        token: ana.token,
      });
      const session = () => background.ctx.session.get();
      await vi.waitUntil(() => /database unavailable/.test(session().error ?? ''), {
        timeout: 10_000,
      });
      expect(session().connection).toBe('offline');
      availability.set(true);
      // The socket never closed: only signing in again on it brings the member online.
      await vi.waitUntil(() => session().connection === 'online', { timeout: 10_000 });
      expect(session()).toMatchObject({ me: { id: ana.id }, error: undefined });
      expect(background.ctx.client()).not.toBeNull();
    } finally {
      background.connection.stop();
      availability.set(true);
    }
  });
});
