import { start } from 'circuit-reconnect';

const status = document.getElementById('module-status');

start({
  circuitHandshake: false,
  configureSignalR: (builder) => builder.withUrl('/hub'),
}).then(
  () => {
    status.textContent = 'Connected to /hub (no circuit).';
  },
  (error) => {
    status.textContent = `start() failed: ${error instanceof Error ? error.message : String(error)}`;
  },
);
