// How many CPUs this process may really use: a container's CPU quota (cgroup
// v2 cpu.max, or v1 cfs quota/period) caps what the machine has, so
// WEB_CONCURRENCY's default does not fork 16 processes into a 2-CPU container.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** cgroup v2 `cpu.max` ("max 100000" or "<quota> <period>") → CPUs, or undefined when unlimited. */
export function cpusFromCgroupV2(cpuMax: string): number | undefined {
  const [quota, period] = cpuMax.trim().split(/\s+/);
  if (!quota || quota === 'max' || !period) return undefined;
  return quotaToCpus(Number(quota), Number(period));
}

/** cgroup v1 `cpu.cfs_quota_us` (-1 = unlimited) and `cpu.cfs_period_us` → CPUs. */
export function cpusFromCgroupV1(quotaUs: string, periodUs: string): number | undefined {
  return quotaToCpus(Number(quotaUs.trim()), Number(periodUs.trim()));
}

function quotaToCpus(quota: number, period: number): number | undefined {
  if (!Number.isFinite(quota) || !Number.isFinite(period) || quota <= 0 || period <= 0) return undefined;
  return Math.max(1, Math.ceil(quota / period));
}

const readOrUndefined = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

export function containerCpus(
  read: (path: string) => string | undefined = readOrUndefined,
  machineCpus = availableParallelism(),
): number {
  const v2 = read('/sys/fs/cgroup/cpu.max');
  const quotaV1 = read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us');
  const periodV1 = read('/sys/fs/cgroup/cpu/cpu.cfs_period_us');
  const limit =
    v2 !== undefined
      ? cpusFromCgroupV2(v2)
      : quotaV1 !== undefined && periodV1 !== undefined
        ? cpusFromCgroupV1(quotaV1, periodV1)
        : undefined;
  return Math.max(1, Math.min(machineCpus, limit ?? machineCpus));
}
