// The cross-engine suites' in-page recorder, served as a same-origin script (`/engine-recorder.js`)
// ahead of the library: classic WebDriver has no init scripts and no console events, so every
// engine reports through the page itself. It keeps the state events, every change of the
// dialog's visibility (one check per animation frame), console warnings and errors, uncaught
// errors and CSP violations.
import type { EnginePage } from './engine';

export interface EngineRecord {
  /** `components-reconnect-state-changed` events, heard in the capture phase. */
  events: { state: string; currentAttempt?: number; secondsToNextAttempt?: number; at: number; target: string }[];
  /** The default dialog or the page's modal becoming visible or not, per animation frame. */
  visibility: { visible: boolean; at: number }[];
  /** `console.warn` / `console.error` calls, as text. */
  warnings: string[];
  errors: string[];
  cspViolations: string[];
}

/** Runs in the page: self-contained, no imports. */
export function installEngineRecorder(): void {
  const record: EngineRecord = { events: [], visibility: [], warnings: [], errors: [], cspViolations: [] };
  (window as unknown as { __engine: EngineRecord }).__engine = record;
  const text = (args: unknown[]): string => args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' ');
  const warn = console.warn.bind(console);
  const error = console.error.bind(console);
  console.warn = (...args: unknown[]) => {
    record.warnings.push(text(args));
    warn(...args);
  };
  console.error = (...args: unknown[]) => {
    record.errors.push(text(args));
    error(...args);
  };
  window.addEventListener('error', (event) => record.errors.push(`uncaught: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => record.errors.push(`unhandled: ${String(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => {
    record.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  window.addEventListener(
    'components-reconnect-state-changed',
    (event) => {
      const detail = (event as CustomEvent<{ state: string; currentAttempt?: number; secondsToNextAttempt?: number }>).detail;
      const target = event.target as Element;
      record.events.push({ ...detail, at: performance.now(), target: target.id || target.tagName.toLowerCase() });
    },
    true,
  );
  let last = false;
  const frame = (): void => {
    const target =
      document.getElementById('components-reconnect-modal') ??
      document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('dialog');
    const visible = target?.checkVisibility({ visibilityProperty: true }) ?? false;
    if (visible !== last) {
      last = visible;
      record.visibility.push({ visible, at: performance.now() });
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export const RECORDER_SCRIPT = `(${installEngineRecorder.toString()})();\n`;

export async function readEngineRecord(page: EnginePage): Promise<EngineRecord> {
  return page.evaluate(() => {
    const record = (window as unknown as { __engine?: EngineRecord }).__engine;
    if (!record) throw new Error('the engine recorder is not installed');
    return record;
  });
}

/** Console lines SignalR prints during an outage by design (a connection that failed, or closed). */
const EXPECTED = [/Failed to complete negotiation/, /Failed to start the connection/, /Connection disconnected with error/, /WebSocket/, /Server timeout/];

/** Console errors and uncaught errors that no outage explains. */
export function unexpectedErrors(record: EngineRecord): string[] {
  return record.errors.filter((line) => !EXPECTED.some((pattern) => pattern.test(line)));
}
