// What stations and artists read of the airplay: captures with their result,
// detections, plays with their evidence — paged (keyset) and filtered.
import type { Database, Page } from '@zamio/db';
import * as captures from '../repositories/captures-repository';
import type { Capture, CaptureFilter } from '../repositories/captures-repository';
import * as detections from '../repositories/detections-repository';
import type { Detection, DetectionFilter } from '../repositories/detections-repository';
import * as plays from '../repositories/plays-repository';
import type { Play, PlayFilter, PlaysSummary } from '../repositories/plays-repository';
import { invalid } from '@zamio/errors';

export interface PageInput {
  limit: number;
  cursor?: string | undefined;
}

export interface PlayWithEvidence extends Play {
  /** The detections that count for the play, in air order. */
  detectionIds: string[];
}

const SUMMARY_MAX_DAYS = 366;

export function createAirplayReadService({ db }: { db: Database }) {
  async function withEvidence(page: Page<Play>): Promise<Page<PlayWithEvidence>> {
    const evidence = await detections.ofPlays(
      db,
      page.items.map((p) => p.id),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((play) => ({
        ...play,
        detectionIds: evidence.filter((d) => d.playId === play.id && d.review !== 'flagged').map((d) => d.id),
      })),
    };
  }

  return {
    listCaptures: (stationId: string, filter: CaptureFilter, page: PageInput): Promise<Page<Capture>> =>
      captures.listOfStation(db, stationId, filter, { ...page, sort: 'capturedAt', order: 'desc' }),

    listDetections: (stationId: string, filter: DetectionFilter, page: PageInput): Promise<Page<Detection>> =>
      detections.listOfStation(db, stationId, filter, { ...page, sort: 'startedAt', order: 'desc' }),

    listStationPlays: async (stationId: string, filter: PlayFilter, page: PageInput) =>
      withEvidence(
        await plays.list(db, { stationId }, filter, { ...page, sort: 'startedAt', order: 'desc' }),
      ),

    listArtistPlays: async (artistId: string, filter: PlayFilter, page: PageInput) =>
      withEvidence(await plays.list(db, { artistId }, filter, { ...page, sort: 'startedAt', order: 'desc' })),

    summariseArtistPlays(
      artistId: string,
      filter: { from: Date; to: Date; trackId?: string | undefined; stationId?: string | undefined },
    ): Promise<PlaysSummary> {
      const days = (filter.to.getTime() - filter.from.getTime()) / 86_400_000;
      if (!(days > 0)) throw invalid('"to" must be after "from"');
      if (days > SUMMARY_MAX_DAYS) throw invalid(`a summary spans at most ${SUMMARY_MAX_DAYS} days`);
      return plays.summaryOfArtist(db, artistId, filter);
    },
  };
}

export type AirplayReadService = ReturnType<typeof createAirplayReadService>;
