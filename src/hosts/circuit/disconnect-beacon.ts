/**
 * Tells the server the page is gone so it can free the circuit at once instead of keeping it for
 * the retention period: `POST <hub url>/disconnect` with a form field `circuitId`, as Blazor does.
 * A beacon survives the page unloading; the circuit id travels in the body, never in the URL.
 * `/disconnect` goes at the end of the hub URL's path (the connection's absolute `baseUrl`),
 * before any query or fragment, in place of trailing slashes.
 */
export function sendDisconnectBeacon(nav: Navigator, hubUrl: string, circuitId: string): void {
  try {
    const body = new FormData();
    body.append('circuitId', circuitId);
    nav.sendBeacon(hubUrl.replace(/\/*(?=[?#]|$)/, '/disconnect'), body);
  } catch {
    // No `sendBeacon` (non-browser hosts) or a URL it refuses: the server's retention period
    // frees the circuit instead.
  }
}
