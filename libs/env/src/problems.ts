// One configuration problem, named by variable, in the shape every report uses.
export interface ConfigProblem {
  variable: string;
  problem: string;
  description?: string;
  example?: string;
}

/** Thrown by `loadConfig` with every problem found, never just the first. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  readonly app: string;

  constructor(app: string, problems: readonly ConfigProblem[]) {
    super(
      `${app}: ${problems.length} configuration problem(s): ${problems.map((p) => p.variable).join(', ')}`,
    );
    this.name = 'ConfigError';
    this.app = app;
    this.problems = problems;
  }
}

/** sysexits.h EX_CONFIG: the conventional exit code for bad configuration. */
export const EXIT_CONFIG = 78;
