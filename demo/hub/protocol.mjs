// @ts-check
/**
 * SignalR JSON hub protocol framing, server side.
 *
 * Every record (the handshake and each hub message) is JSON text followed by the ASCII record
 * separator 0x1E. A WebSocket frame may carry several records, and a record may in principle
 * span frames, so incoming text goes through a {@link RecordReader} that keeps the tail.
 * Formats follow @microsoft/signalr's HandshakeProtocol.ts, TextMessageFormat.ts and
 * JsonHubProtocol.ts.
 */

export const RECORD_SEPARATOR = '\x1e';

/** Hub message type codes (IHubProtocol.ts `MessageType`). */
export const MessageType = Object.freeze({
  Invocation: 1,
  StreamItem: 2,
  Completion: 3,
  StreamInvocation: 4,
  CancelInvocation: 5,
  Ping: 6,
  Close: 7,
  Ack: 8,
  Sequence: 9,
});

/** Highest JSON hub protocol version we accept (version 2 only adds stateful-reconnect messages). */
export const MAX_JSON_PROTOCOL_VERSION = 2;

/**
 * @param {unknown} message any JSON-serialisable value
 * @returns {string} the record, separator included
 */
export function writeRecord(message) {
  return JSON.stringify(message) + RECORD_SEPARATOR;
}

/** Accumulates text and hands back complete records, without their separators. */
export class RecordReader {
  /** @type {string} */
  #pending = '';

  /**
   * @param {string} text
   * @returns {string[]} the complete records now available, oldest first
   */
  push(text) {
    this.#pending += text;
    const parts = this.#pending.split(RECORD_SEPARATOR);
    this.#pending = parts.pop() ?? '';
    return parts;
  }

  /** Bytes of an unfinished record still waiting for its separator. */
  get pendingLength() {
    return this.#pending.length;
  }
}

/**
 * @typedef {{ ok: true, protocol: string, version: number }
 *   | { ok: false, error: string, protocol?: string, version?: number }} HandshakeResult
 */

/**
 * Validates a handshake request record (`{"protocol":"json","version":1}`).
 * Only the JSON protocol is implemented: a client asking for MessagePack gets an error response,
 * as an ASP.NET Core server without the MessagePack package would answer.
 *
 * @param {string} record one record, without its separator
 * @returns {HandshakeResult}
 */
export function parseHandshake(record) {
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(record);
  } catch {
    return { ok: false, error: 'Handshake request is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null) {
    return { ok: false, error: 'Handshake request must be a JSON object.' };
  }
  const { protocol, version } = /** @type {{ protocol?: unknown, version?: unknown }} */ (value);
  if (typeof protocol !== 'string' || typeof version !== 'number') {
    return { ok: false, error: 'Handshake request must have a string "protocol" and a number "version".' };
  }
  if (protocol !== 'json') {
    return { ok: false, protocol, version, error: `The protocol '${protocol}' is not supported.` };
  }
  if (!Number.isInteger(version) || version < 1 || version > MAX_JSON_PROTOCOL_VERSION) {
    return { ok: false, protocol, version, error: `The server does not support version ${version} of the '${protocol}' protocol.` };
  }
  return { ok: true, protocol, version };
}

/**
 * @typedef {object} HubMessage
 * @property {number} type
 * @property {string} [target]
 * @property {unknown[]} [arguments]
 * @property {string} [invocationId]
 * @property {string} [error]
 * @property {boolean} [allowReconnect]
 */

/**
 * Parses one hub message record. Returns null when the record is not a JSON object with a numeric
 * `type` (the caller closes the connection, as a real server does on a protocol error).
 *
 * @param {string} record
 * @returns {HubMessage | null}
 */
export function parseMessage(record) {
  try {
    const value = /** @type {unknown} */ (JSON.parse(record));
    if (typeof value !== 'object' || value === null) return null;
    const message = /** @type {HubMessage} */ (value);
    return typeof message.type === 'number' ? message : null;
  } catch {
    return null;
  }
}

/**
 * An Invocation the server sends to a client (`Clients.All.SendAsync(target, args)`): no
 * invocation id, so no completion is expected.
 * @param {string} target
 * @param {unknown[]} args
 */
export function invocationMessage(target, args) {
  return { type: MessageType.Invocation, target, arguments: args };
}

/** @returns {{ type: 6 }} */
export function pingMessage() {
  return { type: MessageType.Ping };
}

/**
 * A Completion for an invocation: exactly one of `result` and `error`.
 *
 * @param {string} invocationId
 * @param {{ result?: unknown, error?: string }} outcome
 */
export function completionMessage(invocationId, outcome) {
  return outcome.error === undefined
    ? { type: MessageType.Completion, invocationId, result: outcome.result ?? null }
    : { type: MessageType.Completion, invocationId, error: outcome.error };
}

/**
 * A Close message. With `allowReconnect: true` the client's automatic reconnect (if any) runs.
 *
 * @param {{ error?: string, allowReconnect?: boolean }} [options]
 */
export function closeMessage(options = {}) {
  /** @type {{ type: number, error?: string, allowReconnect?: boolean }} */
  const message = { type: MessageType.Close };
  if (options.error !== undefined) message.error = options.error;
  if (options.allowReconnect !== undefined) message.allowReconnect = options.allowReconnect;
  return message;
}
