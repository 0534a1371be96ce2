// Records a window of an HTTP/Icecast stream: connects (following a bounded number of
// redirects, public addresses only unless allowed), checks the reply is audio, strips ICY
// metadata, and keeps whole codec frames (Ogg: whole pages, headers included) until their
// headers add up to the requested seconds. The result starts and ends on a frame boundary, so
// libs/audio decodes it as is (with `partial: true`: a window has no proper end).
import type { AudioFormat } from '@zamio/audio';
import CodecParser, { type CodecFrame, type OggPage } from 'codec-parser';
import ipaddr from 'ipaddr.js';
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import {
  FORBIDDEN_ADDRESS,
  forbiddenAddressError,
  isPublicAddress,
  publicOnlyLookup,
} from './address-guard.ts';
import { IcyMetadataDemuxer, parseIcyMetadata } from './icy-metadata.ts';
import {
  audioFormatOfCodec,
  framingOfContentType,
  sniffFraming,
  type FramingType,
  type StreamCodec,
} from './stream-codec.ts';
import { StreamRecordError, type TimeoutPhase } from './stream-record-error.ts';

export interface RecordStreamOptions {
  /** Audio seconds to record (by the frames' own durations). */
  readonly seconds: number;
  /** TCP (and TLS) connect timeout. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Longest wait for the response headers and then for each piece of the body. Default 10 s. */
  readonly readTimeoutMs?: number;
  /** The whole recording, connect to last byte. Default 2 × seconds + 15 s. */
  readonly timeoutMs?: number;
  /** Default 5. */
  readonly maxRedirects?: number;
  /** Audio bytes kept at most; reaching it first fails with `too-large`. Default 4 MiB (~100 s at 320 kbps). */
  readonly maxBytes?: number;
  /** Ask for interleaved ICY metadata (the current title). Default true. */
  readonly icyMetadata?: boolean;
  /** Allow loopback/private addresses (tests, a station on the same LAN). Default false. */
  readonly allowPrivateAddresses?: boolean;
  readonly userAgent?: string;
  readonly signal?: AbortSignal;
}

export interface IcyInfo {
  readonly name?: string;
  readonly description?: string;
  readonly genre?: string;
  readonly url?: string;
  /** Nominal bitrate in kbit/s from icy-br. */
  readonly bitrateKbps?: number;
  /** The last StreamTitle seen during the recording. */
  readonly title?: string;
}

export interface StreamTimings {
  /** From the start until the response headers arrived (redirects included). */
  readonly responseMs: number;
  /** From the start until the first audio frame was parsed. */
  readonly firstAudioMs: number;
  readonly totalMs: number;
}

export interface StreamRecording {
  /** Whole frames (Ogg: whole pages), ICY metadata removed. */
  readonly bytes: Uint8Array;
  /** The Content-Type as served (parameters dropped), or the sniffed type when the server sent none. */
  readonly contentType: string;
  readonly codec: StreamCodec;
  /** How libs/audio decodes the bytes; undefined for a codec it does not decode (Ogg FLAC). */
  readonly format: AudioFormat | undefined;
  readonly durationSeconds: number;
  readonly sampleRate: number;
  readonly channels: number;
  /** The URL finally read, after redirects. */
  readonly url: string;
  readonly icy: IcyInfo;
  readonly timings: StreamTimings;
}

const DEFAULTS = {
  connectTimeoutMs: 5_000,
  readTimeoutMs: 10_000,
  maxRedirects: 5,
  maxBytes: 4 * 1024 * 1024,
  userAgent: 'ZamIO-StreamMonitor/1.0',
};
/** Audio bytes read without finding a single frame before the body is declared not audio. */
const SNIFF_LIMIT_BYTES = 64 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function recordStream(url: string, options: RecordStreamOptions): Promise<StreamRecording> {
  if (!(options.seconds > 0)) throw new RangeError(`seconds must be positive (got ${options.seconds})`);
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const timeoutMs = options.timeoutMs ?? options.seconds * 2_000 + 15_000;
  const started = performance.now();
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const agent = new Agent({
    connect: {
      timeout: settings.connectTimeoutMs,
      ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
    },
    headersTimeout: settings.readTimeoutMs,
    bodyTimeout: settings.readTimeoutMs,
  });
  try {
    const { response, finalUrl } = await connect(url, agent, settings, options, signal);
    const responseMs = performance.now() - started;
    const { title, firstAudioAt, ...recording } = await readWindow(
      response,
      options.seconds,
      settings.maxBytes,
      signal,
    );
    return {
      ...recording,
      url: finalUrl.href,
      icy: { ...icyHeaders(response.headers), ...(title ? { title } : {}) },
      timings: {
        responseMs,
        firstAudioMs: firstAudioAt - started,
        totalMs: performance.now() - started,
      },
    };
  } catch (error) {
    throw describeFailure(error, options.signal, timeoutMs);
  } finally {
    // The body of a live stream never ends by itself: tear the connection down.
    await agent.destroy().catch(() => undefined);
  }
}

type Settings = typeof DEFAULTS & Partial<RecordStreamOptions>;

async function connect(
  url: string,
  agent: Agent,
  settings: Settings,
  options: RecordStreamOptions,
  signal: AbortSignal,
): Promise<{ response: Dispatcher.ResponseData; finalUrl: URL }> {
  let current = parseStreamUrl(url);
  // Credentials in the URL (a private mount) become Basic auth, sent to that origin only.
  const origin = current.origin;
  const authorization =
    current.username || current.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(current.username)}:${decodeURIComponent(current.password)}`).toString('base64')}`
      : undefined;
  current.username = current.password = '';
  for (let redirects = 0; ; redirects++) {
    if (!options.allowPrivateAddresses) refuseLiteralPrivateAddress(current);
    const response = await request(current, {
      dispatcher: agent,
      method: 'GET',
      signal,
      headers: {
        'user-agent': settings.userAgent,
        accept: 'audio/*, application/ogg;q=0.9, */*;q=0.1',
        ...(settings.icyMetadata === false ? {} : { 'icy-metadata': '1' }),
        ...(authorization && current.origin === origin ? { authorization } : {}),
      },
    });
    const location = header(response.headers, 'location');
    if (REDIRECTS.has(response.statusCode) && location) {
      discard(response.body);
      if (redirects >= settings.maxRedirects)
        throw new StreamRecordError(
          'too-many-redirects',
          `more than ${settings.maxRedirects} redirects (the last to ${current.href})`,
        );
      current = parseStreamUrl(new URL(location, current).href);
      current.username = current.password = '';
      continue;
    }
    if (response.statusCode < 200 || response.statusCode > 299) {
      discard(response.body);
      throw new StreamRecordError('http-status', `${current.href} answered HTTP ${response.statusCode}`, {
        status: response.statusCode,
      });
    }
    return { response, finalUrl: current };
  }
}

interface Window {
  bytes: Uint8Array;
  contentType: string;
  codec: StreamCodec;
  format: AudioFormat | undefined;
  durationSeconds: number;
  sampleRate: number;
  channels: number;
  title: string | undefined;
  firstAudioAt: number;
}

async function readWindow(
  response: Dispatcher.ResponseData,
  seconds: number,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Window> {
  const servedType = header(response.headers, 'content-type');
  const framing = framingOfContentType(servedType);
  if ('refused' in framing) {
    discard(response.body);
    throw new StreamRecordError('not-audio', `the server sent ${framing.refused}, not an audio stream`);
  }
  const metaInt = Number(header(response.headers, 'icy-metaint') ?? 0);
  const demuxer = metaInt > 0 ? new IcyMetadataDemuxer(metaInt) : undefined;

  let type: FramingType | undefined = 'type' in framing ? framing.type : undefined;
  let parser: CodecParser | undefined;
  let sniffed: Uint8Array[] = [];
  let sniffedBytes = 0;
  const kept: Uint8Array[] = [];
  let keptBytes = 0;
  let milliseconds = 0;
  let sampleRate = 0;
  let channels = 0;
  let title: string | undefined;
  let firstAudioAt = 0;
  let bytesSeen = 0;

  const take = (audio: Uint8Array): boolean => {
    bytesSeen += audio.length;
    if (!parser) {
      sniffed.push(audio);
      sniffedBytes += audio.length;
      type ??= sniffFraming(Buffer.concat(sniffed));
      if (!type) {
        if (sniffedBytes >= SNIFF_LIMIT_BYTES) throw notAudio(servedType);
        return false;
      }
      parser = new CodecParser(type, { enableLogging: false });
      const head = sniffed;
      sniffed = [];
      return head.some((piece) => feed(piece));
    }
    return feed(audio);
  };

  // Returns true once the window is full.
  const feed = (audio: Uint8Array): boolean => {
    // parseChunk returns a generator (typed as a bare Iterator).
    for (const frame of parser!.parseChunk(audio) as unknown as Iterable<CodecFrame | OggPage>) {
      const page = 'codecFrames' in frame ? frame : undefined;
      const frames = page ? page.codecFrames : [frame as CodecFrame];
      const bytes = page ? page.rawData : frame.data;
      for (const codecFrame of frames) {
        milliseconds += codecFrame.duration;
        sampleRate ||= codecFrame.header.sampleRate;
        channels ||= codecFrame.header.channels;
      }
      if (frames.length > 0) firstAudioAt ||= performance.now();
      kept.push(bytes.slice());
      keptBytes += bytes.length;
      if (milliseconds >= seconds * 1000) return true;
      if (keptBytes >= maxBytes) {
        throw new StreamRecordError(
          'too-large',
          `${keptBytes} bytes held only ${(milliseconds / 1000).toFixed(1)} s of audio (limit ${maxBytes} bytes)`,
          { recordedSeconds: milliseconds / 1000 },
        );
      }
    }
    if (milliseconds === 0 && bytesSeen >= SNIFF_LIMIT_BYTES) throw notAudio(servedType);
    return false;
  };

  let full = false;
  try {
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      if (signal.aborted) break;
      const parts = demuxer ? demuxer.push(chunk) : { audio: [chunk], metadata: [] };
      for (const text of parts.metadata) title = parseIcyMetadata(text).StreamTitle || title;
      for (const audio of parts.audio) if ((full = take(audio))) break;
      if (full) break;
    }
  } finally {
    discard(response.body);
  }
  signal.throwIfAborted();
  if (!full) {
    throw new StreamRecordError(
      'ended-early',
      milliseconds === 0 && !parser
        ? 'the stream ended before any audio arrived'
        : `the stream ended after ${(milliseconds / 1000).toFixed(1)} of ${seconds} s`,
      { recordedSeconds: milliseconds / 1000 },
    );
  }
  const codec = parser!.codec as StreamCodec;
  return {
    bytes: Buffer.concat(kept),
    contentType: servedType?.split(';')[0]!.trim().toLowerCase() || type!,
    codec,
    format: audioFormatOfCodec(codec, type!),
    durationSeconds: milliseconds / 1000,
    sampleRate,
    channels,
    title,
    firstAudioAt,
  };
}

/** Drops a body we no longer read; undici reports the abort as an error nobody needs to hear. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function notAudio(servedType: string | undefined): StreamRecordError {
  return new StreamRecordError(
    'not-audio',
    `no audio frames found in the first ${SNIFF_LIMIT_BYTES / 1024} KB (content type ${servedType ?? 'none'})`,
  );
}

function parseStreamUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StreamRecordError('invalid-url', `not a URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new StreamRecordError(
      'invalid-url',
      `only http and https streams are supported (got ${url.protocol})`,
    );
  return url;
}

function refuseLiteralPrivateAddress(url: URL): void {
  // net.connect skips the DNS lookup (and so the lookup guard) for IP literals.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && !isPublicAddress(host)) {
    const error = forbiddenAddressError(url.host, host);
    throw new StreamRecordError('forbidden-address', error.message, { cause: error });
  }
}

function icyHeaders(headers: Dispatcher.ResponseData['headers']): IcyInfo {
  const bitrate = Number.parseInt(header(headers, 'icy-br') ?? '', 10);
  const fields = {
    name: header(headers, 'icy-name'),
    description: header(headers, 'icy-description'),
    genre: header(headers, 'icy-genre'),
    url: header(headers, 'icy-url'),
    bitrateKbps: Number.isFinite(bitrate) && bitrate > 0 ? bitrate : undefined,
  };
  return definedOnly(fields);
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Maps what undici, the DNS guard and the deadline throw onto StreamRecordError reasons. */
function describeFailure(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): StreamRecordError {
  if (error instanceof StreamRecordError) return error;
  if (callerSignal?.aborted)
    return new StreamRecordError('aborted', 'the recording was aborted', { cause: error });
  const timeout = (phase: TimeoutPhase, message: string) =>
    new StreamRecordError('timeout', message, { phase, cause: error });
  const code = findCode(error);
  if (error instanceof undiciErrors.ConnectTimeoutError) return timeout('connect', 'connecting timed out');
  if (error instanceof undiciErrors.HeadersTimeoutError)
    return timeout('headers', 'no response headers in time');
  if (error instanceof undiciErrors.BodyTimeoutError)
    return timeout('read', 'the stream stopped sending data');
  if (isAbort(error)) return timeout('total', `the recording took longer than ${timeoutMs} ms`);
  if (code === FORBIDDEN_ADDRESS)
    return new StreamRecordError('forbidden-address', messageOf(error), { cause: error });
  if (error instanceof undiciErrors.HTTPParserError || code?.startsWith('HPE_'))
    return new StreamRecordError('protocol', `the server's reply is not valid HTTP (${messageOf(error)})`, {
      cause: error,
    });
  return new StreamRecordError('unreachable', `could not reach the stream: ${code ?? messageOf(error)}`, {
    cause: error,
  });
}

function isAbort(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return (
    name === 'AbortError' || name === 'TimeoutError' || error instanceof undiciErrors.RequestAbortedError
  );
}

/** The first `code` on the error or its causes (undici wraps socket errors). */
function findCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && !code.startsWith('UND_ERR')) return code;
  }
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function messageOf(error: unknown): string {
  for (let e = error, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if ((e as NodeJS.ErrnoException).code === FORBIDDEN_ADDRESS) return (e as Error).message;
  }
  return (error as Error)?.message ?? String(error);
}

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
