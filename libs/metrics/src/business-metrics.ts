// The one place where the domain's key operations are counted. Features call
// these counters; dashboards and alerts read them from /metrics.
import { Counter, Histogram, type Registry } from 'prom-client';

export function createBusinessMetrics(registry: Registry) {
  return {
    tracksFingerprinted: new Counter({
      name: 'zamio_tracks_fingerprinted_total',
      help: 'Tracks whose audio fingerprint was computed.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    capturesMatched: new Counter({
      name: 'zamio_captures_matched_total',
      help: 'Station captures run through matching, by result.',
      labelNames: ['result'],
      registers: [registry],
    }),
    playsCreated: new Counter({
      name: 'zamio_plays_created_total',
      help: 'Plays created from merged detections.',
      registers: [registry],
    }),
    captureMatchSeconds: new Histogram({
      name: 'zamio_capture_match_seconds',
      help: 'One capture: decode + fingerprint + index lookup + decision, by result.',
      labelNames: ['result'],
      buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    royaltyRuns: new Counter({
      name: 'zamio_royalty_runs_total',
      help: 'Royalty cycle calculations, by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    rateLimitHits: new Counter({
      name: 'zamio_rate_limit_hits_total',
      help: 'Requests refused with 429, by limit.',
      labelNames: ['limit'],
      registers: [registry],
    }),
    signInSprayAlerts: new Counter({
      name: 'zamio_sign_in_spray_alerts_total',
      help: 'Accounts whose sign-in failed from many client addresses within one window (possible distributed guessing).',
      registers: [registry],
    }),
    heartbeats: new Counter({
      name: 'zamio_heartbeats_total',
      help: 'Heartbeat jobs processed (end-to-end queue check).',
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'zamio_job_duration_seconds',
      help: 'Job run time by job name and outcome.',
      labelNames: ['job', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
  };
}

export type BusinessMetrics = ReturnType<typeof createBusinessMetrics>;
