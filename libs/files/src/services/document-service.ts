// Files any signed-in account may attach (images and PDF documents, e.g. a
// station licence or an artist photo).
import type { Database } from '@zamio/db';
import * as uploads from '../repositories/uploads-repository';
import type { UploadOwner, UploadRecord } from '../repositories/uploads-repository';
import { discardOnFailure, type ReceiveUpload, type UploadStorage } from './upload-storage';

export function createDocumentService({ db, storage }: { db: Database; storage: UploadStorage }) {
  return {
    async attachDocument(owner: UploadOwner, receive: ReceiveUpload): Promise<UploadRecord> {
      const { stored, originalName } = await receive();
      return discardOnFailure(storage, stored, () => uploads.insert(db, stored, owner, originalName));
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
