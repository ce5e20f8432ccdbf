import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS } from '../../../src/options/message-keys';
import { resolveOptions } from '../../../src/options/resolve-options';
import { DEFAULT_MESSAGES } from '../../../src/ui/default-display/messages';

const NEW_KEYS = {
  paused: 'The session has been paused.',
  pausedByServer: 'The session has been paused by the server.',
  updating: 'Updating\u2026',
  resumeFailed: 'Failed to resume the session. Please reload the page.',
  resume: 'Resume',
  unauthorized: 'Your sign-in has expired.',
  signIn: 'Sign in',
};

describe('message keys', () => {
  it('lists exactly the keys the default dialog has texts for, in its order', () => {
    expect(MESSAGE_KEYS).toEqual(Object.keys(DEFAULT_MESSAGES));
  });

  it('has English defaults for pause/resume and an expired sign-in', () => {
    expect(DEFAULT_MESSAGES).toMatchObject(NEW_KEYS);
  });

  it('accepts the new keys in reconnectionOptions.messages', () => {
    const messages = { ...NEW_KEYS, signIn: () => 'Anmelden' };
    expect(resolveOptions({ reconnectionOptions: { messages } }).reconnectionOptions.messages).toEqual(messages);
  });

  it('keeps the bundle ASCII: every default text is plain ASCII but the ellipsis and the no-break space (escaped in the source)', () => {
    for (const [key, text] of Object.entries(DEFAULT_MESSAGES)) {
      const sample = typeof text === 'function' ? text({ attempt: 1, maxRetries: 3, secondsToNextAttempt: 2 }) : text;
      expect(sample.replaceAll('\u2026', '').replaceAll('\u00a0', ' '), key).toMatch(/^[\x20-\x7e]*$/);
    }
  });
});
