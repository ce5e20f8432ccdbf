// Types for readme-tables.mjs, so the TypeScript tests can import it.
export interface ReadmeQuotes {
  herd: string;
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
