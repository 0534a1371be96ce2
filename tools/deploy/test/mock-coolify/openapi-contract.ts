// Coolify's OpenAPI document plus our overlay (what the controllers accept
// beyond it) as a request/response validator for the mock: finds the operation
// for a method + path, checks query parameters and the JSON body against the
// operation's schemas (ajv), and checks the mock's answers too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv, type ValidateFunction } from 'ajv';
import { JSONPath } from 'jsonpath-plus';

export const CONTRACT_PATH = fileURLToPath(new URL('../../contract/coolify-openapi.yaml', import.meta.url));
export const OVERLAY_PATH = fileURLToPath(new URL('../../contract/coolify-overlay.yaml', import.meta.url));

interface OverlayDocument {
  overlay: string;
  actions: { target: string; update?: Record<string, unknown>; remove?: boolean }[];
}

/**
 * Applies an OpenAPI Overlay 1.0 document: every action's JSONPath target is
 * merged with its `update` (objects recursively, arrays appended) or removed.
 * A target that selects nothing is an error: the overlay no longer fits the document.
 */
export function applyOverlay(document: unknown, overlay: OverlayDocument): void {
  if (!/^1\.\d+\.\d+$/.test(overlay.overlay))
    throw new Error(`unsupported overlay version ${overlay.overlay}`);
  for (const action of overlay.actions) {
    const found = JSONPath({ path: action.target, json: document as object, resultType: 'all' }) as {
      value: unknown;
      parent: Record<string, unknown> | unknown[] | null;
      parentProperty: string | number;
    }[];
    if (found.length === 0) throw new Error(`overlay target ${action.target} selects nothing`);
    for (const { value, parent, parentProperty } of found) {
      if (action.remove) {
        if (Array.isArray(parent)) parent.splice(Number(parentProperty), 1);
        else if (parent) delete parent[parentProperty as string];
      } else if (action.update) mergeInto(value, action.update);
    }
  }
}

function mergeInto(target: unknown, update: Record<string, unknown>): void {
  if (typeof target !== 'object' || target === null || Array.isArray(target))
    throw new Error('overlay update targets must be objects');
  const object = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(update)) {
    const existing = object[key];
    if (Array.isArray(existing) && Array.isArray(value)) existing.push(...value);
    else if (isPlainObject(existing) && isPlainObject(value)) mergeInto(existing, value);
    else object[key] = structuredClone(value);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  };
}

export interface MatchedOperation {
  template: string;
  operation: Operation;
  params: Record<string, string>;
}

export class OpenApiContract {
  private readonly document: Document;
  private readonly ajv: Ajv;
  private readonly routes: { template: string; pattern: RegExp; names: string[] }[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(path = CONTRACT_PATH, overlayPath: string | null = OVERLAY_PATH) {
    this.document = parse(readFileSync(path, 'utf8')) as Document;
    if (overlayPath) applyOverlay(this.document, parse(readFileSync(overlayPath, 'utf8')) as OverlayDocument);
    // strict: false — the document carries OpenAPI-only keywords (example);
    // ajv knows `nullable` itself.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    this.ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    this.ajv.addSchema({ $id: 'coolify', components: this.document.components });
    this.routes = Object.keys(this.document.paths).map((template) => {
      const names: string[] = [];
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
      return { template, pattern: new RegExp(`^${source}$`), names };
    });
    // Literal segments win over parameters (/applications/dockerimage vs /applications/{uuid}).
    this.routes.sort((a, b) => a.names.length - b.names.length);
  }

  /** The operation for a path, or why there is none (404 path, 405 method). */
  match(method: string, path: string): MatchedOperation | { error: 404 | 405 } {
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      const operation = this.document.paths[route.template]![method.toLowerCase()];
      if (!operation) return { error: 405 };
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]),
      );
      return { template: route.template, operation, params };
    }
    return { error: 404 };
  }

  /** Problems with the query string: unknown names, missing required ones, wrong types. */
  queryProblems(operation: Operation, query: URLSearchParams): string[] {
    const declared = (operation.parameters ?? []).filter((p) => p.in === 'query');
    const problems: string[] = [];
    for (const name of new Set(query.keys())) {
      if (!declared.some((p) => p.name === name))
        problems.push(`query parameter "${name}" is not in the contract`);
    }
    for (const parameter of declared) {
      const value = query.get(parameter.name);
      if (value === null) {
        if (parameter.required) problems.push(`query parameter "${parameter.name}" is required`);
        continue;
      }
      const type = parameter.schema?.type;
      if (type === 'boolean' && value !== 'true' && value !== 'false' && value !== '1' && value !== '0')
        problems.push(`query parameter "${parameter.name}" must be a boolean`);
      if (type === 'integer' && !/^-?\d+$/.test(value))
        problems.push(`query parameter "${parameter.name}" must be an integer`);
    }
    return problems;
  }

  /** Problems with a JSON body; `strict` also rejects fields the schema does not list. */
  bodyProblems(operation: Operation, body: unknown, strict: boolean): string[] {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (!schema) return body === undefined ? [] : ['this operation takes no JSON body'];
    if (body === undefined) return operation.requestBody?.required ? ['a JSON body is required'] : [];
    const validate = this.compile(
      `${operation.operationId}:request:${strict}`,
      strict ? { ...schema, additionalProperties: false } : schema,
    );
    return validate(body)
      ? []
      : (validate.errors ?? []).map(
          (e) =>
            `${e.instancePath || 'body'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
        );
  }

  /** Problems with an answer the mock is about to send. */
  responseProblems(operation: Operation, status: number, body: unknown): string[] {
    let response = operation.responses?.[String(status)];
    if (!response) return [`status ${status} is not a documented answer of ${operation.operationId}`];
    if (response.$ref) response = this.document.components.responses[response.$ref.split('/').at(-1)!];
    const content = response?.content ?? {};
    const schema = content['application/json']?.schema ?? content['text/html']?.schema;
    if (!schema) return [];
    const validate = this.compile(`${operation.operationId}:response:${status}`, schema);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `response ${status} ${e.instancePath || 'body'} ${e.message}`);
  }

  private compile(key: string, schema: Schema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as Schema);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** Points local `#/components/...` refs at the document registered as `coolify`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `coolify${inner}`
        : rewriteRefs(inner),
    ]),
  );
}
