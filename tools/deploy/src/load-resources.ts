// Reads coolify/resources.yaml for one environment: validates its shape, fills
// ${ZAMIO_REGISTRY}, checks cross-references and orders the applications so
// each one deploys after what it depends on.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import Value from 'typebox/value';
import { ResourcesFile, type ApplicationResource } from './resources-schema';

export class ResourcesError extends Error {
  override readonly name = 'ResourcesError';
}

/** One application as this environment deploys it. */
export interface DeployTarget {
  name: string;
  uuid: string;
  /** Image repository with the registry filled in, without a tag. */
  image: string;
  /** Domains to set (comma-separated URLs); undefined leaves Coolify's as they are. */
  domains: string | undefined;
  /** Network alias for this environment (`zamio-bff-production`), when the app has one. */
  networkAlias: string | undefined;
  /** `http://<alias>:<port>` of the application named by `internal_api`, when set. */
  internalApiUrl: string | undefined;
  resource: ApplicationResource;
}

export interface LoadedResources {
  environment: string;
  /** In deploy order: dependencies first. */
  targets: DeployTarget[];
}

export function loadResources(
  path: string,
  environment: string,
  variables: Record<string, string>,
): LoadedResources {
  let document: unknown;
  try {
    // merge: the file shares the portals' settings through a YAML anchor (<<: *portal).
    document = parse(readFileSync(path, 'utf8'), { merge: true });
  } catch (error) {
    throw new ResourcesError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const errors = Value.Errors(ResourcesFile, document);
  if (errors.length > 0) {
    const lines = errors
      .filter((e) => e.keyword !== 'boolean')
      .map((e) => `  ${e.instancePath || '/'} ${e.message}`);
    throw new ResourcesError(`${path} is not a valid resources file:\n${[...new Set(lines)].join('\n')}`);
  }
  const file = document as ResourcesFile;
  const env = file.environments[environment];
  if (!env)
    throw new ResourcesError(
      `${path} has no environment "${environment}" (known: ${Object.keys(file.environments).join(', ')})`,
    );

  const problems: string[] = [];
  for (const [name, app] of Object.entries(file.applications)) {
    const entry = env.applications[name];
    if (!entry) problems.push(`environments.${environment}.applications.${name} is missing (its uuid)`);
    else if (/REPLACE-ME/.test(entry.uuid))
      problems.push(
        `environments.${environment}.applications.${name}.uuid is still a placeholder (${entry.uuid})`,
      );
    for (const dependency of app.depends_on) {
      if (!file.applications[dependency])
        problems.push(`applications.${name}.depends_on names unknown application "${dependency}"`);
    }
    for (const required of app.requires) {
      if (!file.databases[required])
        problems.push(`applications.${name}.requires names unknown database "${required}"`);
    }
    if (app.health_check.type === 'cmd' && !app.health_check.command)
      problems.push(`applications.${name}.health_check.command is required for type cmd`);
    if (app.internal_api !== undefined && !file.applications[app.internal_api]?.network_alias)
      problems.push(
        `applications.${name}.internal_api names "${app.internal_api}", which is not an application with a network_alias`,
      );
  }
  for (const name of Object.keys(env.applications)) {
    if (!file.applications[name])
      problems.push(`environments.${environment}.applications.${name} is not an application of this file`);
  }
  if (problems.length > 0) throw new ResourcesError(`${path}:\n${problems.map((p) => `  ${p}`).join('\n')}`);

  const aliasOf = (name: string) =>
    file.applications[name]?.network_alias?.replace('{environment}', environment);
  const targets = deployOrder(file.applications).map((name) => {
    const resource = file.applications[name]!;
    const entry = env.applications[name]!;
    const api = resource.internal_api;
    return {
      name,
      uuid: entry.uuid,
      image: interpolate(resource.image, variables, `applications.${name}.image`),
      domains: entry.domains === undefined || entry.domains === '' ? undefined : entry.domains,
      networkAlias: aliasOf(name),
      internalApiUrl:
        api === undefined
          ? undefined
          : `http://${aliasOf(api)}:${file.applications[api]!.ports_exposes.split(',')[0]}`,
      resource,
    };
  });
  return { environment, targets };
}

/** Topological order, ties kept in file order (bff, worker, then the portals). */
export function deployOrder(applications: Record<string, Pick<ApplicationResource, 'depends_on'>>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      throw new ResourcesError(`dependency cycle: ${[...path, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const dependency of applications[name]?.depends_on ?? []) visit(dependency, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(applications)) visit(name, []);
  return order;
}

function interpolate(template: string, variables: Record<string, string>, where: string): string {
  return template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
    const value = variables[name];
    if (value === undefined || value === '')
      throw new ResourcesError(`${where} uses \${${name}}, which is not set`);
    return value.replace(/\/+$/, '');
  });
}
