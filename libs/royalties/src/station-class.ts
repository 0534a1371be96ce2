// Station classes from the domain model; the rate table is keyed by these.
export const STATION_CLASSES = ['class_a', 'class_b', 'class_c', 'online', 'community'] as const;
export type StationClass = (typeof STATION_CLASSES)[number];

export function isStationClass(value: unknown): value is StationClass {
  return typeof value === 'string' && (STATION_CLASSES as readonly string[]).includes(value);
}
