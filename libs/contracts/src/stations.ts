// A station's profile: its class prices every play (rate table), its timezone
// decides the time-of-day period a play falls in; region is for reports.
import Type, { type Static } from 'typebox';
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
