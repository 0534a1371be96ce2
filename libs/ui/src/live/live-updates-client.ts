// The portals' live-update connection: one WebSocket per portal tab to the
// bff's same-origin `/api/live`, shared by every subscriber. It connects when
// the first subscriber arrives and closes a while after the last one leaves;
// a dropped connection is retried with exponential backoff and full jitter
// (the api-client's policy), so a bff restart does not bring every open tab
// back at the same instant.
//
// Wire format (server → client), one JSON object per text frame:
//   { "type": "play.created", "data": { ... }, "id"?: "...", "at"?: "<ISO time>" }
// Frames that are not such objects are ignored. The client sends nothing: the
// server knows the account from the session cookie and sends only its events.
import { backoffCeilingMs, fullJitter } from '@zamio/api-client';

export interface LiveEvent<T = unknown> {
  type: string;
  data: T;
  id?: string;
  at?: string;
}

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

export type LiveEventHandler = (event: LiveEvent) => void;

export interface LiveUpdatesOptions {
  /** ws:// or wss:// URL (see liveUrlOf). */
  url: string;
  /** First retry ceiling; doubles per failed attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A connection that stayed open this long resets the backoff. */
  stableAfterMs?: number;
  /** How long to keep the socket after the last subscriber left (page changes re-subscribe). */
  idleCloseMs?: number;
  random?: () => number;
  WebSocketImpl?: typeof WebSocket;
}

/** `/api` + the page's location → `ws://host/api/live`; an absolute API URL maps http→ws. */
export function liveUrlOf(apiBaseUrl: string, location: Pick<Location, 'protocol' | 'host'>, path = '/live') {
  if (/^https?:\/\//i.test(apiBaseUrl))
    return `${apiBaseUrl.replace(/^http/i, 'ws').replace(/\/$/, '')}${path}`;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${apiBaseUrl.replace(/\/$/, '')}${path}`;
}

const parseEvent = (data: unknown): LiveEvent | undefined => {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && typeof (value as LiveEvent).type === 'string')
      return value as LiveEvent;
  } catch {
    // not JSON: ignored
  }
  return undefined;
};

export class LiveUpdatesClient {
  private readonly options: Required<Omit<LiveUpdatesOptions, 'WebSocketImpl'>> & {
    WebSocketImpl: typeof WebSocket;
  };
  private socket: WebSocket | undefined;
  private handlers = new Map<string, Set<LiveEventHandler>>();
  private statusListeners = new Set<(status: LiveStatus) => void>();
  private reconnectListeners = new Set<() => void>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private stableTimer: ReturnType<typeof setTimeout> | undefined;
  private everOpened = false;
  private currentStatus: LiveStatus = 'idle';

  constructor(options: LiveUpdatesOptions) {
    const WebSocketImpl = options.WebSocketImpl ?? globalThis.WebSocket;
    if (!WebSocketImpl) throw new Error('LiveUpdatesClient needs a WebSocket implementation');
    this.options = {
      baseDelayMs: 1_000,
      maxDelayMs: 30_000,
      stableAfterMs: 10_000,
      idleCloseMs: 15_000,
      random: Math.random,
      ...options,
      WebSocketImpl,
    };
  }

  get status(): LiveStatus {
    return this.currentStatus;
  }

  /** Calls `handler` for each event of `type` ('*' for all); returns the unsubscribe function. */
  subscribe(type: string, handler: LiveEventHandler): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler);
    this.clearIdle();
    if (this.currentStatus === 'idle') this.connect();
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(type);
      if (this.handlers.size === 0) this.scheduleIdleClose();
    };
  }

  onStatusChange(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Called after a reconnect: events may have been missed while disconnected. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Retry now (e.g. the browser came back online) instead of waiting for the backoff. */
  reconnectNow(): void {
    if (this.currentStatus !== 'reconnecting') return;
    clearTimeout(this.retryTimer);
    this.connect();
  }

  /** Closes the socket and forgets every subscriber. */
  close(): void {
    this.handlers.clear();
    this.shutdown();
  }

  private setStatus(status: LiveStatus) {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private connect() {
    this.setStatus(this.everOpened || this.attempt > 0 ? 'reconnecting' : 'connecting');
    const socket = new this.options.WebSocketImpl(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      const wasReconnect = this.everOpened || this.attempt > 0;
      this.everOpened = true;
      this.setStatus('open');
      this.stableTimer = setTimeout(() => (this.attempt = 0), this.options.stableAfterMs);
      if (wasReconnect) for (const listener of this.reconnectListeners) listener();
    };
    socket.onmessage = (message: MessageEvent) => {
      const event = parseEvent(message.data);
      if (!event) return;
      for (const key of [event.type, '*']) {
        for (const handler of this.handlers.get(key) ?? []) handler(event);
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      clearTimeout(this.stableTimer);
      if (this.handlers.size === 0) {
        this.setStatus('idle');
        return;
      }
      this.attempt += 1;
      const delay = fullJitter(backoffCeilingMs(this.attempt, this.options), this.options.random);
      this.setStatus('reconnecting');
      this.retryTimer = setTimeout(() => this.connect(), delay);
    };
    // An error is always followed by close, which schedules the retry.
    socket.onerror = () => {};
  }

  private scheduleIdleClose() {
    this.clearIdle();
    this.idleTimer = setTimeout(() => this.shutdown(), this.options.idleCloseMs);
  }

  private clearIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private shutdown() {
    this.clearIdle();
    clearTimeout(this.retryTimer);
    clearTimeout(this.stableTimer);
    const socket = this.socket;
    this.socket = undefined;
    this.attempt = 0;
    this.everOpened = false;
    socket?.close(1000, 'no subscribers');
    this.setStatus('idle');
  }
}
