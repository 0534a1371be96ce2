export * from './system';
export * from './auth';
export * from './accounts';
export * from './uploads';
export * from './text';
export * from './paging';
export * from './catalog';
export * from './airplay';
