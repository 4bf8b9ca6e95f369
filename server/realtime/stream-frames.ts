import type { SyncEvent } from '../../shared/domain/schemas/index.ts';

/** The tRPC subscription an event stream answers on one WebSocket: the id the client chose. */
export interface SubscriptionAddress {
  id: number | string;
  /** Echoed when the client sent it (tRPC's JSON-RPC flavour); tRPC's own client does not. */
  jsonrpc?: '2.0';
}

/**
 * The frames of one delivery pass: each event's JSON is made once, and each distinct
 * subscription address gets one Buffer per event, shared by every socket it is written to (the
 * official client subscribes with the same request id on every connection, so a thousand
 * subscribers usually share one Buffer).
 */
export class FrameCache {
  private texts = new WeakMap<SyncEvent, string>();
  private frames = new Map<SyncEvent, Map<string, Buffer>>();

  frame(event: SyncEvent, to: SubscriptionAddress): Buffer {
    let byAddress = this.frames.get(event);
    if (!byAddress) this.frames.set(event, (byAddress = new Map()));
    const key = addressKey(to);
    let buffer = byAddress.get(key);
    if (!buffer)
      byAddress.set(
        key,
        (buffer = Buffer.from(trackedDataMessage(to, event.id, this.text(event)))),
      );
    return buffer;
  }

  private text(event: SyncEvent): string {
    let text = this.texts.get(event);
    if (text === undefined) this.texts.set(event, (text = JSON.stringify(event)));
    return text;
  }
}

function addressKey(to: SubscriptionAddress): string {
  return `${typeof to.id}:${to.id}:${to.jsonrpc ?? ''}`;
}

/**
 * The message tRPC's WebSocket adapter sends for a value yielded as `tracked(id, event)`, written
 * out by hand around the event's ready-made JSON: `{id, jsonrpc?, result: {type: 'data', data:
 * {id, data: event}, id}}` (ws adapter, `respond`; no transformer is configured). The test holds
 * it against the adapter's own output.
 */
export function trackedDataMessage(
  to: SubscriptionAddress,
  eventId: number,
  eventJson: string,
): string {
  const tracked = JSON.stringify(String(eventId));
  const jsonrpc = to.jsonrpc === undefined ? '' : `"jsonrpc":${JSON.stringify(to.jsonrpc)},`;
  return (
    `{"id":${JSON.stringify(to.id)},${jsonrpc}"result":{"type":"data",` +
    `"data":{"id":${tracked},"data":${eventJson}},"id":${tracked}}}`
  );
}
