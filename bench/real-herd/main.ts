// What bench/real-herd.mjs imports (bundled): the run summary, the simulator's prediction, the
// table, the target checks and the chart.
export { summarizeRun } from './run-summary';
export type { RunMeasurement, RunRow } from './run-summary';
export { predict } from './predict';
export { checkRealTargets, formatFarmTable, formatRealHerdTable, formatRealTargets } from './report';
export type { ReportRow } from './report';
export { renderRealHerdChart } from './chart';
