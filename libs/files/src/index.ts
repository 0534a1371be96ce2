// Files: the record of every stored upload, removing a stored file when the
// request that brought it fails, and reading one back (whole or a byte range).
export type { UploadOwner, UploadRecord, JoinedUploadRow } from './repositories/uploads-repository';
export * as uploadsRepository from './repositories/uploads-repository';
export * from './services/upload-storage';
export * from './services/document-service';
export * from './services/stored-upload-reader';
