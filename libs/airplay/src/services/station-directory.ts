// Every station as the administrators see it: class, region, the account's
// state and the health of its monitored streams, filtered and paged.
import type { Database, Page, PageRequest } from '@zamio/db';
import * as stations from '../repositories/stations-repository';
import type { StationListFilter, StationListing, StationSort } from '../repositories/stations-repository';

export function createStationDirectory({ db }: { db: Database }) {
  return {
    listStations: (
      filter: StationListFilter,
      page: PageRequest<StationSort>,
    ): Promise<Page<StationListing>> => stations.listForAdmin(db, filter, page),
  };
}

export type StationDirectory = ReturnType<typeof createStationDirectory>;
