import { describe, expect, it } from 'vitest';
import { containerCpus, cpusFromCgroupV1, cpusFromCgroupV2 } from '../src/container-cpus';

describe('container CPU limit', () => {
  it('reads cgroup v2 cpu.max', () => {
    expect(cpusFromCgroupV2('max 100000\n')).toBeUndefined();
    expect(cpusFromCgroupV2('200000 100000\n')).toBe(2);
    expect(cpusFromCgroupV2('150000 100000')).toBe(2);
    expect(cpusFromCgroupV2('50000 100000')).toBe(1);
  });

  it('reads cgroup v1 quota and period', () => {
    expect(cpusFromCgroupV1('-1', '100000')).toBeUndefined();
    expect(cpusFromCgroupV1('300000', '100000')).toBe(3);
  });

  it('caps the machine CPUs by the quota, and never goes below one', () => {
    const files = (entries: Record<string, string>) => (path: string) => entries[path];
    expect(containerCpus(files({ '/sys/fs/cgroup/cpu.max': '200000 100000' }), 16)).toBe(2);
    expect(containerCpus(files({ '/sys/fs/cgroup/cpu.max': 'max 100000' }), 16)).toBe(16);
    expect(
      containerCpus(
        files({
          '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '400000',
          '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000',
        }),
        2,
      ),
    ).toBe(2);
    expect(containerCpus(files({}), 4)).toBe(4);
    expect(containerCpus(files({ '/sys/fs/cgroup/cpu.max': 'garbage' }), 0)).toBe(1);
  });
});
