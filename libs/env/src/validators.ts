// Thin wrappers over envalid's validators that force a description and an
// example on every variable, plus the few validators envalid does not ship.
import { isIP } from 'node:net';
import { bool, makeValidator, num, port, str, url, type Spec } from 'envalid';
import type { VariableDoc, VariableSpec } from './variable';

type Options<T> = VariableDoc & {
  /** Used in every environment when unset: only values that are safe in production. */
  default?: T;
  /** Used only in local and test environments (embedded mode, compose, test runs). */
  localDefault?: string;
  choices?: readonly T[];
};

function withDoc<T>(validator: (spec?: Spec<T>) => unknown, options: Options<T>): VariableSpec<T> {
  const { desc, example, environments, group, secret, localDefault, ...spec } = options;
  const built = validator({ ...spec, desc, example } as Spec<T>) as VariableSpec<T>;
  built.zamio = { desc, example, environments, group, secret, localDefault };
  return built;
}

export const text = (o: Options<string>) => withDoc<string>(str as never, o);
export const integer = (o: Options<number>) => withDoc<number>(intValidator as never, o);
export const number = (o: Options<number>) => withDoc<number>(num as never, o);
export const flag = (o: Options<boolean>) => withDoc<boolean>(bool as never, o);
export const tcpPort = (o: Options<number>) => withDoc<number>(port as never, o);
export const absoluteUrl = (o: Options<string>) => withDoc<string>(url as never, o);
/** An absolute http(s) URL, or empty when the variable is optional here. */
export const optionalUrl = (o: Options<string>) => withDoc<string>(optionalUrlValidator as never, o);
export const urlList = (o: Options<string[]>) => withDoc<string[]>(urlListValidator as never, o);
export const list = (o: Options<string[]>) => withDoc<string[]>(listValidator as never, o);
/** Proxy addresses: IPs, CIDRs, `loopback` / `linklocal` / `uniquelocal`, or `none`. */
export const proxyList = (o: Options<string[]>) => withDoc<string[]>(proxyListValidator as never, o);
/** Regular expressions, each compiled once here so a typo is a config error, not a crash later. */
export const patternList = (o: Options<string[]>) => withDoc<string[]>(patternListValidator as never, o);
export const duration = (o: Options<number>) => withDoc<number>(durationValidator as never, o);
export const connectionUrl = (protocols: readonly string[]) => (o: Options<string>) =>
  withDoc<string>(makeConnectionUrl(protocols) as never, o);

const intValidator = makeValidator<number>((input) => {
  const value = Number(input);
  if (!Number.isInteger(value)) throw new Error(`"${input}" is not a whole number`);
  return value;
});

const splitList = (input: string): string[] =>
  input
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const listValidator = makeValidator<string[]>(splitList);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal', 'none']);

/** One TRUST_PROXY entry's problem, or undefined when it is an address, a CIDR or a known name. */
export function proxyEntryProblem(entry: string): string | undefined {
  if (PROXY_NAMES.has(entry)) return undefined;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0)
    return `"${entry}" is not an IP address, a CIDR or one of loopback, linklocal, uniquelocal, none`;
  if (prefix === undefined) return undefined;
  const bits = Number(prefix);
  const widest = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefix) || bits > widest) return `"${entry}" has an invalid prefix length`;
  // 0.0.0.0/0 or ::/0 believes X-Forwarded-For from anyone: every client could pick its own address.
  if (bits === 0) return `"${entry}" trusts every address, so any client could forge X-Forwarded-For`;
  return undefined;
}

const proxyListValidator = makeValidator<string[]>((input) => {
  const items = splitList(input);
  for (const item of items) {
    const problem = proxyEntryProblem(item);
    if (problem) throw new Error(problem);
  }
  return items;
});

const patternListValidator = makeValidator<string[]>((input) => {
  const items = splitList(input);
  for (const item of items) {
    try {
      new RegExp(item);
    } catch {
      throw new Error(`"${item}" is not a valid regular expression`);
    }
  }
  return items;
});

const urlListValidator = makeValidator<string[]>((input) => {
  const items = input
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    try {
      new URL(item);
    } catch {
      throw new Error(`"${item}" is not an absolute URL`);
    }
  }
  return items;
});

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Durations as `500ms`, `30s`, `5m`, `1h` or plain milliseconds; returns milliseconds. */
const durationValidator = makeValidator<number>((input) => {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(input.trim());
  if (!match) throw new Error(`"${input}" is not a duration (use e.g. 500ms, 30s, 5m)`);
  return Number(match[1]) * UNITS[match[2] ?? 'ms']!;
});

function makeConnectionUrl(protocols: readonly string[]) {
  return makeValidator<string>((input) => {
    let parsed: URL;
    try {
      parsed = new URL(input);
    } catch {
      throw new Error(`not a URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new Error(`scheme "${parsed.protocol}" is not one of ${protocols.join(', ')}`);
    }
    return input;
  });
}

const optionalUrlValidator = makeValidator<string>((input) => {
  if (input === '') return input;
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    throw new Error(`"${input}" is not an absolute URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`"${input}" must be http:// or https://`);
  return input.replace(/\/+$/, '');
});
