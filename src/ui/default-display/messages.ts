import { WARNING, type Logger } from '../../logging/logger';
import type {
  ReconnectionMessage,
  ReconnectionMessageContext,
  ReconnectionMessages,
} from '../../options/types';

/**
 * The English texts of the default dialog; `options.messages` replaces any of them. The ellipsis
 * is written `\u2026` so the bundle stays ASCII: a script served without a charset on a page
 * without `<meta charset>` is decoded as windows-1252 and would show "â€¦".
 */
export const DEFAULT_MESSAGES: Readonly<ReconnectionMessages> = {
  title: 'Connection to the server lost',
  rejoining: 'Rejoining the server\u2026',
  retrying: ({ secondsToNextAttempt: s }) =>
    `Rejoin failed\u2026 trying again in ${s} second${s === 1 ? '' : 's'}`,
  failed: 'Failed to rejoin. Please retry or reload the page.',
  rejected: 'The session has ended. Reload the page to continue.',
  offline: 'You are offline. Waiting for the network\u2026',
  retry: 'Retry',
  reload: 'Reload',
  paused: 'The session has been paused.',
  pausedByServer: 'The session has been paused by the server.',
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
 * reconnection UI: if it throws or returns something other than a string, the English default is
 * shown instead and the problem is logged once per key (not once per second of a countdown).
 * @param messages - the current outage's `options.messages`, read at each call.
 */
export function messageText(
  messages: () => Partial<ReconnectionMessages>,
  logger: Logger,
): MessageText {
  const reported: Partial<Record<keyof ReconnectionMessages, true>> = {};
  const text = (message: ReconnectionMessage | undefined, context: ReconnectionMessageContext): unknown =>
    typeof message === 'function' ? message(context) : message;
  return (key, context) => {
    const custom = messages()[key];
    let value: unknown;
    let error: unknown;
    try {
      value = text(custom, context);
    } catch (thrown) {
      error = thrown;
    }
    if (typeof value === 'string') return value;
    // Not set (`undefined`) is no problem: the default is what was asked for.
    if (custom !== undefined && !reported[key]) {
      reported[key] = true;
      logger.log(WARNING, `messages.${key} gave no string; using the default.`, error);
    }
    return text(DEFAULT_MESSAGES[key], context) as string;
  };
}
