// Stream monitoring: stations register the URLs they broadcast on; the worker
// records a window of each active stream on a schedule. The bff checks a URL's
// addresses when it is registered, the worker again on every recording (SSRF
// guard in libs/streams), so both read the private-address allowance.
import type { ConfigProblem } from '../problems';
import { duration, flag, integer } from '../validators';

const group = 'Stream monitoring';

export const streamAddressSpec = {
  STREAM_ALLOW_PRIVATE_ADDRESSES: flag({
    desc: 'Allow stream URLs on loopback/private/link-local addresses (tests, a LAN deployment). Off, stream hosts must resolve to public addresses only; refused in staging/production.',
    example: 'false',
    default: false,
    group,
  }),
};

export const streamMonitorSpec = {
  ...streamAddressSpec,
  STREAM_WINDOW: duration({
    desc: 'Length of audio recorded from a stream per check (then matched like a capture); 5s–60s.',
    example: '15s',
    default: 15_000,
    group,
  }),
  STREAM_CHECK_INTERVAL: duration({
    desc: 'How often each active stream is recorded and checked; at least twice STREAM_WINDOW.',
    example: '90s',
    default: 90_000,
    group,
  }),
  STREAM_DOWN_AFTER_FAILURES: integer({
    desc: 'Consecutive failed checks after which a stream is shown as down (one success brings it back up).',
    example: '3',
    default: 3,
    group,
  }),
};

/** Window and interval that cannot work together. */
export function streamMonitorProblems(config: {
  STREAM_WINDOW?: number;
  STREAM_CHECK_INTERVAL?: number;
  STREAM_DOWN_AFTER_FAILURES?: number;
}): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { STREAM_WINDOW: window, STREAM_CHECK_INTERVAL: interval } = config;
  if (window !== undefined && (window < 5_000 || window > 60_000))
    problems.push({ variable: 'STREAM_WINDOW', problem: `must be between 5s and 60s (got ${window} ms)` });
  if (window !== undefined && interval !== undefined && interval < 2 * window)
    problems.push({
      variable: 'STREAM_CHECK_INTERVAL',
      problem: `must be at least twice STREAM_WINDOW (${2 * window} ms), so one check ends before the next begins`,
    });
  if (config.STREAM_DOWN_AFTER_FAILURES !== undefined && config.STREAM_DOWN_AFTER_FAILURES < 1)
    problems.push({ variable: 'STREAM_DOWN_AFTER_FAILURES', problem: 'must be 1 or more' });
  return problems;
}
