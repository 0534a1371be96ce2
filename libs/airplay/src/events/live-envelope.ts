// What travels from the process that saw an airplay event to the sockets that
// show it: the message as the portals read it (libs/contracts' LiveMessage,
// JSON-ready: ISO dates, seconds) and who may see it. Built once where the
// event happens, so the Redis hop carries plain JSON and the bff only routes.
import type { LiveMessage } from '@zamio/contracts';
import type { AirplayEvent } from './airplay-events';
import { detectionWire, playWire } from './airplay-wire';

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

export function toLiveEnvelope(event: AirplayEvent): LiveEnvelope {
  const route = { stationId: event.stationId, artistUserIds: [...new Set(event.artistUserIds)] };
  if (event.type === 'detection.created') {
    const { detection } = event;
    return {
      ...route,
      message: {
        type: 'detection.created',
        detection: detectionWire(detection),
      },
    };
  }
  const { play } = event;
  return {
    ...route,
    message: {
      type: 'play.changed',
      play: playWire(play, event.detectionIds),
    },
  };
}

/** Embedded mode: the in-process events, as a feed for this process's sockets. */
export function liveFeedOf(events: {
  subscribe(listener: (event: AirplayEvent) => void): () => void;
}): LiveFeed {
  return { subscribe: (listener) => events.subscribe((event) => listener(toLiveEnvelope(event))) };
}
