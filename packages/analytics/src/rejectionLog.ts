import type { RejectedLine } from './eventLogTypes.ts';

export const DEFAULT_MAX_REPORTED_REJECTIONS = 1000;

/** Keeps the first rejections for the report and counts the rest: a broken 10M-line file must not fill memory with them. */
export class RejectionLog {
  readonly limit: number;
  readonly lines: RejectedLine[] = [];
  private total = 0;

  constructor(limit = DEFAULT_MAX_REPORTED_REJECTIONS) {
    this.limit = limit;
  }

  add(rejection: RejectedLine): void {
    this.total++;
    if (this.lines.length < this.limit) this.lines.push(rejection);
  }

  /** Counts rejections found beyond the reporting limit without their details (a SQL count). */
  countOmitted(count: number): void {
    this.total += Math.max(0, count);
  }

  get count(): number {
    return this.total;
  }

  get full(): boolean {
    return this.total >= this.limit;
  }
}
