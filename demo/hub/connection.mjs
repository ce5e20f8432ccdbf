// @ts-check
/**
 * One hub connection over one WebSocket: handshake, keep-alive pings, invocations answered with
 * Completions, and the three ways it ends (client close, graceful server close with a Close
 * message, abrupt termination). Every frame in and out passes a {@link DelayQueue} so the
 * `slow(ms)` fault can delay it.
 */
import { DelayQueue } from './delay-queue.mjs';
import {
  MessageType,
  RecordReader,
  closeMessage,
  completionMessage,
  parseHandshake,
  parseMessage,
  pingMessage,
  writeRecord,
} from './protocol.mjs';

/** A record longer than this without a separator closes the connection. */
const MAX_PENDING_CHARS = 1024 * 1024;

/** Thrown by a hub method to send its message to the client (ASP.NET's HubException). */
export class HubMethodError extends Error {
  name = 'HubMethodError';
}

/**
 * @typedef {(connection: HubSocket, method: string, args: unknown[]) => unknown} Dispatch
 * Runs a hub method. Returns its result; throws {@link HubMethodError} to report an error.
 */

/**
 * @typedef {object} HubSocketOptions
 * @property {import('ws').WebSocket} ws
 * @property {string} connectionId
 * @property {string} path the endpoint's path
 * @property {import('./log.mjs').HubLog} log
 * @property {number} keepAliveIntervalMs
 * @property {number} handshakeTimeoutMs
 * @property {() => number} delayMs the `slow` fault's current delay
 * @property {Dispatch} dispatch
 * @property {(connection: HubSocket) => void} onClosed
 */

export class HubSocket {
  #ws;
  #log;
  #reader = new RecordReader();
  #inbound;
  #outbound;
  /** @type {NodeJS.Timeout | null} */
  #pingTimer = null;
  /** @type {NodeJS.Timeout | null} */
  #handshakeTimer = null;
  #handshaken = false;
  #closed = false;
  /** Who ends it: set by the side that starts the close, read when 'close' fires. */
  #closedBy = 'client';
  #options;
  /** @type {() => void} */
  #resolveEnded = () => {};
  /** Settles when the WebSocket has closed, whoever closed it. @type {Promise<void>} */
  ended = new Promise((resolve) => {
    this.#resolveEnded = resolve;
  });

  /** @param {HubSocketOptions} options */
  constructor(options) {
    this.#options = options;
    this.connectionId = options.connectionId;
    this.path = options.path;
    this.#ws = options.ws;
    this.#log = options.log;
    const reportError = (/** @type {unknown} */ error) => this.#fail(`internal error: ${String(error)}`);
    this.#inbound = new DelayQueue(options.delayMs, reportError);
    this.#outbound = new DelayQueue(options.delayMs, reportError);

    // The JSON protocol is text; a binary frame is decoded the same way.
    this.#ws.on('message', (data) => {
      const text = frameText(data);
      this.#inbound.push(() => this.#receive(text));
    });
    this.#ws.on('close', (code, reason) => this.#onSocketClosed(code, reason.toString('utf8')));
    this.#ws.on('error', () => {
      // 'close' follows; the error itself (e.g. ECONNRESET) needs no handling.
    });
    this.#handshakeTimer = setTimeout(() => this.#fail('no handshake request in time'), options.handshakeTimeoutMs);
  }

  get isOpen() {
    return !this.#closed;
  }

  /** Open and past the handshake: hub messages may be sent to it. */
  get isReady() {
    return this.#handshaken && !this.#closed;
  }

  /** Sends one hub message (through the slow-link delay). @param {unknown} message */
  send(message) {
    this.#sendText(writeRecord(message));
  }

  /**
   * A graceful server-side close: a Close message, then the WebSocket closing handshake.
   * @param {{ error?: string, allowReconnect?: boolean }} [options]
   */
  close(options = {}) {
    if (this.#closed) return;
    this.#closedBy = 'server';
    if (this.#handshaken) this.send(closeMessage(options));
    this.#outbound.push(() => this.#ws.close(1000));
  }

  /**
   * Ends the connection abruptly: the TCP socket is destroyed, no Close message, no close frame.
   * @param {string} [by] recorded as who closed it
   */
  terminate(by = 'fault') {
    if (this.#closed) return;
    this.#closedBy = by;
    this.#inbound.dispose();
    this.#outbound.dispose();
    this.#ws.terminate();
  }

  /** @param {string} text */
  #sendText(text) {
    this.#outbound.push(() => {
      if (this.#ws.readyState === this.#ws.OPEN) this.#ws.send(text);
    });
  }

  /** @param {string} text */
  #receive(text) {
    if (this.#closed) return;
    const records = this.#reader.push(text);
    if (this.#reader.pendingLength > MAX_PENDING_CHARS) {
      this.#fail('record too long');
      return;
    }
    for (const record of records) {
      if (this.#closed) return;
      if (this.#handshaken) this.#onMessage(record);
      else this.#onHandshake(record);
    }
  }

  /** @param {string} record */
  #onHandshake(record) {
    if (this.#handshakeTimer !== null) clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = null;
    const result = parseHandshake(record);
    this.#log.count('handshakes');
    if (!result.ok) {
      this.#log.add('handshake', { path: this.path, connectionId: this.connectionId, error: result.error, value: result.version });
      this.#closedBy = 'server';
      this.#sendText(writeRecord({ error: result.error }));
      this.#outbound.push(() => this.#ws.close(1002, 'handshake failed'));
      return;
    }
    this.#handshaken = true;
    this.#log.add('handshake', { path: this.path, connectionId: this.connectionId, value: result.version });
    this.#sendText(writeRecord({}));
    this.#pingTimer = setInterval(() => {
      this.#log.count('pingsSent');
      this.send(pingMessage());
    }, this.#options.keepAliveIntervalMs);
  }

  /** @param {string} record */
  #onMessage(record) {
    const message = parseMessage(record);
    if (message === null) {
      this.#fail('invalid hub message');
      return;
    }
    switch (message.type) {
      case MessageType.Invocation:
        this.#onInvocation(message.target, message.arguments, message.invocationId);
        break;
      case MessageType.StreamInvocation:
        if (typeof message.invocationId === 'string') {
          this.send(completionMessage(message.invocationId, { error: 'Streaming hub methods are not supported by this server.' }));
        }
        break;
      case MessageType.Ping:
        this.#log.count('pingsReceived');
        break;
      case MessageType.Close:
        // The client's stop(): it sends Close, then closes the WebSocket itself; close our side too.
        this.#closedBy = 'client';
        this.#ws.close(1000);
        break;
      default:
        // Completion, CancelInvocation, StreamItem, Ack, Sequence and future types: nothing to do.
        break;
    }
  }

  /**
   * @param {unknown} target
   * @param {unknown} rawArgs
   * @param {unknown} invocationId
   */
  #onInvocation(target, rawArgs, invocationId) {
    if (typeof target !== 'string' || target === '') {
      this.#fail('invocation without a target');
      return;
    }
    const args = Array.isArray(rawArgs) ? rawArgs : [];
    const id = typeof invocationId === 'string' && invocationId !== '' ? invocationId : undefined;
    this.#log.count('invocations');
    this.#log.add('invocation', { path: this.path, connectionId: this.connectionId, method: target, args, invocationId: id });
    /** @type {{ result?: unknown, error?: string }} */
    let outcome;
    try {
      outcome = { result: this.#options.dispatch(this, target, args) };
    } catch (error) {
      outcome = {
        error: error instanceof HubMethodError
          ? `Failed to invoke '${target}' due to an error on the server. HubException: ${error.message}`
          : `An unexpected error occurred invoking '${target}' on the server.`,
      };
    }
    if (id === undefined) return;
    this.#log.count('completions');
    this.#log.add('completion', { path: this.path, connectionId: this.connectionId, method: target, invocationId: id, ...outcome });
    this.send(completionMessage(id, outcome));
  }

  /** A protocol error: tell the client if the handshake is done, then close. @param {string} reason */
  #fail(reason) {
    if (this.#closed) return;
    this.#closedBy = 'server';
    if (this.#handshaken) {
      this.#ws.send(writeRecord(closeMessage({ error: `Connection closed with an error. ${reason}` })));
    }
    this.#ws.close(1011, reason.slice(0, 100));
  }

  /** @param {number} code @param {string} reason */
  #onSocketClosed(code, reason) {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#pingTimer !== null) clearInterval(this.#pingTimer);
    if (this.#handshakeTimer !== null) clearTimeout(this.#handshakeTimer);
    this.#pingTimer = null;
    this.#handshakeTimer = null;
    this.#inbound.dispose();
    this.#outbound.dispose();
    this.#log.count('closes');
    this.#log.add('close', {
      path: this.path,
      connectionId: this.connectionId,
      event: this.#closedBy,
      code,
      ...(reason ? { error: reason } : {}),
    });
    this.#options.onClosed(this);
    this.#resolveEnded();
  }
}

/** @param {import('ws').RawData} data */
function frameText(data) {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
