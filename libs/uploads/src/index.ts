export * from './upload-kinds';
export * from './upload-error';
export * from './content-sniffer';
export * from './size-and-checksum';
export * from './audio-probe';
export * from './store-upload';
