// The registration-time half of the SSRF guard: a station typing a stream URL
// learns at once when its host is not reachable as a public address. The
// recording-time guard (in the socket's DNS lookup) stays the real defence: a
// name can change its answer after registration.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { isPublicAddress } from './address-guard.ts';
import { StreamRecordError } from './stream-record-error.ts';

export interface CheckStreamAddressOptions {
  /** Tests and LAN deployments: accept loopback/private hosts. */
  readonly allowPrivateAddresses?: boolean;
}

/** The parsed URL when it is an http(s) URL whose host resolves to public addresses only. */
export async function checkStreamAddress(
  text: string,
  options: CheckStreamAddressOptions = {},
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StreamRecordError('invalid-url', 'not a URL (expected an http or https stream address)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new StreamRecordError(
      'invalid-url',
      `only http and https streams are supported (got ${url.protocol})`,
    );
  if (options.allowPrivateAddresses) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch (error) {
      throw new StreamRecordError(
        'unreachable',
        `the host ${host} could not be resolved (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`,
        { cause: error },
      );
    }
  }
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused)
    throw new StreamRecordError(
      'forbidden-address',
      `${host} is ${refused}, which is not a public address; stream URLs must point at a public server`,
    );
  return url;
}
