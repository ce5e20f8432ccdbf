// The chat page's script: the script tag (loaded before this module, autostart="false") installs
// window.Blazor; start() connects to the plain /chat hub and resolves to the Circuit handle.
const stateOutput = document.getElementById('state');
const messages = document.getElementById('messages');
const compose = document.getElementById('compose');
const sendButton = document.getElementById('send');
const problem = document.getElementById('problem');

const circuit = await window.Blazor.start({
  // A plain hub: a reconnect succeeds when a new connection starts (no circuit to resume).
  circuitHandshake: false,
  configureSignalR: (builder) => builder.withUrl('/chat'),
});

// Registered once: the library puts it on every connection a reconnect makes, before it starts.
circuit.on('Message', (user, text) => {
  const item = document.createElement('li');
  item.textContent = `${user}: ${text}`;
  messages.append(item);
});

const showState = (state) => {
  stateOutput.textContent = state;
  sendButton.disabled = state !== 'connected';
};
showState(circuit.state);
circuit.onStateChange(showState);

compose.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = document.getElementById('text');
  try {
    await circuit.invoke('Send', document.getElementById('user').value, text.value);
    text.value = '';
    problem.textContent = '';
  } catch (error) {
    // NotConnectedError while down: nothing was sent, so the text stays in the box to send again.
    problem.textContent = error.name === 'NotConnectedError' ? `Not sent: the chat is ${error.state}.` : `Not sent: ${error.message}`;
  }
});
