// Upload failures with the status the client should see: 413 too large,
// 415 type not allowed, 422 audio not decodable, 400 malformed request.
export class UploadRejectedError extends Error {
  constructor(
    readonly statusCode: 400 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRejectedError';
  }
}
