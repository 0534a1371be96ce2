// What travels from the process that saw an airplay event to the sockets that
// show it: the message as the portals read it (libs/contracts' LiveMessage,
// JSON-ready: ISO dates, seconds) and who may see it. Built once where the
// event happens, so the Redis hop carries plain JSON and the bff only routes.
import type { LiveMessage } from '@zamio/contracts';
import type { AirplayEvent } from './airplay-events';

export interface LiveEnvelope {
  stationId: string;
  /** The accounts of the artists who own the track. */
  artistUserIds: string[];
  message: LiveMessage;
}

/** Receives envelopes; returns the unsubscribe function. */
export interface LiveFeed {
  subscribe(listener: (envelope: LiveEnvelope) => void): () => void;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toLiveEnvelope(event: AirplayEvent): LiveEnvelope {
  const route = { stationId: event.stationId, artistUserIds: [...new Set(event.artistUserIds)] };
  if (event.type === 'detection.created') {
    const { detection } = event;
    return {
      ...route,
      message: {
        type: 'detection.created',
        detection: {
          id: detection.id,
          captureId: detection.captureId,
          stationId: detection.stationId,
          trackId: detection.trackId,
          trackTitle: detection.trackTitle,
          startedAt: detection.startedAt.toISOString(),
          durationSeconds: detection.durationMs / 1000,
          offsetSeconds: detection.trackOffsetMs / 1000,
          confidence: detection.confidence,
          state: detection.review === 'unreviewed' ? 'detected' : detection.review,
          reviewedAt: iso(detection.reviewedAt),
          playId: detection.playId,
          createdAt: detection.createdAt.toISOString(),
        },
      },
    };
  }
  const { play } = event;
  return {
    ...route,
    message: {
      type: 'play.changed',
      play: {
        id: play.id,
        stationId: play.stationId,
        stationName: play.stationName,
        trackId: play.trackId,
        trackTitle: play.trackTitle,
        startedAt: play.startedAt.toISOString(),
        endedAt: play.endedAt.toISOString(),
        durationSeconds: play.durationMs / 1000,
        offsetSeconds: play.trackOffsetMs / 1000,
        confidence: play.confidence,
        status: play.status,
        detectionIds: event.detectionIds,
        version: play.version,
        updatedAt: play.updatedAt.toISOString(),
      },
    },
  };
}

/** Embedded mode: the in-process events, as a feed for this process's sockets. */
export function liveFeedOf(events: {
  subscribe(listener: (event: AirplayEvent) => void): () => void;
}): LiveFeed {
  return { subscribe: (listener) => events.subscribe((event) => listener(toLiveEnvelope(event))) };
}
