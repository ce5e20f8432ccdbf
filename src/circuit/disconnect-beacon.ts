/**
 * Tells the server the page is gone so it can free the circuit at once instead of keeping it for
 * the retention period: `POST <hub url>/disconnect` with a form field `circuitId`, as Blazor does.
 * A beacon survives the page unloading; the circuit id travels in the body, never in the URL.
 * @returns whether the browser queued the beacon.
 */
export function sendDisconnectBeacon(nav: Navigator, hubUrl: string, circuitId: string): boolean {
  if (typeof nav.sendBeacon !== 'function') return false;
  const body = new FormData();
  body.append('circuitId', circuitId);
  try {
    const url = new URL(hubUrl);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/disconnect`;
    return nav.sendBeacon(url.href, body);
  } catch {
    return false;
  }
}
