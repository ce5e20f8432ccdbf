// One reconnection process wired to test doubles: the recording display, fake page signals, a
// recording logger behind the core's guard, and a host whose answers the test scripts.
import { vi } from 'vitest';
import { createGuard } from '../../../src/logging/guard';
import { defaultReconnectionOptions } from '../../../src/options/defaults';
import type { ReconnectionOptions } from '../../../src/options/types';
import type { OutageOutcome, ReconnectionHost } from '../../../src/reconnection/host';
import { createReconnectionProcess } from '../../../src/reconnection/reconnection-process';
import type { TabCoordinator } from '../../../src/reconnection/tab-coordination/types';
import { systemClock } from '../../../src/timing/clock';
import type { ReconnectionDisplay } from '../../../src/ui/reconnection-display';
import { FakePageSignals } from './fake-page-signals';
import { RecordingDisplay } from './recording-display';
import { RecordingLogger } from './recording-logger';

/** What one attempt (or resume) answers: `true`/`false`, or an error to throw. */
export type Answer = boolean | Error;

const answerFrom = (answers: Answer[]) => () => {
  const next = answers.shift() ?? new Error('unreachable');
  return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
};

export interface ProcessFixtureOptions {
  /** Answers of `attempt()`, in order; then it throws "unreachable". */
  attempts?: Answer[];
  /** Replaces the scripted answers: the test settles each attempt itself. */
  attempt?: () => Promise<boolean>;
  /** Answers of `resume()`; without it (and without `resume`) the host has no `resume`. */
  resumes?: Answer[];
  /** Replaces the scripted resume answers: the test settles each resume itself. */
  resume?: () => Promise<boolean>;
  online?: boolean;
  display?: ReconnectionDisplay;
  signals?: FakePageSignals;
  /** The tab's group (see `FakeTabGroup`); without it the tab is alone. */
  tabs?: TabCoordinator;
  /** The random source of the jitter on a busy server's `Retry-After`. @default Math.random */
  random?: () => number;
}

/**
 * The process under test. `dialogDelayMilliseconds` defaults to 0 here, so the grace period's
 * attempt does not reshape the schedules these tests pin; the grace tests set it.
 */
export function processFixture(overrides: Partial<ReconnectionOptions> = {}, fixture: ProcessFixtureOptions = {}) {
  const options: ReconnectionOptions = { ...defaultReconnectionOptions(), dialogDelayMilliseconds: 0, ...overrides };
  const recording = new RecordingDisplay();
  const display = fixture.display ?? recording;
  const signals = fixture.signals ?? new FakePageSignals();
  if (!fixture.signals) signals.online = fixture.online ?? true;
  const logger = new RecordingLogger();
  const outcomes: (OutageOutcome | 'disposed')[] = [];
  const attempt = vi.fn(fixture.attempt ?? answerFrom(fixture.attempts ?? []));
  const resume = fixture.resume ? vi.fn(fixture.resume) : fixture.resumes && vi.fn(answerFrom(fixture.resumes));
  const host: ReconnectionHost = resume ? { attempt, resume } : { attempt };
  const process = createReconnectionProcess({
    options,
    display,
    host,
    logger,
    guard: createGuard(logger),
    clock: systemClock,
    signals,
    random: fixture.random,
    onEnd: (outcome) => outcomes.push(outcome),
    ...(fixture.tabs ? { tabs: fixture.tabs } : {}),
  });
  return { process, display: recording, signals, logger, outcomes, attempt, resume };
}
