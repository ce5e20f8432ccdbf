import type { Guard } from '../../logging/guard';
import { WARNING, type Logger } from '../../logging/logger';
import type {
  ReconnectionMessage,
  ReconnectionMessageContext,
  ReconnectionMessages,
} from '../../options/types';

/**
 * The English texts of the default dialog; `options.messages` replaces any of them. The ellipsis
 * and the no-break space are written `\u2026` and `\u00a0` so the bundle stays ASCII: a script served without a charset on a page
 * without `<meta charset>` is decoded as windows-1252 and would show "â€¦".
 */
export const DEFAULT_MESSAGES: Readonly<ReconnectionMessages> = {
  title: 'Connection to the server lost',
  rejoining: 'Rejoining the server\u2026',
  // A no-break space (\u00a0) keeps "1 second" on one line in a narrow dialog.
  retrying: ({ secondsToNextAttempt: s }) =>
    `Rejoin failed\u2026 trying again in ${s}\u00a0second${s === 1 ? '' : 's'}`,
  failed: 'Failed to rejoin. Please retry or reload the page.',
  rejected: 'The session has ended. Reload the page to continue.',
  offline: 'You are offline. Waiting for the network\u2026',
  retry: 'Retry',
  reload: 'Reload',
  paused: 'The session has been paused.',
  pausedByServer: 'The session has been paused by the server.',
  updating: 'Updating\u2026',
  resumeFailed: 'Failed to resume the session. Please reload the page.',
  resume: 'Resume',
  unauthorized: 'Your sign-in has expired.',
  signIn: 'Sign in',
};

/** The text of one message key, never throwing. */
export type MessageText = (
  key: keyof ReconnectionMessages,
  context: ReconnectionMessageContext,
) => string;

/**
 * Turns `options.messages` into texts. A user's message function is page code running inside the
 * reconnection UI: it runs through the guard, and if it throws or returns something other than a
 * string, the English default is shown instead. A non-string is reported once per key (not once
 * per second of a countdown); a throw is reported by the guard.
 * @param messages - the current outage's `options.messages`, read at each call.
 */
export function createMessageText(
  messages: () => Partial<ReconnectionMessages>,
  guard: Guard,
  logger: Logger,
): MessageText {
  const reported = new Set<keyof ReconnectionMessages>();
  const text = (message: ReconnectionMessage | undefined, context: ReconnectionMessageContext): unknown =>
    typeof message === 'function' ? message(context) : message;
  return (key, context) => {
    const custom = messages()[key];
    // Not set (`undefined`) is no problem: the default is what was asked for.
    if (custom === undefined) return text(DEFAULT_MESSAGES[key], context) as string;
    // Wrapped, so that a throw (reported by the guard) is told apart from a non-string answer.
    const answer = guard(`messages.${key}`, () => ({ value: text(custom, context) }));
    if (typeof answer?.value === 'string') return answer.value;
    if (answer && !reported.has(key)) {
      reported.add(key);
      logger.log(WARNING, `messages.${key} gave no string; using the default.`);
    }
    return text(DEFAULT_MESSAGES[key], context) as string;
  };
}
