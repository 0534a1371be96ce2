// The playlog CSV rule: header in any order/case, quoted fields, BOM; every
// problem of a row reported with its line and field; a file that is no
// playlog at all refused as a whole; local times read in the station's zone.
import { describe, expect, it } from 'vitest';
import { normalisePlaylogIsrc, parsePlaylogCsv, reconcilePlaylog } from '../src';

const accra = { timezone: 'Africa/Accra' };

describe('parsePlaylogCsv', () => {
  it('reads valid rows in any column order, with quotes, a BOM and clock or second lengths', () => {
    const csv =
      '\uFEFFArtist,Title,ISRC,Played At,Duration\r\n' +
      '"Sarkodie, feat. Castro","Adonai",gh-a12-26-00001,2026-03-01T14:05:00Z,3:35\r\n' +
      'Efya,"Best in Me",,2026-03-01T14:09:00+01:00,241.5\r\n';
    const parsed = parsePlaylogCsv(csv, accra);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rowCount).toBe(2);
    expect(parsed.entries).toEqual([
      {
        row: 2,
        title: 'Adonai',
        artist: 'Sarkodie, feat. Castro',
        isrc: 'GHA122600001',
        playedAt: new Date('2026-03-01T14:05:00Z'),
        durationMs: 215_000,
      },
      {
        row: 3,
        title: 'Best in Me',
        artist: 'Efya',
        isrc: null,
        playedAt: new Date('2026-03-01T13:09:00Z'),
        durationMs: 241_500,
      },
    ]);
  });

  it('reads a time without offset in the station’s timezone', () => {
    const csv = 'title,artist,isrc,played_at,duration\nA,B,,2026-07-01 08:00:00,60\n';
    expect(parsePlaylogCsv(csv, accra).entries[0]!.playedAt).toEqual(new Date('2026-07-01T08:00:00Z'));
    // Berlin is UTC+2 in July (summer time), UTC+1 in January.
    expect(parsePlaylogCsv(csv, { timezone: 'Europe/Berlin' }).entries[0]!.playedAt).toEqual(
      new Date('2026-07-01T06:00:00Z'),
    );
    const winter = csv.replace('2026-07-01', '2026-01-15');
    expect(parsePlaylogCsv(winter, { timezone: 'Europe/Berlin' }).entries[0]!.playedAt).toEqual(
      new Date('2026-01-15T07:00:00Z'),
    );
  });

  it('reports every problem of every bad row, by line and field, and keeps the good rows', () => {
    const csv = [
      'title,artist,isrc,played_at,duration',
      ',Nobody,XX-1,yesterday,-3',
      'Good,Artist,,2026-03-01T10:00:00Z,180',
      'Too,Many,,2026-03-01T10:04:00Z,180,extra',
      'Bad date,Artist,,2026-02-30 10:00,0',
      `${'x'.repeat(301)},A,,2026-03-01T10:00:00Z,25:00:00`,
    ].join('\n');
    const parsed = parsePlaylogCsv(csv, accra);
    expect(parsed.rowCount).toBe(5);
    expect(parsed.entries.map((e) => e.row)).toEqual([3]);
    expect(parsed.rejected).toEqual([
      {
        row: 2,
        problems: [
          { field: 'title', message: 'is empty' },
          { field: 'isrc', message: expect.stringMatching(/"XX-1" is not an ISRC/) },
          { field: 'played_at', message: expect.stringMatching(/"yesterday" is not a date-time/) },
          { field: 'duration', message: expect.stringMatching(/"-3" is not a length/) },
        ],
      },
      { row: 4, problems: [{ field: 'row', message: 'has 6 fields; the header has 5' }] },
      {
        row: 5,
        problems: [
          { field: 'played_at', message: expect.stringMatching(/not a valid date-time/) },
          { field: 'duration', message: 'must be more than 0 seconds' },
        ],
      },
      {
        row: 6,
        problems: [
          { field: 'title', message: 'is longer than 300 characters' },
          { field: 'duration', message: 'must be less than a day' },
        ],
      },
    ]);
  });

  it('refuses a file without the required columns, or with broken quoting, as a whole', () => {
    expect(() => parsePlaylogCsv('song,singer\nA,B\n', accra)).toThrow(
      /lacks the columns title, artist, played_at, duration/,
    );
    expect(() => parsePlaylogCsv('', accra)).toThrow(/empty/);
    expect(() =>
      parsePlaylogCsv('title,artist,isrc,played_at,duration\n"open,B,,2026-03-01T10:00:00Z,1\n', accra),
    ).toThrow(/not a readable CSV/);
  });

  it('normalises ISRCs typed with hyphens, spaces and lower case', () => {
    expect(normalisePlaylogIsrc('gh a12 26 00001')).toBe('GHA122600001');
    expect(normalisePlaylogIsrc('GH-A12-26-0001')).toBeUndefined();
  });
});

describe('reconcilePlaylog', () => {
  const at = (time: string) => new Date(`2026-03-01T${time}Z`);
  const entry = (id: string, trackId: string | null, time: string, durationMs = 180_000) => ({
    id,
    row: Number(id.slice(1)),
    trackId,
    playedAt: at(time),
    durationMs,
  });
  const play = (id: string, trackId: string, from: string, to: string) => ({
    id,
    trackId,
    startedAt: at(from),
    endedAt: at(to),
  });

  it('matches rows to overlapping plays of the same track, closest start first, each play once', () => {
    const entries = [
      entry('e2', 'A', '10:00:00'),
      entry('e3', 'A', '10:03:00'),
      entry('e4', 'B', '10:06:00'),
      entry('e5', null, '10:09:00'),
      entry('e6', 'C', '12:00:00'),
    ];
    const plays = [
      play('p1', 'A', '10:03:20', '10:06:00'),
      play('p2', 'B', '10:06:40', '10:09:00'),
      play('p3', 'D', '10:10:00', '10:12:00'),
      play('p4', 'C', '13:00:00', '13:03:00'),
    ];
    const result = reconcilePlaylog(entries, plays);
    expect(result.matched.map((m) => [m.entry.id, m.play.id, m.startDifferenceMs])).toEqual([
      ['e3', 'p1', 20_000],
      ['e4', 'p2', 40_000],
    ]);
    expect(result.onlyInPlaylog.map((o) => [o.entry.id, o.unknownTrack])).toEqual([
      ['e2', false],
      ['e5', true],
      ['e6', false],
    ]);
    expect(result.onlyDetected.map((p) => p.id)).toEqual(['p3', 'p4']);
  });

  it('honours the tolerance', () => {
    const entries = [entry('e2', 'A', '10:00:00', 60_000)];
    const plays = [play('p1', 'A', '10:03:00', '10:05:00')];
    expect(reconcilePlaylog(entries, plays, 60_000).matched).toEqual([]);
    expect(reconcilePlaylog(entries, plays, 120_000).matched).toHaveLength(1);
  });
});
