// Child-process entry of the test S3 server (fauxqs): a real process on
// 127.0.0.1 that a test can SIGKILL mid-upload and start again on the same
// port and data directory, as a crashed and restarted service would be.
import { startFauxqs } from 'fauxqs';

const port = Number(process.env.S3_TEST_PORT);
const dataDir = process.env.S3_TEST_DATA_DIR!;
const buckets = (process.env.S3_TEST_BUCKETS ?? '').split(',').filter(Boolean);

const server = await startFauxqs({
  port,
  host: '127.0.0.1',
  logger: false,
  // Objects and unfinished multipart uploads as files: both survive a kill.
  s3StorageDir: dataDir,
});
for (const bucket of buckets) server.createBucket(bucket);
process.stdout.write(`listening ${server.port}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
