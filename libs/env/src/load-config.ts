// Validates a raw environment against an app's schema with envalid and returns
// the typed config, or throws one ConfigError listing every problem at once.
import { cleanEnv } from 'envalid';
import { ConfigError, type ConfigProblem } from './problems';
import type { Environment, SchemaSpec } from './variable';

export type RawEnv = Record<string, string | undefined>;

export interface AppSchema<C> {
  app: string;
  spec: SchemaSpec;
  /** Cross-variable rules, e.g. production refusals. Runs only when every variable parsed. */
  refine?: (config: C, env: Environment) => ConfigProblem[];
}

export type ConfigOf<S extends SchemaSpec> = {
  readonly [K in keyof S]: S[K] extends { _parse?: (input: string) => infer T } ? T : never;
};

/** The deployment environment: ZAMIO_ENV, else derived from NODE_ENV. */
export function environmentOf(raw: RawEnv): Environment {
  const explicit = raw.ZAMIO_ENV?.trim();
  if (explicit === 'local' || explicit === 'test' || explicit === 'staging' || explicit === 'production')
    return explicit;
  if (raw.NODE_ENV === 'production') return 'production';
  if (raw.NODE_ENV === 'test') return 'test';
  return 'local';
}

export const isLocalLike = (env: Environment) => env === 'local' || env === 'test';

/** Empty strings count as missing; local-only defaults fill gaps outside staging/production. */
export function prepareEnv(spec: SchemaSpec, raw: RawEnv, env: Environment): RawEnv {
  const prepared: RawEnv = {};
  for (const key of Object.keys(spec)) {
    const value = raw[key];
    if (value !== undefined && value.trim() !== '') prepared[key] = value;
    else if (isLocalLike(env) && spec[key]!.zamio.localDefault !== undefined)
      prepared[key] = spec[key]!.zamio.localDefault;
  }
  return prepared;
}

export function loadConfig<C>(schema: AppSchema<C>, raw: RawEnv): C & { ZAMIO_ENV: Environment } {
  const env = environmentOf(raw);
  const prepared = prepareEnv(schema.spec, raw, env);
  const problems: ConfigProblem[] = [];
  const describe = (variable: string) => ({
    description: schema.spec[variable]?.zamio.desc,
    example: schema.spec[variable]?.zamio.example,
  });

  if (raw.ZAMIO_ENV !== undefined && raw.ZAMIO_ENV.trim() !== '' && raw.ZAMIO_ENV.trim() !== env) {
    problems.push({
      variable: 'ZAMIO_ENV',
      problem: `"${raw.ZAMIO_ENV}" is not one of local, test, staging, production`,
      description: 'Deployment environment.',
      example: 'production',
    });
  }

  // envalid decides devDefault by NODE_ENV; we pass our own environment through
  // prepareEnv instead, so envalid must see a production NODE_ENV to never use one.
  const cleaned = cleanEnv({ ...prepared, NODE_ENV: 'production' }, schema.spec, {
    reporter: ({ errors }) => {
      for (const [variable, error] of Object.entries(errors)) {
        const missing =
          (error as Error).name === 'EnvMissingError' || /undefined/.test((error as Error).message);
        problems.push({
          variable,
          problem: missing
            ? 'is required but not set'
            : cleanMessage((error as Error).message, variable, schema.spec[variable]?.zamio.secret),
          ...describe(variable),
        });
      }
    },
  });
  // envalid returns a strict proxy that throws on unknown keys; refinements
  // and callers get a plain object instead.
  const plain = { ...cleaned } as unknown as C;

  // Refinements run even when some variables failed, so one report lists
  // everything; they see only the values that parsed (others are undefined).
  if (schema.refine) {
    const reported = new Set(problems.map((p) => p.variable));
    for (const problem of schema.refine(plain, env)) {
      if (!reported.has(problem.variable))
        problems.push({
          variable: problem.variable,
          problem: problem.problem,
          ...describe(problem.variable),
        });
    }
  }
  if (problems.length > 0) throw new ConfigError(schema.app, problems);
  return { ...(plain as object), ZAMIO_ENV: env } as C & { ZAMIO_ENV: Environment };
}

function cleanMessage(message: string, variable: string, secret?: boolean): string {
  const text =
    message.replace(/^Invalid (?:[a-z]+ )?input for "?[A-Z0-9_]+"?:?\s*/i, '').trim() ||
    `invalid value for ${variable}`;
  // Never echo a secret's value back in a report.
  return secret ? 'has an invalid value' : text;
}
