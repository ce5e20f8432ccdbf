// The modal's buttons, wired without inline handlers (strict CSP). Retry asks the library to
// reconnect now; if the server answers that the circuit is gone, or Reload is pressed, the page
// starts over with a new circuit.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('#components-reconnect-modal [data-action]') : null;
  if (button === null) return;
  if (button.getAttribute('data-action') === 'reload') {
    location.reload();
    return;
  }
  window.Blazor.reconnect().then(
    (connected) => {
      if (!connected) location.reload();
    },
    () => {
      // Still unreachable: the modal stays in its failed state; try again later.
    },
  );
});
