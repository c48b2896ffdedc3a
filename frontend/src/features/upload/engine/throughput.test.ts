import { describe, expect, it } from 'vitest';
import { Throughput } from './throughput';

describe('Throughput', () => {
  it('stays hidden until it has settled', () => {
    const meter = new Throughput(20_000, 4_000);
    meter.record(0, 0);
    expect(meter.bytesPerSecond()).toBeNull();
    meter.record(2_000, 2_000_000);
    expect(meter.bytesPerSecond()).toBeNull();
    meter.record(4_000, 4_000_000);
    expect(meter.bytesPerSecond()).toBe(1_000_000);
    expect(meter.secondsLeft(10_000_000)).toBe(10);
  });

  it('follows the recent speed, not the whole history', () => {
    const meter = new Throughput(10_000, 4_000);
    meter.record(0, 0);
    meter.record(10_000, 100_000_000);
    for (let t = 11_000; t <= 30_000; t += 1_000) meter.record(t, 100_000_000 + (t - 10_000) * 1_000);
    expect(meter.bytesPerSecond()).toBeCloseTo(1_000_000, -3);
  });
});
