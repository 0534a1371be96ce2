// The fingerprint job's use case: decode a track's audio, fingerprint it with
// the pinned params version, and swap its fingerprint rows and status in one
// transaction, so matchers see the old fingerprint or the new one, never both
// or none. Idempotent: a job for audio that has been replaced since does
// nothing, and running the same job twice leaves the same rows.
import { AudioDecodeError, decodeAudio } from '@zamio/audio';
import type { Database } from '@zamio/db';
import { uploadsRepository } from '@zamio/files';
import { FINGERPRINT_PARAMS_VERSION, fingerprintPcm } from '@zamio/fingerprint';
import * as fingerprints from '../repositories/fingerprints-repository';
import * as tracks from '../repositories/tracks-repository';
import { audioFailureReason, MIN_TRACK_SECONDS } from '../rules/audio-failure';
import { readAllBytes, type AudioReader } from './audio-reader';

export type FingerprintOutcome =
  | { outcome: 'ready'; postings: number; durationMs: number }
  | { outcome: 'failed'; reason: string }
  /** The track's audio was replaced (or the track deleted) since the job was queued. */
  | { outcome: 'skipped' };

const MAX_TRACK_SECONDS = 20 * 60;

/** Rolls back a transaction whose track changed under it. */
class AudioReplaced extends Error {}

export function createFingerprintService({
  db,
  readAudio,
  ffmpegPath,
}: {
  db: Database;
  readAudio: AudioReader;
  /** For AAC/M4A (other formats decode in process). */
  ffmpegPath?: string | undefined;
}) {
  const fail = async (trackId: string, uploadId: string, reason: string): Promise<FingerprintOutcome> => {
    await db.transaction(async (tx) => {
      // A failed track does not match: its fingerprints of earlier audio go too.
      if (await tracks.markFailed(tx, trackId, uploadId, reason))
        await fingerprints.removeOfTrack(tx, trackId);
    });
    return { outcome: 'failed', reason };
  };

  return {
    /**
     * `lastAttempt`: a failure that is not the audio's fault (storage, database)
     * marks the track failed only on the job's last attempt; earlier ones throw
     * so the queue retries.
     */
    async fingerprintTrack(
      trackId: string,
      uploadId: string,
      { lastAttempt }: { lastAttempt: boolean },
    ): Promise<FingerprintOutcome> {
      if (!(await tracks.markProcessing(db, trackId, uploadId))) return { outcome: 'skipped' };
      let samples: Float32Array;
      let sampleRate: number;
      try {
        const key = await uploadsRepository.findStorageName(db, uploadId);
        if (key === undefined) throw new Error(`upload ${uploadId} has no stored file`);
        const decoded = await decodeAudio(await readAllBytes(await readAudio(key)), {
          maxDurationSeconds: MAX_TRACK_SECONDS,
          ...(ffmpegPath ? { ffmpegPath } : {}),
        });
        ({ samples, sampleRate } = decoded);
      } catch (error) {
        if (error instanceof AudioDecodeError && error.reason !== 'aborted')
          return fail(trackId, uploadId, audioFailureReason(error.reason, error.message));
        if (lastAttempt)
          return fail(
            trackId,
            uploadId,
            'The audio could not be read from storage; upload it again (the error is in the server log).',
          );
        throw error;
      }
      const durationMs = Math.round((samples.length / sampleRate) * 1000);
      if (durationMs < MIN_TRACK_SECONDS * 1000)
        return fail(
          trackId,
          uploadId,
          `The track is ${(durationMs / 1000).toFixed(1)} s long; a track needs at least ${MIN_TRACK_SECONDS} s of audio.`,
        );
      const fingerprint = fingerprintPcm(samples, sampleRate);
      if (fingerprint.hashes.length === 0)
        return fail(
          trackId,
          uploadId,
          'The audio is silent or has no recognisable sound; upload the finished track.',
        );
      try {
        await db.transaction(async (tx) => {
          await fingerprints.replace(tx, {
            trackId,
            uploadId,
            paramsVersion: FINGERPRINT_PARAMS_VERSION,
            hashes: fingerprint.hashes,
            offsets: fingerprint.offsets,
            durationMs,
          });
          if (!(await tracks.markReady(tx, trackId, uploadId, { durationMs, sampleRate })))
            throw new AudioReplaced();
        });
      } catch (error) {
        if (error instanceof AudioReplaced) return { outcome: 'skipped' };
        throw error;
      }
      return { outcome: 'ready', postings: fingerprint.hashes.length, durationMs };
    },

    /**
     * Tracks whose current audio has no fingerprint of the pinned version and
     * has not changed since `before`: lost jobs, or a re-index after a params
     * version change. The worker's sweep queues them again.
     */
    needingFingerprint: (before: Date, limit: number) =>
      tracks.needingFingerprint(db, FINGERPRINT_PARAMS_VERSION, limit, before),
  };
}

export type FingerprintService = ReturnType<typeof createFingerprintService>;
