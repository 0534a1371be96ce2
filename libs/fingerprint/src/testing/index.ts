// Test support: seeded synthetic "music" other features' tests render into audio files.
export * from './synthetic-audio.ts';
