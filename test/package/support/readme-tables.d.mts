// Types for readme-tables.mjs, so the TypeScript tests can import it.
export interface ReadmeQuotes {
  herd: string;
  /** The real-server herd's table, from bench/results/real-herd.json. */
  realHerd: string;
  /** The farm benchmark's table, from bench/results/farm.json. */
  farm: string;
  /** The long-outage sweep (bench/results/herd-sweep.json). */
  sweep: string;
  size: string;
  /** `(… B over; …)`, with the parentheses. */
  budgets: string;
  browser: string;
  /** `(medians of N runs in Chromium …)`, with the parentheses. */
  browserRuns: string;
}
export declare function expectedQuotes(): ReadmeQuotes;
export declare function refreshReadme(readme: string): string;
