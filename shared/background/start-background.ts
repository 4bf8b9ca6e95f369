import type { BackgroundContext as Context } from './background-context.ts';
import { BackgroundContext } from './background-context.ts';
import { AlertCenter } from './alert-center.ts';
import { EventStream } from './event-stream.ts';
import { LeaseKeeper } from './lease-keeper.ts';
import { Outbox } from './outbox.ts';
import { PostLookup } from './post-lookup.ts';
import { ServerConnection } from './server-connection.ts';
import { answerStory } from './thread-story.ts';
import { composerPrefsItem } from './settings.ts';
import { WatchCheck } from './watch-check.ts';

/** Every part of the background, built around one context; the entrypoint wires browser events to it. */
export interface Background {
  ctx: Context;
  connection: ServerConnection;
  stream: EventStream;
  lookup: PostLookup;
  outbox: Outbox;
  leases: LeaseKeeper;
  alerts: AlertCenter;
  watch: WatchCheck;
}

export function startBackground(opts: { dbName?: string; now?: () => number } = {}): Background {
  const ctx: Context = new BackgroundContext({
    ...opts,
    tabEvents: {
      connect: (port) => {
        ctx.tabs.send(port, { type: 'session', session: ctx.session.get() });
        void lookup.preload(port);
      },
      observe: (posts, port) => {
        leases.shown(posts.map((p) => p.key));
        void lookup.observe(posts, port);
      },
      action: (port, requestId, action) =>
        void outbox
          .perform(action, requestId, (msg) => ctx.tabs.send(port, msg))
          .then(() => ctx.session.countPending()),
      story: (port, requestId, postKey) =>
        void answerStory(ctx, requestId, postKey).then((msg) => ctx.tabs.send(port, msg)),
      draft: (port, requestId, postKey, text) =>
        void watch
          .check(postKey, text)
          .then((hits) => ctx.tabs.send(port, { type: 'watchHits', requestId, hits })),
      interestChanged: () => void leases.tick(),
    },
  });
  const outbox = new Outbox(ctx);
  const leases = new LeaseKeeper(ctx);
  const alerts = new AlertCenter(ctx);
  const lookup = new PostLookup(ctx);
  const watch = new WatchCheck(ctx);
  // The member's reply-box choice travels with the session to every tab.
  const showPrefs = ({ claimOnType }: { claimOnType: boolean }) => ctx.session.set({ claimOnType });
  void composerPrefsItem.getValue().then(showPrefs);
  composerPrefsItem.watch(showPrefs);
  const stream = new EventStream(ctx, (event) => alerts.onEvent(event));
  const connection = new ServerConnection(ctx, {
    async online(client) {
      await stream.start(client);
      lookup.lookUpVisible();
      await outbox.drain();
      await ctx.session.countPending();
    },
    stopped: () => stream.stop(),
  });
  return { ctx, connection, stream, lookup, outbox, leases, alerts, watch };
}
