import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import WebSocket from 'ws';
import { fakeBrowser } from '@webext-core/fake-browser';

// Node 20 has no WebSocket; the background's tRPC client takes the global one.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

// Each test starts with empty storage and no listeners left by the one before.
beforeEach(() => fakeBrowser.reset());
