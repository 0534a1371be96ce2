// Files: the record of every stored upload, and removing a stored file when
// the request that brought it fails.
export type { UploadOwner, UploadRecord, JoinedUploadRow } from './repositories/uploads-repository';
export * as uploadsRepository from './repositories/uploads-repository';
export * from './services/upload-storage';
export * from './services/document-service';
