// The synthetic audio moved to src/testing (other features' tests render it too).
export * from '../src/testing/synthetic-audio.ts';
