// Deterministic sample rows for the gallery (no randomness: screenshots compare).
export interface SamplePlay {
  id: string;
  title: string;
  station: string;
  playedAt: string;
  seconds: number;
  pesewas: number;
  status: 'confirmed' | 'flagged' | 'pending';
}

const TITLES = [
  'Sika',
  'Odo Nti',
  'Kwaku the Traveller',
  'Adwoa',
  'Highlife Nights',
  'Accra Sunset',
  'Yɛ Bɛ Di Nkunim',
];
const STATIONS = ['Joy FM', 'Peace FM', 'Citi FM', 'Adom FM', 'YFM Accra', 'Luv FM'];
const STATUSES = ['confirmed', 'confirmed', 'pending', 'flagged'] as const;

export function samplePlays(count: number): SamplePlay[] {
  return Array.from({ length: count }, (_, index) => {
    const seconds = 150 + ((index * 37) % 120);
    return {
      id: `play-${index}`,
      title: TITLES[index % TITLES.length]!,
      station: STATIONS[(index * 5) % STATIONS.length]!,
      playedAt: new Date(
        Date.UTC(2026, 10, 1 + (index % 30), 6 + (index % 14), (index * 7) % 60),
      ).toISOString(),
      seconds,
      pesewas: seconds * 15 + (index % 3) * 2,
      status: STATUSES[index % STATUSES.length]!,
    };
  });
}
