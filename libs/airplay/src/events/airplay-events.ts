// The live-event port: the match service announces new detections and changed
// plays through it, naming who may see each (the station, and the artists who
// own the track). The bff pushes them to open portals; with several processes
// a Redis fan-out implements the same port. Publishing never fails the
// caller's work: an implementation logs and drops what it cannot deliver.
import type { Detection } from '../repositories/detections-repository';
import type { Play } from '../repositories/plays-repository';

export interface DetectionCreatedEvent {
  type: 'detection.created';
  stationId: string;
  /** The accounts of the artists who own the detected track. */
  artistUserIds: string[];
  detection: Detection;
}

export interface PlayChangedEvent {
  type: 'play.changed';
  stationId: string;
  artistUserIds: string[];
  /** created: a new play; updated: new bounds/evidence; flagged / merged: out of the counted plays. */
  change: 'created' | 'updated' | 'flagged' | 'merged';
  play: Play;
  /** The play's detections (evidence), in air order. */
  detectionIds: string[];
}

export type AirplayEvent = DetectionCreatedEvent | PlayChangedEvent;

export interface AirplayEvents {
  detectionCreated(event: Omit<DetectionCreatedEvent, 'type'>): void;
  playChanged(event: Omit<PlayChangedEvent, 'type'>): void;
}

export type AirplayEventListener = (event: AirplayEvent) => void;

export interface InProcessAirplayEvents extends AirplayEvents {
  /** Every event published from now on; returns the unsubscribe function. */
  subscribe(listener: AirplayEventListener): () => void;
}

/**
 * Events delivered to listeners of this process (embedded mode, tests, and
 * the local end of a fan-out). A listener that throws is reported to
 * `onListenerError` and never stops the others or the publisher.
 */
export function createInProcessAirplayEvents(
  options: { onListenerError?: (error: unknown, event: AirplayEvent) => void } = {},
): InProcessAirplayEvents {
  const listeners = new Set<AirplayEventListener>();
  const publish = (event: AirplayEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        options.onListenerError?.(error, event);
      }
    }
  };
  return {
    detectionCreated: (event) => publish({ type: 'detection.created', ...event }),
    playChanged: (event) => publish({ type: 'play.changed', ...event }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A port that drops every event (processes nobody listens to). */
export const discardAirplayEvents: AirplayEvents = {
  detectionCreated: () => {},
  playChanged: () => {},
};
