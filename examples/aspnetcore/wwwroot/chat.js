// The chat page's script: the script tag (loaded before this module, autostart="false") installs
// window.Blazor; start() connects to the plain /chat hub and resolves to the Circuit handle.
const $ = (id) => document.getElementById(id);
const showState = (state) => {
  $('state').textContent = state;
  $('send').disabled = state !== 'connected';
};

const circuit = await window.Blazor.start({
  circuitHandshake: false, // a plain hub: a new connection is a reconnect, no circuit to resume
  configureSignalR: (builder) => builder.withUrl('/chat').withStatefulReconnect(),
});
// Registered once: the library puts it on every connection a reconnect makes, before it starts.
circuit.on('Message', (user, text) => {
  $('messages').append(Object.assign(document.createElement('li'), { textContent: `${user}: ${text}` }));
});
showState(circuit.state);
circuit.onStateChange(showState); // connected, reconnecting, offline, failed, unauthorized…

$('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await circuit.invoke('Send', $('user').value, $('text').value);
    $('text').value = '';
    $('problem').textContent = '';
  } catch (error) {
    // NotConnectedError while down: nothing was sent or queued, so the text stays to send again.
    $('problem').textContent = error.name === 'NotConnectedError' ? `Not sent: the chat is ${error.state}.` : `Not sent: ${error.message}`;
  }
});
