export * from './system';
export * from './auth';
export * from './accounts';
export * from './uploads';
export * from './streams';
export * from './playlogs';
