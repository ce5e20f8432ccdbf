import type { ReconnectionMessages } from './types';

/**
 * Every key of {@link ReconnectionMessages}, as a record so the compiler checks the list both
 * ways: leaving a key out, or naming one the interface does not have, is a type error. The
 * values carry nothing; the order is the one error messages list the keys in.
 */
const LISTED: { readonly [K in keyof ReconnectionMessages]: true } = {
  title: true,
  rejoining: true,
  retrying: true,
  failed: true,
  rejected: true,
  offline: true,
  retry: true,
  reload: true,
  paused: true,
  pausedByServer: true,
  updating: true,
  resumeFailed: true,
  resume: true,
  unauthorized: true,
  signIn: true,
};

/**
 * The keys `reconnectionOptions.messages` accepts. Kept here, not read from the default dialog's
 * texts, so validating the options does not depend on the UI above it.
 * @example MESSAGE_KEYS.includes('rejoining') // true
 */
export const MESSAGE_KEYS = Object.keys(LISTED) as readonly (keyof ReconnectionMessages)[];
