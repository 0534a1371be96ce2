// Test support: a real local Icecast fed by ffmpeg (for libs that monitor streams).
export * from './icecast-server.ts';
