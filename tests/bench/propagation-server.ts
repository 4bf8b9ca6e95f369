import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { startServer } from '../../server/app.ts';
import { ensureFirstOrg } from '../../server/cli-admin.ts';

/**
 * The server claim-to-lock runs against, as a process of its own like `switchboard serve --json`
 * (`node --import tsx tests/bench/propagation-server.ts --data DIR`), with a raw WebSocket echo
 * beside it in the same process: the floor is measured between the same two processes as the
 * claim's event (the server's and B's background). Prints one JSON line once both listen.
 */
const dataDir = process.argv[process.argv.indexOf('--data') + 1]!;
const server = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
const first = await ensureFirstOrg(server.deps);
const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
echo.on('connection', (ws) => ws.on('message', (m, binary) => ws.send(m, { binary })));
await new Promise((resolve) => echo.once('listening', resolve));
console.log(
  JSON.stringify({
    port: server.port,
    adminToken: first?.token ?? null,
    echoPort: (echo.address() as AddressInfo).port,
  }),
);
process.once('SIGTERM', () => {
  echo.close();
  void server.close().then(() => process.exit(0));
});
