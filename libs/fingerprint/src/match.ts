// Convenience for in-memory use (CLI, tests, benchmark): look up a query's hashes in a
// synchronous posting source and apply the shared decision rule.
import { decideMatch, DEFAULT_MATCH_OPTIONS, type MatchDecision, type MatchOptions } from './decide.ts';
import type { QueryFingerprint } from './fingerprint.ts';
import { FINGERPRINT_PARAMS, type FingerprintParams } from './params.ts';
import { queryHashes, type PostingSource } from './postings.ts';

export function matchQuery(
  source: PostingSource,
  query: QueryFingerprint,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): MatchDecision | null {
  return decideMatch(query, source.lookup(queryHashes(query)), options, params);
}
