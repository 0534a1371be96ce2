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

/** A 2 s, 440 Hz → 660 Hz tone as a WAV data URL, for the audio player (no audio files in the repo). */
export function sampleToneWavUrl(): string {
  const rate = 8_000;
  const count = rate * 2;
  const bytes = new Uint8Array(44 + count * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) =>
    [...value].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + count * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, count * 2, true);
  for (let i = 0; i < count; i++) {
    const frequency = i < count / 2 ? 440 : 660;
    view.setInt16(44 + i * 2, Math.round(8_000 * Math.sin((2 * Math.PI * frequency * i) / rate)), true);
  }
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return `data:audio/wav;base64,${btoa(binary)}`;
}
