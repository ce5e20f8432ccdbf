/**
 * Where one outage stands, and what the display shows for it (the display's states are
 * Blazor's names, see `ReconnectState`):
 *
 * | state           | means                                                   | display           |
 * | --------------- | ------------------------------------------------------- | ----------------- |
 * | `idle`          | built, not started                                      | –                 |
 * | `waiting`       | counting down to the next attempt                       | `show`/`retrying` |
 * | `attempting`    | an attempt is in flight                                 | `retrying` (0 s)  |
 * | `offline`       | the browser reports no network; nothing is counted      | `offline`         |
 * | `failed`        | the policy stopped; Retry or a page signal tries again  | `failed`          |
 * | `unauthorized`  | the server refused the sign-in; nothing is attempted    | `unauthorized`    |
 * | `signing-in`    | `onUnauthorized` is in flight; an attempt follows       | unchanged         |
 * | `paused`        | Blazor 10 paused the circuit; Resume resumes it         | `paused`          |
 * | `resuming`      | the host's `resume()` is in flight                      | unchanged         |
 * | `resume-failed` | a paused circuit could not be resumed (final)           | `resume-failed`   |
 * | `rejected`      | the server no longer holds the session (final)          | `rejected`        |
 * | `resumed`       | up again (final)                                        | `hide`            |
 * | `disposed`      | ended from outside: the connection is up (final)        | `hide`            |
 */
export type OutageState =
  | 'idle'
  | 'waiting'
  | 'attempting'
  | 'offline'
  | 'failed'
  | 'unauthorized'
  | 'signing-in'
  | 'paused'
  | 'resuming'
  | 'resume-failed'
  | 'rejected'
  | 'resumed'
  | 'disposed';

/** The states an outage ends in; `failed`, `unauthorized` and `paused` are not: they can go on. */
export const FINAL_STATES: readonly OutageState[] = ['resume-failed', 'rejected', 'resumed', 'disposed'];
