import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The sync client (tRPC over one WebSocket, Dexie cache, outbox) is wired here: see issue 4.
});
