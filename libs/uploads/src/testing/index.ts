// Test support for storage: real S3-protocol servers on 127.0.0.1.
export * from './s3-test-server';
export * from './signature-checking-s3';
