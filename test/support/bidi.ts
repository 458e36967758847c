/**
 * A minimal WebDriver BiDi client over Node's built-in WebSocket (Node 20 needs
 * `--experimental-websocket`; vitest.e2e.config.ts passes it). Firefox speaks BiDi natively, so driving
 * it needs no npm package and no browser download. Only what the tests use: commands with their
 * answers, and events.
 */

/** A BiDi command failed; the message carries Firefox's error and its explanation. */
export class BidiError extends Error {}

type Pending = { resolve(value: unknown): void; reject(error: Error): void; method: string };

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  private closed = false;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => this.receive(String(event.data)));
    socket.addEventListener('close', () => {
      this.closed = true;
      for (const p of this.pending.values()) p.reject(new BidiError(`${p.method}: connection closed`));
      this.pending.clear();
    });
  }

  /** Opens the WebSocket to a BiDi endpoint (`ws://127.0.0.1:PORT/session`). */
  static async connect(url: string): Promise<BidiConnection> {
    const Socket = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
    if (!Socket) throw new Error('no global WebSocket: run Node 20 with --experimental-websocket');
    const socket = new Socket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new BidiConnection(socket);
  }

  /** Sends a command and resolves with its result (rejects with the browser's error). */
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(new BidiError(`${method}: connection closed`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `fn` with the parameters of every event of this name (after `session.subscribe`). */
  on(event: string, fn: (params: Record<string, unknown>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(fn);
    return () => set.delete(fn);
  }

  close(): void {
    this.closed = true;
    this.socket.close();
  }

  private receive(data: string): void {
    const message = JSON.parse(data) as {
      id?: number;
      type?: string;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.type === 'event' && message.method) {
      for (const fn of this.listeners.get(message.method) ?? []) fn(message.params ?? {});
      return;
    }
    if (message.id === undefined) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'error')
      pending.reject(new BidiError(`${pending.method}: ${message.error}: ${message.message}`));
    else pending.resolve(message.result);
  }
}

/** A value as BiDi serialises it (`script.evaluate` / `script.callFunction` results). */
export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
  handle?: string;
}

/** Turns a serialised BiDi value back into plain JSON (objects, arrays, primitives; nodes keep their ids). */
export function deserialize(v: RemoteValue): unknown {
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      if (v.value === 'NaN') return Number.NaN;
      if (v.value === '-0') return -0;
      if (v.value === 'Infinity') return Number.POSITIVE_INFINITY;
      if (v.value === '-Infinity') return Number.NEGATIVE_INFINITY;
      return v.value;
    case 'bigint':
      return BigInt(v.value as string);
    case 'array':
    case 'set':
      return ((v.value as RemoteValue[] | undefined) ?? []).map(deserialize);
    case 'object':
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, val] of (v.value as [string | RemoteValue, RemoteValue][] | undefined) ?? []) {
        out[typeof k === 'string' ? k : String(deserialize(k))] = deserialize(val);
      }
      return out;
    }
    case 'date':
      return new Date(v.value as string);
    default:
      return v;
  }
}
