// The match job's use case: a capture's audio → decode → fingerprint →
// look up in the catalogue's index (refreshed first, so every track ready
// before now is seen) → the fingerprint library's decision → a detection
// (track, offset, confidence) merged into a play, or no match. Idempotent: a
// capture already decided answers its result again. Failures that are the
// audio's fault dead-letter at once; others retry, and the last attempt
// dead-letters with the reason the station sees.
import { AudioDecodeError, decodeAudio } from '@zamio/audio';
import { readAllBytes, tracksRepository, type AudioReader, type FingerprintIndex } from '@zamio/catalog';
import type { Database } from '@zamio/db';
import { fingerprintQuery, matchQuery } from '@zamio/fingerprint';
import { CAPTURE_MAX_SECONDS, CAPTURE_MIN_SECONDS } from '@zamio/contracts';
import type { AirplayEvents } from '../events/airplay-events';
import * as captures from '../repositories/captures-repository';
import type { CaptureStatus } from '../repositories/captures-repository';
import * as detections from '../repositories/detections-repository';
import type { Detection } from '../repositories/detections-repository';
import * as plays from '../repositories/plays-repository';
import { attachToPlay, describePlays, type PlayChange } from './play-assembly';

export type MatchOutcome =
  | {
      status: Exclude<CaptureStatus, 'pending'>;
      /** Decode + fingerprint + lookup + decision, ms (absent when nothing was matched now). */
      matchMs?: number;
      playsCreated: number;
    }
  | { status: 'missing' };

/** Audio a capture can never be matched from: dead-lettered at once, no retry. */
class UnusableCapture extends Error {}

export function createMatchService({
  db,
  readAudio,
  index,
  events,
  ffmpegPath,
}: {
  db: Database;
  readAudio: AudioReader;
  index: FingerprintIndex;
  events: AirplayEvents;
  ffmpegPath?: string | undefined;
}) {
  async function decodeCapture(storageKey: string | null) {
    if (storageKey === null) throw new UnusableCapture('the capture has no audio file');
    let decoded;
    try {
      decoded = await decodeAudio(await readAllBytes(await readAudio(storageKey)), {
        maxDurationSeconds: CAPTURE_MAX_SECONDS + 1,
        ...(ffmpegPath ? { ffmpegPath } : {}),
      });
    } catch (error) {
      if (error instanceof AudioDecodeError && error.reason !== 'aborted')
        throw new UnusableCapture(`the audio could not be decoded (${error.reason}): ${error.message}`);
      throw error;
    }
    const seconds = decoded.samples.length / decoded.sampleRate;
    if (seconds < CAPTURE_MIN_SECONDS - 0.05 || seconds > CAPTURE_MAX_SECONDS + 0.05)
      throw new UnusableCapture(
        `the capture is ${seconds.toFixed(1)} s long; captures must be ${CAPTURE_MIN_SECONDS}–${CAPTURE_MAX_SECONDS} s`,
      );
    return { ...decoded, durationMs: Math.round(seconds * 1000) };
  }

  async function announce(detection: Detection | undefined, changes: PlayChange[]) {
    if (!detection) return;
    const artists = await tracksRepository.artistsOf(db, [detection.trackId]);
    const artistUserIds = [artists.get(detection.trackId)].filter((id): id is string => id !== undefined);
    events.detectionCreated({ stationId: detection.stationId, artistUserIds, detection });
    for (const described of await describePlays(db, changes))
      events.playChanged({ stationId: detection.stationId, artistUserIds, ...described });
  }

  return {
    async matchCapture(captureId: string, { lastAttempt }: { lastAttempt: boolean }): Promise<MatchOutcome> {
      const found = await captures.findForMatching(db, captureId);
      if (!found) return { status: 'missing' };
      const { capture, storageKey } = found;
      if (capture.status !== 'pending') return { status: capture.status, playsCreated: 0 };
      await captures.recordAttempt(db, captureId);

      const started = performance.now();
      let decision;
      let durationMs: number;
      try {
        const audio = await decodeCapture(storageKey);
        durationMs = audio.durationMs;
        const query = fingerprintQuery(audio.samples, audio.sampleRate);
        await index.refresh();
        decision = matchQuery(index, query);
      } catch (error) {
        if (error instanceof UnusableCapture || lastAttempt) {
          const reason =
            error instanceof UnusableCapture
              ? error.message
              : `matching failed after the last attempt: ${(error as Error).message}`;
          await captures.setOutcome(db, captureId, { status: 'failed', failureReason: reason });
          return { status: 'failed', playsCreated: 0 };
        }
        throw error;
      }
      const matchMs = performance.now() - started;
      const trackId = decision ? index.trackIdOf(decision.track) : undefined;

      const result = await db.transaction(async (tx) => {
        // A retry after a crash between commit and ack finds the outcome already written.
        const current = await captures.findForMatching(tx, captureId);
        if (!current || current.capture.status !== 'pending') return undefined;
        if (!decision || !trackId) {
          await captures.setOutcome(tx, captureId, { status: 'unmatched', failureReason: null });
          return { detection: undefined, changes: [] as PlayChange[] };
        }
        await plays.lockStationTrack(tx, capture.stationId, trackId);
        const detection = await detections.insertIfNew(tx, {
          captureId,
          stationId: capture.stationId,
          trackId,
          startedAt: capture.startedAt,
          durationMs,
          trackOffsetMs: Math.max(0, Math.round(decision.offsetSeconds * 1000)),
          confidence: Math.min(1, Math.max(0, decision.confidence)),
          score: Math.round(decision.score),
          speed: decision.speed,
        });
        const changes = detection ? await attachToPlay(tx, detection) : [];
        await captures.setOutcome(tx, captureId, { status: 'matched', failureReason: null });
        return { detection: detection && (await detections.findById(tx, detection.id)), changes };
      });
      if (!result) {
        const now = await captures.findForMatching(db, captureId);
        return {
          status: now?.capture.status === 'pending' ? 'unmatched' : now!.capture.status,
          playsCreated: 0,
        };
      }
      await announce(result.detection, result.changes);
      return {
        status: result.detection ? 'matched' : 'unmatched',
        matchMs,
        playsCreated: result.changes.filter((c) => c.change === 'created').length,
      };
    },

    /** Captures left pending since before `before` (their job was lost): to queue again. */
    pendingCaptures: (before: Date, limit: number) => captures.pendingBefore(db, before, limit),
  };
}

export type MatchService = ReturnType<typeof createMatchService>;
