// What every feature route plugin receives from the bff's composition.
import type { Database } from '@zamio/db';
import type { BusinessMetrics } from '@zamio/server';
import type { UploadKind, UploadKindRule } from '@zamio/uploads';
import type { RateLimitSettings } from '../plugins/rate-limits';
import type { SessionTools } from '../plugins/session';

export interface RouteContext {
  db: Database;
  sessions: SessionTools;
  sessionTtlMs: number;
  uploadDir: string;
  uploadRules: Record<UploadKind, UploadKindRule>;
  limits: { settings: RateLimitSettings; metrics: BusinessMetrics };
}
