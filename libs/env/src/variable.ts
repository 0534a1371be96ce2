// A typed description of one environment variable. Every variable carries the
// text that the start-up report, the `zamio-env` CLI and docs/configuration.md
// show, so the three can never disagree.
import type { ValidatorSpec } from 'envalid';

export type Environment = 'local' | 'test' | 'staging' | 'production';
export const ENVIRONMENTS: readonly Environment[] = ['local', 'test', 'staging', 'production'];

export interface VariableDoc {
  /** What the variable does, one sentence. */
  desc: string;
  /** A realistic value (never a real secret). */
  example: string;
  /** Environments in which the variable is read; all when omitted. */
  environments?: readonly Environment[];
  /** Grouping heading in the generated docs. */
  group?: string;
  /** Value is a secret: never echoed in reports or logs. */
  secret?: boolean;
  /** Raw value used when unset in local and test environments only. */
  localDefault?: string;
}

// envalid's validators accept desc/example/docs; we keep our extra metadata
// alongside so the docs generator can read it without re-declaring anything.
export type VariableSpec<T> = ValidatorSpec<T> & { zamio: VariableDoc };

export type SchemaSpec = Record<string, VariableSpec<unknown>>;
