// Environment in, an app's typed config out: validate (every problem at once)
// then translate. Entry points read process.env through readProcessConfig,
// which reports and exits 78 before anything opens.
import { loadConfig, type RawEnv } from '../load-config';
import { bffSchema } from '../schemas/bff';
import { workerSchema } from '../schemas/worker';
import { bffConfigFrom, type BffConfig } from './bff-config';
import { workerConfigFrom, type WorkerConfig } from './worker-config';

export const loadBffConfig = (raw: RawEnv): BffConfig => bffConfigFrom(loadConfig(bffSchema, raw));

export const loadWorkerConfig = (raw: RawEnv): WorkerConfig =>
  workerConfigFrom(loadConfig(workerSchema, raw));
