import { LogLevel, type Logger } from '../../logging/logger';
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
export const DEFAULT_MESSAGES: Readonly<
  Record<keyof ReconnectionMessages, (context: ReconnectionMessageContext) => string>
> = {
  title: () => 'Connection to the server lost',
  rejoining: () => 'Rejoining the server\u2026',
  retrying: ({ secondsToNextAttempt: s }) =>
    `Rejoin failed\u2026 trying again in ${s} ${s === 1 ? 'second' : 'seconds'}`,
  failed: () => 'Failed to rejoin. Please retry or reload the page.',
  rejected: () => 'The session has ended. Reload the page to continue.',
  offline: () => 'You are offline. Waiting for the network\u2026',
  retry: () => 'Retry',
  reload: () => 'Reload',
};

/**
 * Turns `options.messages` into texts. A user's message function is page code running inside the
 * reconnection UI: if it throws or returns something other than a string, the English default is
 * shown instead and the problem is logged once per key (not once per second of a countdown).
 */
export class MessageResolver {
  private readonly reported = new Set<keyof ReconnectionMessages>();

  constructor(
    private messages: Partial<ReconnectionMessages>,
    private readonly logger: Logger,
  ) {}

  /** Switches to another outage's options; keys already reported stay quiet. */
  setMessages(messages: Partial<ReconnectionMessages>): void {
    this.messages = messages;
  }

  /** The text for `key`, never throwing. */
  text(key: keyof ReconnectionMessages, context: ReconnectionMessageContext): string {
    const custom: ReconnectionMessage | undefined = this.messages[key];
    if (typeof custom === 'string') return custom;
    if (typeof custom === 'function') {
      try {
        const value: unknown = custom(context);
        if (typeof value === 'string') return value;
        this.report(key, `returned ${typeof value} instead of a string`);
      } catch (error) {
        this.report(key, 'threw', error);
      }
    }
    return DEFAULT_MESSAGES[key](context);
  }

  private report(key: keyof ReconnectionMessages, what: string, error?: unknown): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.logger.log(
      LogLevel.Warning,
      `reconnectionOptions.messages.${key} ${what}; showing the default text.`,
      error,
    );
  }
}
