import { router } from './init.ts';
import { authRouter } from './routers/auth.ts';
import { claimsRouter } from './routers/claims.ts';
import { consultsRouter } from './routers/consults.ts';
import { departmentsRouter } from './routers/departments.ts';
import { eventsRouter } from './routers/events.ts';
import { membersRouter } from './routers/members.ts';
import { metricsRouter } from './routers/metrics.ts';
import { notesRouter } from './routers/notes.ts';
import { postsRouter } from './routers/posts.ts';
import { queueRouter } from './routers/queue.ts';
import { rulesRouter } from './routers/rules.ts';
import { threadsRouter } from './routers/threads.ts';

export const appRouter = router({
  auth: authRouter,
  departments: departmentsRouter,
  members: membersRouter,
  posts: postsRouter,
  threads: threadsRouter,
  notes: notesRouter,
  consults: consultsRouter,
  claims: claimsRouter,
  events: eventsRouter,
  queue: queueRouter,
  rules: rulesRouter,
  metrics: metricsRouter,
});

/** The only thing the extension imports from the server (as a type). */
export type AppRouter = typeof appRouter;
