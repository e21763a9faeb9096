/**
 * Wall-clock time of each phase of a build, in milliseconds and in the order the phases ran,
 * so a benchmark can say where a build's time goes (reading and validating, inserting rows,
 * creating indexes, ...) without a profiler.
 */
export class PhaseTimer {
  private last = performance.now();
  readonly phases: Record<string, number> = {};

  /** Ends the current phase, naming it; the next phase starts now. */
  end(name: string): void {
    const now = performance.now();
    this.phases[name] = (this.phases[name] ?? 0) + (now - this.last);
    this.last = now;
  }
}
