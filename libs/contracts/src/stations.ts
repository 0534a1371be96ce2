// A station's profile: its class prices every play (rate table), its timezone
// decides the time-of-day period a play falls in; region is for reports.
import Type, { type Static } from 'typebox';
import { AccountStatus } from './auth';
import { Paged, PageQueryFields } from './paging';
import { PlainText } from './text';

export const StationClass = Type.Union([
  Type.Literal('class_a'),
  Type.Literal('class_b'),
  Type.Literal('class_c'),
  Type.Literal('online'),
  Type.Literal('community'),
]);
export type StationClass = Static<typeof StationClass>;

/** IANA zone names: letters, digits, `/`, `_`, `+`, `-` (e.g. Africa/Accra, Etc/GMT+1). */
export const TimeZoneName = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z][A-Za-z0-9_+/-]*$',
  description: 'IANA timezone, e.g. Africa/Accra',
});

export const StationProfile = Type.Object({
  name: Type.String(),
  stationClass: StationClass,
  region: Type.Union([Type.String(), Type.Null()]),
  timezone: Type.String(),
});
export type StationProfile = Static<typeof StationProfile>;

/** PUT /api/station/profile — the fields to change (absent = unchanged). */
export const StationProfileUpdateBody = Type.Object(
  {
    name: Type.Optional(PlainText({ minLength: 1, maxLength: 120 })),
    stationClass: Type.Optional(StationClass),
    region: Type.Optional(Type.Union([PlainText({ minLength: 1, maxLength: 80 }), Type.Null()])),
    timezone: Type.Optional(TimeZoneName),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type StationProfileUpdateBody = Static<typeof StationProfileUpdateBody>;

/** GET /api/admin/stations: every station, filtered and paged. */
export const AdminStationListQuery = Type.Object(
  {
    ...PageQueryFields,
    stationClass: Type.Optional(StationClass),
    /** Exact region, any case. */
    region: Type.Optional(PlainText({ minLength: 1, maxLength: 80 })),
    accountStatus: Type.Optional(AccountStatus),
    /** Stations with at least one active stream in this state. */
    streamState: Type.Optional(
      Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('unknown')]),
    ),
    /** Part of the station name, any case. */
    search: Type.Optional(PlainText({ minLength: 1, maxLength: 120 })),
    sort: Type.Union([Type.Literal('createdAt'), Type.Literal('name')], { default: 'createdAt' }),
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' }),
  },
  { additionalProperties: false },
);
export type AdminStationListQuery = Static<typeof AdminStationListQuery>;

export const AdminStation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  stationClass: StationClass,
  region: Type.Union([Type.String(), Type.Null()]),
  timezone: Type.String(),
  ownerUserId: Type.String({ format: 'uuid' }),
  ownerEmail: Type.String(),
  accountStatus: AccountStatus,
  /** Active monitored streams by state. */
  streams: Type.Object({
    total: Type.Integer(),
    up: Type.Integer(),
    down: Type.Integer(),
    unknown: Type.Integer(),
  }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AdminStation = Static<typeof AdminStation>;

export const AdminStationPage = Paged(AdminStation);
export type AdminStationPage = Static<typeof AdminStationPage>;
