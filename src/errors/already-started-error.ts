/** A second `start()`; the message is Blazor's own, so pages that match on it keep working. */
export class AlreadyStartedError extends Error {
  override readonly name = 'AlreadyStartedError';

  constructor() {
    super('Blazor has already started.');
  }
}
