// A station's stream URLs: register (syntax and public-address check), list,
// remove; every station's streams with their up/down state for the admin.
import { isStreamFailure, checkStreamAddress, StreamRecordError } from '@zamio/streams';
import type { Database, Page, PageRequest } from '@zamio/db';
import { conflict, invalid, notFound } from '@zamio/errors';
import * as streams from '../repositories/streams-repository';
import type { StationStream, StreamFilter, StreamHealthSummary } from '../repositories/streams-repository';
import { checkStreamLabel, checkStreamUrl, STREAMS_PER_STATION } from '../rules/stream-url';

export interface StreamServiceDeps {
  db: Database;
  /** Tests and LAN deployments only: accept hosts on private addresses. */
  allowPrivateAddresses: boolean;
}

export function createStreamService({ db, allowPrivateAddresses }: StreamServiceDeps) {
  return {
    async registerStream(
      stationId: string,
      input: { url: string; label?: string | null | undefined },
    ): Promise<StationStream> {
      const url = checkStreamUrl(input.url);
      const label = checkStreamLabel(input.label);
      try {
        await checkStreamAddress(url, { allowPrivateAddresses });
      } catch (error) {
        if (error instanceof StreamRecordError && isStreamFailure(error))
          throw invalid(`field "url": ${error.message}`);
        throw error;
      }
      return db.transaction(async (tx) => {
        const existing = await streams.listOfStation(tx, stationId);
        if (existing.length >= STREAMS_PER_STATION)
          throw conflict(`a station may register at most ${STREAMS_PER_STATION} streams; remove one first`);
        return streams.insert(tx, { stationId, url, label });
      });
    },

    listStreams: (stationId: string): Promise<StationStream[]> => streams.listOfStation(db, stationId),

    async removeStream(stationId: string, streamId: string): Promise<void> {
      if (!(await streams.remove(db, stationId, streamId))) throw notFound('no such stream');
    },

    /** Every station's streams (admin), newest first; filter by state to find the down ones. */
    listAllStreams: (filter: StreamFilter, page: PageRequest<'createdAt'>): Promise<Page<StationStream>> =>
      streams.listAll(db, filter, page),

    /** Counts of streams up, down and not yet checked (the admin status page). */
    summariseStreamHealth: (): Promise<StreamHealthSummary> => streams.summariseStates(db),
  };
}

export type StreamService = ReturnType<typeof createStreamService>;
