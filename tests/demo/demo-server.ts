import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/app.ts';
import { seedDemo } from '../../server/seed-demo.ts';
import type { SeededDemo } from '../../server/seed-demo.ts';

export interface DemoPerson {
  name: string;
  token: string;
  /** What the site shows under their name. */
  title: string;
}

export interface DemoServer {
  url: string;
  dataDir: string;
  seeded: SeededDemo;
  member: DemoPerson;
  lead: DemoPerson;
  close(): Promise<void>;
}

/** The sync server on a throwaway data directory, seeded with the demo organisation. */
export async function startDemoServer(port = 0): Promise<DemoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-demo-'));
  const server = await startServer({ dataDir, port });
  try {
    const seeded = await seedDemo(server.deps);
    const person = (name: string, title: string): DemoPerson => {
      const found = seeded.members.find((m) => m.member.name === name);
      if (!found) throw new Error(`the demo organisation has no ${name}`);
      return { name, token: found.token, title };
    };
    return {
      url: `http://127.0.0.1:${server.port}`,
      dataDir,
      seeded,
      member: person('Ana Lima', `Support at ${seeded.org.name}`),
      lead: person('Sam Okafor', `Support lead at ${seeded.org.name}`),
      async close() {
        await server.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
