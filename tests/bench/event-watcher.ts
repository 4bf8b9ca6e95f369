import { wsClient } from './bench-server.ts';

/**
 * A subscriber of its own process (`node --import tsx tests/bench/event-watcher.ts PORT TOKEN`):
 * prints `{"postKey", "at"}` (Date.now()) as each claim's event arrives, so the moment an event
 * leaves the server is read where no browser driver shares the event loop. Prints `{"ready":true}`
 * once subscribed.
 */
const [port, token] = process.argv.slice(2);
const { client } = wsClient(Number(port), token!);
client.events.stream.subscribe(
  { lastEventId: null },
  {
    onStarted: () => console.log(JSON.stringify({ ready: true })),
    onData: ({ data }) => {
      if (data.type === 'claim.acquired' && data.postKey)
        console.log(JSON.stringify({ postKey: data.postKey, at: Date.now() }));
    },
  },
);
