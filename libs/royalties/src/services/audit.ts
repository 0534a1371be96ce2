// Who did what, when: every money action appends one audit row in the same
// transaction as the change it describes.
export { append as recordAudit } from '../repositories/audit-log-repository.ts';
