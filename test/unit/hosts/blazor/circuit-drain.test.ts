// The drain's client side: `circuit-reconnect-drain` pauses the circuit, then resumes it after a
// spread wait, trying again while the resume throws. Fake timers, a scripted
// stand-in for `window.Blazor`; the real blazor.web.js is exercised by the farm suites.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrainingBlazor } from '../../../../src/hosts/blazor/circuit-drain';
import { DRAIN_EVENT, DRAIN_RESUME_TRIES, drainResumeDelay, listenForDrain } from '../../../../src/hosts/blazor/circuit-drain';
import type { Logger } from '../../../../src/logging/logger';

let calls: string[];
let logs: string[];
let stop: (() => void) | undefined;
const logger: Logger = { log: (level, message) => logs.push(`${level} ${message}`) };

function blazorAnswering(pause: boolean, resumes: (boolean | Error)[]): DrainingBlazor {
  return {
    pauseCircuit: () => {
      calls.push('pause');
      return Promise.resolve(pause);
    },
    resumeCircuit: () => {
      calls.push('resume');
      const answer = resumes.shift() ?? false;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
}

/** Listens with `random` fixed at 0: each wait is its minimum, 500 ms. */
function listen(blazor: DrainingBlazor | undefined): void {
  stop = listenForDrain(document, () => blazor, logger, () => 0);
}
const drain = () => document.dispatchEvent(new CustomEvent(DRAIN_EVENT));

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  logs = [];
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
});

describe('listenForDrain', () => {
  it('pauses at once, then resumes after the spread wait, once', async () => {
    listen(blazorAnswering(true, [true]));
    drain();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['pause']);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toEqual(['pause']);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['pause', 'resume']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('tries again while the resume throws, logging at Information', async () => {
    listen(blazorAnswering(true, [new Error('503'), new Error('503'), true]));
    drain();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(calls).toEqual(['pause', 'resume', 'resume', 'resume']);
    expect(logs.filter((line) => line.startsWith('2 Resuming'))).toHaveLength(2);
  });

  it('stops at a resume that answers false (resumed by the user meanwhile, or refused)', async () => {
    listen(blazorAnswering(true, [false]));
    drain();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(['pause', 'resume']);
    expect(logs.at(-1)).toBe('2 Resuming after a drain answered false: not paused any more.');
  });

  it('gives up after its tries, leaving the paused display to the user, with one warning', async () => {
    listen(blazorAnswering(true, Array.from({ length: DRAIN_RESUME_TRIES }, () => new Error('not reached'))));
    drain();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.filter((call) => call === 'resume')).toHaveLength(DRAIN_RESUME_TRIES);
    expect(logs.filter((line) => line.startsWith('3 '))).toEqual([`3 The circuit could not be resumed after ${DRAIN_RESUME_TRIES} tries; it stays paused.`]);
  });

  it('does not resume when the pause is refused, and ignores a drain during a drain', async () => {
    listen(blazorAnswering(false, [true]));
    drain();
    drain();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual(['pause']);
  });

  it('does nothing where Blazor cannot pause (.NET 8 and 9), and nothing once stopped', async () => {
    listen({ resumeCircuit: () => Promise.resolve(true) });
    drain();
    await vi.advanceTimersByTimeAsync(10_000);
    stop?.();
    listen(blazorAnswering(true, [true]));
    drain();
    stop?.();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([]);
  });
});

/** Pauses at once; each resume answers `answers` in turn once the test calls `finish()`. */
function blazorResumingSlowly(answers: boolean[]): DrainingBlazor & { finish: () => void } {
  let finishResume: (() => void) | undefined;
  return {
    pauseCircuit: () => {
      calls.push('pause');
      return Promise.resolve(true);
    },
    resumeCircuit: () => {
      calls.push('resume');
      const answer = answers.shift() ?? false;
      return new Promise<boolean>((resolve) => {
        finishResume = () => {
          resolve(answer);
        };
      });
    },
    finish: () => finishResume?.(),
  };
}

describe('listenForDrain during a rolling restart (the node a resume reached stops too)', () => {
  it('a drain heard while the resume is under way pauses and resumes again once that resume is done', async () => {
    const events: string[] = [];
    const blazor = blazorResumingSlowly([true, true]);
    stop = listenForDrain(document, () => blazor, logger, () => 0, {
      started: () => events.push('started'),
      ended: (resumed) => events.push(`ended ${resumed}`),
    });
    drain();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(['pause', 'resume']);
    drain(); // the resumed circuit's new node is stopping: told before the resume answered
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual(['pause', 'resume']);
    blazor.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['pause', 'resume', 'pause']);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(['pause', 'resume', 'pause', 'resume']);
    blazor.finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(['pause', 'resume', 'pause', 'resume']);
    // One "Updating…" from the first pause to the last resume.
    expect(events).toEqual(['started', 'ended true']);
    expect(logs).toContain('2 The server this circuit resumed on is going away too: moving it again.');
  });

  it('a drain heard while paused and waiting to resume is the same news: ignored', async () => {
    const blazor = blazorResumingSlowly([true]);
    listen(blazor);
    drain();
    await vi.advanceTimersByTimeAsync(200);
    drain();
    await vi.advanceTimersByTimeAsync(300);
    blazor.finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('a drain heard during a resume that answers false moves nothing: there is no circuit to move', async () => {
    const blazor = blazorResumingSlowly([false]);
    listen(blazor);
    drain();
    await vi.advanceTimersByTimeAsync(500);
    drain();
    blazor.finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(['pause', 'resume']);
  });
});

describe('listenForDrain events (the handler\'s "Updating…")', () => {
  it('tells when a drain starts and whether it resumed: before the pause, after the resume or the give-up', async () => {
    const events: string[] = [];
    const record = {
      started: () => events.push(`started (${calls.join(' ')})`),
      ended: (resumed: boolean) => events.push(`ended ${resumed} (${calls.join(' ')})`),
    };
    const first = blazorAnswering(true, [new Error('503'), true]);
    stop = listenForDrain(document, () => first, logger, () => 0, record);
    drain();
    await vi.advanceTimersByTimeAsync(10_000);
    stop();
    const second = blazorAnswering(true, [false]);
    stop = listenForDrain(document, () => second, logger, () => 0, record);
    calls = [];
    drain();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events).toEqual([
      'started ()',
      'ended true (pause resume resume)',
      'started ()',
      'ended false (pause resume)',
    ]);
  });
});

describe('drainResumeDelay', () => {
  it('waits 0.5 s plus a random share of a window growing from 1 s to at most 4 s', () => {
    expect([0, 1, 2, 3, 7].map((attempt) => drainResumeDelay(attempt, () => 0))).toEqual([500, 500, 500, 500, 500]);
    expect([0, 1, 2, 3, 7].map((attempt) => drainResumeDelay(attempt, () => 0.999_999))).toEqual([1499, 2499, 4499, 4499, 4499]);
  });
});
