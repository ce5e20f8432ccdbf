(() => {
  const events = document.getElementById('events');

  const show = (text) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
    events.append(item);
  };

  let retryTimer = null;

  const retry = () => {
    retryTimer = setTimeout(async () => {
      try {
        const connected = await Blazor.reconnect();
        show(connected ? 'Blazor.reconnect() → true' : 'Blazor.reconnect() → false: the server lost the circuit; reload to start over');
        retryTimer = null;
      } catch (error) {
        show(`Blazor.reconnect() failed (${error instanceof Error ? error.message : String(error)}); again in 2 s`);
        retry();
      }
    }, 2000);
  };

  Blazor.start({
    reconnectionHandler: {
      onConnectionDown: (options, error) => {
        show(`onConnectionDown(${error ? error.message : 'no error'})`);
        if (retryTimer === null) retry();
      },
      onConnectionUp: () => {
        show('onConnectionUp()');
        clearTimeout(retryTimer);
        retryTimer = null;
      },
    },
  }).then(
    () => show('Blazor.start() resolved: circuit started'),
    (error) => show(`Blazor.start() failed: ${error instanceof Error ? error.message : String(error)}`),
  );
})();
