import type { Logger } from '../../logging/logger';
import { INFORMATION, WARNING } from '../../logging/logger';

/**
 * The event `CircuitReconnect.drain()` dispatches on the document: the node holding this page's
 * circuit is about to stop (a deploy on a farm). A server's drain calls `CircuitReconnect.drain`
 * through JS interop (examples/blazor-web-app/CircuitDrain.cs).
 */
export const DRAIN_EVENT = 'circuit-reconnect-drain';

/** The part of `window.Blazor` (.NET 10) the drain uses; read at each call. */
export interface DrainingBlazor {
  pauseCircuit?: () => Promise<boolean>;
  resumeCircuit?: () => Promise<boolean>;
}

/** What a drain tells its listener's owner (the Blazor handler, whose display shows `updating`). */
export interface DrainEvents {
  /** A drain began: the pause about to happen is the server's update. */
  readonly started?: () => void;
  /** The drain is over: `resumed` when its resume brought the circuit back. */
  readonly ended?: (resumed: boolean) => void;
}

/** How many resumes are tried after a drain's pause before the paused display is left to the user. */
export const DRAIN_RESUME_TRIES = 8;

/**
 * The wait before resume `attempt` (0-based): spread at random over a window that grows, so the
 * tabs of a stopping node do not all land on the survivors at once, and the first comes after
 * the load balancer's health check has seen the node go (HAProxy checks every 400 ms).
 */
export function drainResumeDelay(attempt: number, random: () => number): number {
  const window = Math.min(4_000, 1_000 * 2 ** attempt);
  return 500 + Math.floor(random() * window);
}

/**
 * Answers a node's drain: pauses the circuit at once (Blazor 10 moves its `[PersistentState]` to
 * the client), then resumes it (`Blazor.resumeCircuit()`, which the load balancer sends to a node
 * that stays) after a spread wait, trying again while it throws (a node not reached). Blazor tells
 * the reconnection handler about both: the display shows the pause, and the resume ends it.
 * A drain heard while the resume is under way comes from the node that resume reached, stopping
 * in its turn (a rolling restart): once the resume is done, the circuit is paused and moved again.
 * Does nothing where Blazor cannot pause (.NET 8 and 9). Returns the function that stops listening.
 */
export function listenForDrain(
  document: Document,
  blazor: () => DrainingBlazor | undefined,
  logger: Logger,
  random: () => number = Math.random,
  events: DrainEvents = {},
): () => void {
  let draining = false;
  let resuming = false;
  let drainAgain = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });

  /** Pauses, then resumes after spread waits: true once resumed. */
  async function pauseAndResume(): Promise<boolean> {
    const current = blazor();
    if (current?.pauseCircuit === undefined) return false;
    logger.log(INFORMATION, 'The server is going away: pausing the circuit to resume it on another server.');
    if (!(await current.pauseCircuit())) return false;
    for (let attempt = 0; attempt < DRAIN_RESUME_TRIES; attempt++) {
      await wait(drainResumeDelay(attempt, random));
      if (stopped) return false;
      try {
        const resume = blazor()?.resumeCircuit;
        // true: resumed. false: nothing to resume any more (the user's Resume button did it, or
        // the server refused the state); a retry would not change that, the display says it.
        if (resume === undefined) return false;
        resuming = true;
        const resumed = await resume();
        if (!resumed) logger.log(INFORMATION, 'Resuming after a drain answered false: not paused any more.');
        return resumed;
      } catch (error) {
        logger.log(INFORMATION, 'Resuming after a drain failed; trying again.', error);
      } finally {
        resuming = false;
      }
    }
    logger.log(WARNING, `The circuit could not be resumed after ${DRAIN_RESUME_TRIES} tries; it stays paused.`);
    return false;
  }

  /** Whether a drain was heard during the last resume; forgets it. */
  const heardAgain = (): boolean => {
    const heard = drainAgain;
    drainAgain = false;
    return heard;
  };

  async function drain(): Promise<void> {
    let resumed = false;
    try {
      resumed = await pauseAndResume();
      while (resumed && heardAgain() && !stopped) {
        logger.log(INFORMATION, 'The server this circuit resumed on is going away too: moving it again.');
        resumed = await pauseAndResume();
      }
    } finally {
      draining = false;
      drainAgain = false;
      events.ended?.(resumed);
    }
  }

  // Answered on a task of its own: the server's interop call returns at once, before the pause.
  // A drain while one is scheduled, pausing or waiting is the same news: ignored. One while the
  // resume is under way is the next node's, answered when that resume is done. (Blazor 10 answers
  // ResumeCircuit before the circuit opens, and CircuitDrain.cs tells a circuit once it opened, so
  // that drain comes after the answer; one that came sooner is still answered, never dropped.)
  const onDrain = () => {
    if (draining) {
      if (resuming) drainAgain = true;
      return;
    }
    draining = true;
    events.started?.();
    timer = setTimeout(() => void drain(), 0);
  };
  document.addEventListener(DRAIN_EVENT, onDrain);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener(DRAIN_EVENT, onDrain);
  };
}
