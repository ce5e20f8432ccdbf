// @ts-check
/**
 * Just enough form parsing for the disconnect beacon: `navigator.sendBeacon(url, formData)` and
 * `fetch(url, { method: 'POST', body: formData })` send multipart/form-data; a urlencoded body is
 * accepted too. Files are read as text; only simple fields are expected.
 */

/** Bodies larger than this are refused (the beacon carries one short field). */
export const MAX_FORM_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  name = 'BodyTooLargeError';
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<Buffer>}
 */
export function readBody(req, limit = MAX_FORM_BYTES) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`Request body is over ${limit} bytes.`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * @param {string | undefined} contentType the request's Content-Type header
 * @param {Buffer} body
 * @returns {Map<string, string>} field name → first value (empty when the type is not a form)
 */
export function parseForm(contentType, body) {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const fields = new Map();
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
      if (!fields.has(name)) fields.set(name, value);
    }
    return fields;
  }
  if (type === 'multipart/form-data') {
    const boundary = headerParameter(contentType ?? '', 'boundary');
    return boundary ? parseMultipart(body, boundary) : new Map();
  }
  return new Map();
}

/**
 * @param {Buffer} body
 * @param {string} boundary
 * @returns {Map<string, string>}
 */
export function parseMultipart(body, boundary) {
  /** @type {Map<string, string>} */
  const fields = new Map();
  // latin1 maps bytes 1:1 to chars, so slicing is byte-exact; values are decoded as UTF-8 after.
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts = text.split(delimiter);
  // parts[0] is the preamble; the last part starts with "--" (the close delimiter).
  for (const raw of parts.slice(1)) {
    if (raw.startsWith('--')) break;
    const part = raw.startsWith('\r\n') ? raw.slice(2) : raw;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd).split('\r\n');
    const disposition = headers.find((line) => line.toLowerCase().startsWith('content-disposition:'));
    const name = disposition ? headerParameter(disposition, 'name') : null;
    if (name === null) continue;
    let value = part.slice(headerEnd + 4);
    if (value.endsWith('\r\n')) value = value.slice(0, -2);
    const decodedName = Buffer.from(name, 'latin1').toString('utf8');
    if (!fields.has(decodedName)) fields.set(decodedName, Buffer.from(value, 'latin1').toString('utf8'));
  }
  return fields;
}

/**
 * A `key=value` or `key="value"` parameter of a header value.
 * @param {string} header
 * @param {string} key
 * @returns {string | null}
 */
function headerParameter(header, key) {
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? null);
}
