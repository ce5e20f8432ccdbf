/**
 * Adds an event listener and returns the function that removes it, so whoever adds a listener
 * holds exactly what releases it (and a list of these is all a `dispose()` needs).
 */
export function listen(
  target: EventTarget,
  type: string,
  // `never` accepts a listener of any event subtype; the caller names the event it expects.
  listener: (event: never) => void,
  // `true` for the capture phase; an object adds `passive` (scroll-blocking events).
  capture: boolean | AddEventListenerOptions = false,
): () => void {
  const handler = listener as EventListener;
  target.addEventListener(type, handler, capture);
  return () => {
    target.removeEventListener(type, handler, capture);
  };
}
