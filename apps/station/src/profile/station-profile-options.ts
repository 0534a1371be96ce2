import type { StationClass } from '@zamio/api-client';

/** Station classes with the base rate they earn artists (design: GHS per second of play). */
export const STATION_CLASSES: { value: StationClass; label: string }[] = [
  { value: 'class_a', label: 'Class A — national / large urban' },
  { value: 'class_b', label: 'Class B — regional' },
  { value: 'class_c', label: 'Class C — local' },
  { value: 'online', label: 'Online only' },
  { value: 'community', label: 'Community' },
];

/** Ghana's sixteen regions. */
export const REGIONS = [
  'Ahafo',
  'Ashanti',
  'Bono',
  'Bono East',
  'Central',
  'Eastern',
  'Greater Accra',
  'North East',
  'Northern',
  'Oti',
  'Savannah',
  'Upper East',
  'Upper West',
  'Volta',
  'Western',
  'Western North',
] as const;

/** Every IANA zone the browser knows, Africa/Accra first. */
export function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['Africa/Accra', ...all.filter((zone) => zone !== 'Africa/Accra')];
}
