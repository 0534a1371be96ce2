// Benchmark: decode speed (audio seconds per CPU second) and peak memory per format, for a long
// track and for 10 s captures, at the native rate and resampled to the fingerprinter's 8 kHz.
// Run: npx tsx libs/audio/bench/decode-bench.ts   (BENCH_SECONDS=600 sets the track length)
// Each measurement runs in its own child process so its peak RSS is its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAudio } from '../src/index.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 600);
const CAPTURE_SECONDS = 10;
const CAPTURE_RUNS = 20;
const FORMATS: Record<string, string[]> = {
  wav: ['-c:a', 'pcm_s16le'],
  mp3: ['-c:a', 'libmp3lame', '-b:a', '192k'],
  flac: ['-c:a', 'flac'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '5'],
  opus: ['-c:a', 'libopus', '-b:a', '128k'],
  m4a: ['-c:a', 'aac', '-b:a', '192k'],
};

if (process.argv[2] === '--child') {
  const [, , , path, rate, runs] = process.argv;
  const sampleRate = rate === 'native' ? undefined : Number(rate);
  const before = process.cpuUsage();
  let audioSeconds = 0;
  for (let i = 0; i < Number(runs); i++)
    audioSeconds += (await decodeAudio(path!, { sampleRate })).source.durationSeconds;
  const cpu = process.cpuUsage(before);
  // ffmpeg (AAC/M4A) runs as a child: its CPU counts too (reaped children's times, Linux).
  const cpuSeconds = (cpu.user + cpu.system) / 1e6 + reapedChildrenCpuSeconds();
  process.stdout.write(
    JSON.stringify({ audioSeconds, cpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'zamio-decode-bench-'));
try {
  // Music-like enough for realistic bitrates: a chord with vibrato over pink noise, stereo.
  const source = (seconds: number) => [
    '-f',
    'lavfi',
    '-i',
    `aevalsrc=0.2*sin(2*PI*(220+3*sin(2*PI*5*t))*t)+0.15*sin(2*PI*330*t)+0.1*sin(2*PI*495*t)|0.2*sin(2*PI*(277+3*sin(2*PI*4*t))*t)+0.1*sin(2*PI*660*t):s=44100:d=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `anoisesrc=colour=pink:amplitude=0.05:sample_rate=44100:duration=${seconds}`,
    '-filter_complex',
    '[1]aformat=channel_layouts=stereo[n];[0][n]amix=inputs=2:normalize=0',
  ];
  const rows: string[] = [];
  for (const [name, args] of Object.entries(FORMATS)) {
    const long = join(dir, `long.${name}`);
    const short = join(dir, `capture.${name}`);
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', ...source(SECONDS), ...args, long]);
    execFileSync('ffmpeg', [
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      ...source(CAPTURE_SECONDS),
      ...args,
      short,
    ]);
    const cells: string[] = [];
    for (const rate of ['native', '8000']) {
      const longRun = measure(long, rate, 1);
      const captureRun = measure(short, rate, CAPTURE_RUNS);
      cells.push(
        `${Math.round(longRun.audioSeconds / longRun.cpuSeconds)}×`,
        `${Math.round(longRun.maxRssMb)} MB`,
        `${((captureRun.cpuSeconds / CAPTURE_RUNS) * 1000).toFixed(1)} ms`,
      );
    }
    rows.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  console.log(
    `Decode benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ` +
      `track ${SECONDS} s stereo 44.1 kHz, captures ${CAPTURE_SECONDS} s (mean CPU of ${CAPTURE_RUNS}, process start excluded).`,
  );
  console.log(
    '| format | native: audio s / CPU s | native: peak RSS | native: 10 s capture | 8 kHz: audio s / CPU s | 8 kHz: peak RSS | 8 kHz: 10 s capture |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function reapedChildrenCpuSeconds(): number {
  try {
    // /proc/self/stat: fields after the ")" of the command name; cutime and cstime are the 14th and 15th.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

function measure(
  path: string,
  rate: string,
  runs: number,
): { audioSeconds: number; cpuSeconds: number; maxRssMb: number } {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, '--child', path, rate, String(runs)],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { audioSeconds: number; cpuSeconds: number; maxRssMb: number };
}
