// Stream URLs are typed in by stations, and the worker fetches them from inside our network:
// without a guard, "http://redis:6379/" or a cloud metadata address would be one form field
// away (SSRF). Every address a host name resolves to must be public unicast; the check runs in
// the socket's DNS lookup, so it also covers redirects and a name that changes its answer.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

export const FORBIDDEN_ADDRESS = 'ZAMIO_FORBIDDEN_ADDRESS';

/** True for public unicast addresses; false for loopback, private, link-local, CGNAT, multicast, … */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export function forbiddenAddressError(host: string, address: string): Error {
  return Object.assign(new Error(`${host} is ${address}, which is not a public address`), {
    code: FORBIDDEN_ADDRESS,
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for net.connect that refuses names resolving to non-public addresses. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(forbiddenAddressError(hostname, refused.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}
