// Stream monitoring, the worker's side: on a schedule, every active stream
// that is due gets one "record a window" job; that job records the window
// (libs/streams, SSRF-guarded), stores it like an uploaded capture (source
// `stream`), queues the same match job a device capture gets, and folds the
// check into the stream's up/down state (libs/streams' rule).
import { Readable } from 'node:stream';
import type { Database } from '@zamio/db';
import { uploadsRepository } from '@zamio/files';
import type { JobProducer } from '@zamio/queue';
import {
  isStreamFailure,
  recordStream,
  recordStreamCheck,
  type RecordStreamOptions,
  type StreamRecording,
} from '@zamio/streams';
import { storeUploadIn, UploadRejectedError, uploadRules, type ObjectStorage } from '@zamio/uploads';
import * as captures from '../repositories/captures-repository';
import * as stations from '../repositories/stations-repository';
import * as streams from '../repositories/streams-repository';
import type { StationStream } from '../repositories/streams-repository';

export interface StreamMonitorSettings {
  windowMs: number;
  intervalMs: number;
  downAfterFailures: number;
  allowPrivateAddresses: boolean;
}

export interface StreamMonitorDeps {
  db: Database;
  jobs: Pick<JobProducer, 'enqueue'>;
  storage: ObjectStorage;
  settings: StreamMonitorSettings;
  /** libs/streams' recorder; replaceable only to shorten its timeouts. */
  record?: (url: string, options: RecordStreamOptions) => Promise<StreamRecording>;
}

export type StreamCheckOutcome =
  | { result: 'skipped'; reason: string }
  | { result: 'recorded'; stream: StationStream; captureId: string; changed: boolean }
  | { result: 'failed'; stream: StationStream; error: string; changed: boolean };

/** Streams checked per scheduler tick at most (the rest wait for the next). */
const DUE_BATCH = 500;
/** A window is stored like a device capture; libs/streams caps it at 4 MiB already. */
const WINDOW_RULE = uploadRules({
  'track-audio': 0,
  'capture-audio': 8 * 1024 * 1024,
  'playlog-csv': 0,
  document: 0,
})['capture-audio'];

export function createStreamMonitor({
  db,
  jobs,
  storage,
  settings,
  record = recordStream,
}: StreamMonitorDeps) {
  const thresholds = { downAfterFailures: settings.downAfterFailures, upAfterSuccesses: 1 };

  async function storeCheck(stream: StationStream, ok: boolean, error: string | null) {
    const { health, changed } = recordStreamCheck(stream, ok, thresholds);
    const updated = await streams.recordCheck(db, stream.id, {
      ...health,
      error,
      stateChanged: changed,
    });
    return { stream: updated ?? stream, changed };
  }

  return {
    /** Queues one window recording per due stream; how many were queued. */
    async queueDueChecks(requestId: string, now = new Date()): Promise<number> {
      // A little slack, so a stream checked at the last tick is due again at this one.
      const checkedBefore = new Date(now.getTime() - settings.intervalMs * 0.8);
      const due = await streams.listDue(db, checkedBefore, DUE_BATCH);
      for (const streamId of due) await jobs.enqueue('stream.record-window', { streamId, requestId });
      return due.length;
    },

    /** Records one window of the stream and stores it as a capture, or counts the failure. */
    async recordWindow(
      streamId: string,
      requestId: string,
      signal?: AbortSignal,
    ): Promise<StreamCheckOutcome> {
      const stream = await streams.findById(db, streamId);
      if (!stream) return { result: 'skipped', reason: 'the stream was removed' };
      if (!stream.active) return { result: 'skipped', reason: 'the stream is paused' };

      let recording: StreamRecording;
      try {
        recording = await record(stream.url, {
          seconds: settings.windowMs / 1000,
          allowPrivateAddresses: settings.allowPrivateAddresses,
          ...(signal ? { signal } : {}),
        });
        if (!recording.format) throw new Error(`the stream's codec (${recording.codec}) cannot be decoded`);
      } catch (error) {
        // Our own shutdown says nothing about the stream: not counted.
        if (!isStreamFailure(error)) throw error;
        const failed = await storeCheck(stream, false, (error as Error).message);
        return { result: 'failed', error: (error as Error).message, ...failed };
      }

      // The window ends "now" on air (after Icecast's burst it is read in real time).
      const startedAt = new Date(Date.now() - Math.round(recording.durationSeconds * 1000));
      let stored;
      try {
        stored = await storeUploadIn(storage, Readable.from([Buffer.from(recording.bytes)]), WINDOW_RULE);
      } catch (error) {
        if (!(error instanceof UploadRejectedError)) throw error;
        const message = `the recorded audio was refused: ${error.message}`;
        const failed = await storeCheck(stream, false, message);
        return { result: 'failed', error: message, ...failed };
      }

      let captureId: string;
      let changed = false;
      let checked: StationStream = stream;
      try {
        captureId = await db.transaction(async (tx) => {
          const station = await stations.findById(tx, stream.stationId);
          if (!station) throw new Error(`station ${stream.stationId} of stream ${stream.id} is gone`);
          const upload = await uploadsRepository.insert(
            tx,
            stored,
            { userId: station.ownerUserId, stationId: station.id },
            `stream-window.${stored.storageName.split('.').pop()}`,
          );
          const id = await captures.insertIfNew(tx, {
            stationId: station.id,
            chunkId: `stream:${stream.id.slice(0, 8)}:${startedAt.getTime()}`,
            source: 'stream',
            uploadId: upload.id,
            deviceId: null,
            streamId: stream.id,
            startedAt,
            durationMs: Math.round(recording.durationSeconds * 1000),
          });
          if (!id) throw new Error('a stream window with this start time was stored already');
          const { health, changed: stateChanged } = recordStreamCheck(stream, true, thresholds);
          changed = stateChanged;
          checked =
            (await streams.recordCheck(tx, stream.id, { ...health, error: null, stateChanged })) ?? stream;
          return id;
        });
      } catch (error) {
        await storage.delete(stored.storageName).catch(() => undefined);
        throw error;
      }
      // The capture is committed; a lost enqueue leaves it pending for the sweep of lost matches.
      await jobs.enqueue('airplay.match-capture', { captureId, requestId });
      return { result: 'recorded', stream: checked, captureId, changed };
    },
  };
}

export type StreamMonitor = ReturnType<typeof createStreamMonitor>;
