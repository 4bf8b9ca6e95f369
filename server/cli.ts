import { Command, InvalidArgumentError, Option } from 'commander';
import { openDeps, startServer } from './app.ts';
import { addDepartment, addMember, ensureFirstOrg, initOrg } from './cli-admin.ts';
import { describeSeededDemo, seedDemo } from './seed-demo.ts';
import { DEMO_ORG_NAME } from './demo-org.ts';
import type { ServerDeps } from './services/deps.ts';
import { zRole } from '../shared/domain/schemas/index.ts';
import { limitsFromEnv } from './limits/limits.ts';
import type { Limits } from './limits/limits.ts';

/** `npm run cli -- <command>`: the server and its administration (DESIGN.md, contracts). */

interface CommonOptions {
  data: string;
  json?: boolean;
}

const program = new Command('switchboard')
  .description('Switchboard sync server and administration')
  .showHelpAfterError();

function common(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'data directory for the embedded database', './data')
    .option('--json', 'print one JSON object');
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

interface ServeOptions {
  port: number;
  host: string;
  allowOrigin?: string;
  maxBatch?: number;
  ratePerConnection?: number;
  ratePerToken?: number;
  connectionsPerToken?: number;
}

function storeOptions(opts: CommonOptions) {
  return { dataDir: opts.data, databaseUrl: process.env.DATABASE_URL || undefined };
}

/** Opens the database (migrating it), runs one command, closes it; errors go to stderr. */
async function withStore(
  opts: CommonOptions,
  fn: (deps: ServerDeps) => Promise<{ json: object; text: string }>,
) {
  const deps = await openDeps(storeOptions(opts));
  try {
    const out = await fn(deps);
    console.log(opts.json ? JSON.stringify(out.json) : out.text);
  } finally {
    await deps.store.close();
  }
}

common(program.command('serve').description('run the sync server (migrates the database first)'))
  .option('--port <n>', 'port', integer, Number(process.env.PORT ?? 8787))
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option(
    '--allow-origin <origins>',
    'web origins allowed besides extension pages, comma-separated',
  )
  .option('--max-batch <n>', 'calls in one HTTP batch or WebSocket frame', integer)
  .option('--rate-per-connection <n>', 'calls a second on one connection (0: no limit)', integer)
  .option('--rate-per-token <n>', 'calls a second by one sign-in token (0: no limit)', integer)
  .option('--connections-per-token <n>', 'open WebSockets of one token (0: no limit)', integer)
  .action(async (opts: CommonOptions & ServeOptions) => {
    const allowedOrigins = (opts.allowOrigin ?? process.env.SWITCHBOARD_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    const env = limitsFromEnv(process.env);
    const limits: Limits = {
      batch: opts.maxBatch ?? env.batch,
      perConnection: opts.ratePerConnection ?? env.perConnection,
      perToken: opts.ratePerToken ?? env.perToken,
      connectionsPerToken: opts.connectionsPerToken ?? env.connectionsPerToken,
    };
    if (limits.batch < 1) throw new InvalidArgumentError('--max-batch must be at least 1');
    const server = await startServer({ ...storeOptions(opts), ...opts, allowedOrigins, limits });
    const first = await ensureFirstOrg(server.deps);
    const url = `http://${opts.host}:${server.port}`;
    if (opts.json) {
      console.log(JSON.stringify({ url, port: server.port, adminToken: first?.token ?? null }));
    } else {
      console.log(
        `Switchboard sync server on ${url} (tRPC at ${url}/trpc, WebSocket ws://${opts.host}:${server.port}/trpc)`,
      );
      console.log(`Database: ${server.deps.store.location}`);
      if (first)
        console.log(
          `\nCreated organisation "${first.org.name}" with an admin. Admin sign-in token (shown once, keep it):\n\n  ${first.token}\n`,
        );
    }
    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      if (!opts.json) console.log(`${signal}: closing connections and the database…`);
      server.close().then(
        () => process.exit(0),
        (e: unknown) => {
          console.error('shutdown failed:', e);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  });

common(
  program.command('init').description('create an organisation and its admin; prints the token'),
)
  .requiredOption('--org <name>', 'organisation name')
  .option('--admin <name>', 'the admin’s name', 'Admin')
  .action((opts: CommonOptions & { org: string; admin: string }) =>
    withStore(opts, async (deps) => {
      const { org, admin, token } = await initOrg(deps, opts.org, opts.admin);
      return {
        json: { org, member: admin, token },
        text: `Created organisation ${org.name} (${org.id}).\nAdmin ${admin.name} token (shown once):\n  ${token}`,
      };
    }),
  );

const members = program.command('members').description('manage members');
common(members.command('add').description('add a member; prints their sign-in token'))
  .requiredOption('--name <name>', 'full name')
  .addOption(new Option('--role <role>', 'role').choices(zRole.options).makeOptionMandatory())
  .option('--departments <names>', 'departments by name or id, comma-separated', '')
  .option('--handle <handle>', 'short handle (default: from the name)')
  .option('--org <org>', 'organisation name or id (default: the only one)')
  .action(
    (
      opts: CommonOptions & {
        name: string;
        role: 'member' | 'lead' | 'admin';
        departments: string;
        handle?: string;
        org?: string;
      },
    ) =>
      withStore(opts, async (deps) => {
        const departments = opts.departments
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean);
        const { member, token } = await addMember(deps, { ...opts, departments });
        return {
          json: { member, token },
          text: `Added ${member.name} (${member.role}, ${member.id}).\nSign-in token (shown once):\n  ${token}`,
        };
      }),
  );

const departments = program.command('departments').description('manage departments');
common(departments.command('add').description('add a department'))
  .requiredOption('--name <name>', 'department name')
  .option('--sla-minutes <n>', 'first-response target in minutes', integer)
  .option('--color <hex>', 'badge colour, e.g. #2563eb')
  .option('--org <org>', 'organisation name or id (default: the only one)')
  .action(
    (opts: CommonOptions & { name: string; slaMinutes?: number; color?: string; org?: string }) =>
      withStore(opts, async (deps) => {
        const { department } = await addDepartment(deps, opts);
        return {
          json: { department },
          text: `Added department ${department.name} (${department.id}), first response within ${department.slaMinutes} min.`,
        };
      }),
  );

common(
  program
    .command('seed-demo')
    .description(
      'create the demo organisation: seven departments with guidelines, a lead and members each, routing rules; prints the tokens',
    ),
)
  .option('--org <name>', 'organisation name', DEMO_ORG_NAME)
  .action((opts: CommonOptions & { org: string }) =>
    withStore(opts, async (deps) => {
      const demo = await seedDemo(deps, opts.org);
      return { json: demo, text: describeSeededDemo(demo) };
    }),
  );

program.parseAsync().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ error: message }));
  console.error(`error: ${message}`);
  process.exit(1);
});
