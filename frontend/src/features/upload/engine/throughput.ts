/**
 * Upload speed over a sliding window of progress samples, so that one fast or slow part does not
 * swing it, and nothing is shown until the window is long enough to mean something.
 */
export class Throughput {
  private samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly windowMs = 20_000,
    private readonly settleMs = 4_000,
  ) {}

  record(at: number, totalBytesSent: number) {
    this.samples.push({ at, bytes: totalBytesSent });
    while (this.samples.length > 2 && at - this.samples[1].at >= this.windowMs) this.samples.shift();
  }

  /** Bytes per second, or null while it has not settled. */
  bytesPerSecond(): number | null {
    if (this.samples.length < 2) return null;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const elapsed = last.at - first.at;
    if (elapsed < this.settleMs || last.bytes <= first.bytes) return null;
    return ((last.bytes - first.bytes) * 1000) / elapsed;
  }

  secondsLeft(remainingBytes: number): number | null {
    const speed = this.bytesPerSecond();
    return speed ? remainingBytes / speed : null;
  }
}
