/** `start()` called where there is no DOM (e.g. Node): importing is fine, starting is not. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';

  constructor(missing: string) {
    super(`circuit-reconnect needs a browser (no ${missing}).`);
  }
}
