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
export class UnusableCaptureError extends Error {
  override readonly name = 'UnusableCaptureError';
}

export interface Identification {
  trackId: string;
  /** Where in the track the capture starts. */
  offsetSeconds: number;
  confidence: number;
  score: number;
  speed: number;
}

/**
 * The recognition step alone — decode, check the length, fingerprint (while
 * the index catches up), look up, decide — shared by the match job and the zamio-fp
 * command line, so both answer the same for the same bytes.
 */
export async function identifyCaptureAudio(
  bytes: Uint8Array,
  index: FingerprintIndex,
  options: { ffmpegPath?: string | undefined; checkLength?: boolean } = {},
): Promise<{ durationMs: number; match: Identification | null }> {
  // The index catches up while the capture decodes and fingerprints: the round trip to
  // Postgres overlaps the CPU work instead of adding to it, and every track ready before
  // this capture was taken up is still seen. A failed decode must not leave it unobserved.
  const refreshed = index.refresh();
  refreshed.catch(() => {});
  let decoded;
  try {
    decoded = await decodeAudio(bytes, {
      ...(options.checkLength === false ? {} : { maxDurationSeconds: CAPTURE_MAX_SECONDS + 1 }),
      ...(options.ffmpegPath ? { ffmpegPath: options.ffmpegPath } : {}),
    });
  } catch (error) {
    if (error instanceof AudioDecodeError && error.reason !== 'aborted')
      throw new UnusableCaptureError(`the audio could not be decoded (${error.reason}): ${error.message}`);
    throw error;
  }
  const seconds = decoded.samples.length / decoded.sampleRate;
  if (
    options.checkLength !== false &&
    (seconds < CAPTURE_MIN_SECONDS - 0.05 || seconds > CAPTURE_MAX_SECONDS + 0.05)
  )
    throw new UnusableCaptureError(
      `the capture is ${seconds.toFixed(1)} s long; captures must be ${CAPTURE_MIN_SECONDS}–${CAPTURE_MAX_SECONDS} s`,
    );
  const query = fingerprintQuery(decoded.samples, decoded.sampleRate);
  await refreshed;
  const decision = matchQuery(index, query);
  const trackId = decision ? index.trackIdOf(decision.track) : undefined;
  return {
    durationMs: Math.round(seconds * 1000),
    match:
      decision && trackId
        ? {
            trackId,
            offsetSeconds: decision.offsetSeconds,
            confidence: Math.min(1, Math.max(0, decision.confidence)),
            score: decision.score,
            speed: decision.speed,
          }
        : null,
  };
}

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
      let identified: Awaited<ReturnType<typeof identifyCaptureAudio>>;
      try {
        if (storageKey === null) throw new UnusableCaptureError('the capture has no audio file');
        identified = await identifyCaptureAudio(await readAllBytes(await readAudio(storageKey)), index, {
          ffmpegPath,
        });
      } catch (error) {
        if (error instanceof UnusableCaptureError || lastAttempt) {
          const reason =
            error instanceof UnusableCaptureError
              ? error.message
              : `matching failed after the last attempt: ${(error as Error).message}`;
          await captures.setOutcome(db, captureId, { status: 'failed', failureReason: reason });
          return { status: 'failed', playsCreated: 0 };
        }
        throw error;
      }
      const matchMs = performance.now() - started;
      const { durationMs, match } = identified;

      const result = await db.transaction(async (tx) => {
        // A retry after a crash between commit and ack finds the outcome already written.
        const current = await captures.findForMatching(tx, captureId);
        if (!current || current.capture.status !== 'pending') return undefined;
        if (!match) {
          await captures.setOutcome(tx, captureId, { status: 'unmatched', failureReason: null });
          return { detection: undefined, changes: [] as PlayChange[] };
        }
        await plays.lockStationTrack(tx, capture.stationId, match.trackId);
        const detection = await detections.insertIfNew(tx, {
          captureId,
          stationId: capture.stationId,
          trackId: match.trackId,
          startedAt: capture.startedAt,
          durationMs,
          trackOffsetMs: Math.max(0, Math.round(match.offsetSeconds * 1000)),
          confidence: match.confidence,
          score: Math.round(match.score),
          speed: match.speed,
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
