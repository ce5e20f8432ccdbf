// The demo's control panel: buttons that break the hub on purpose (POST /control/*), the hub's
// status, and an on-page log of each action. Same-origin file, DOM built with createElement and
// textContent only, so every page works under `Content-Security-Policy: default-src 'self'`.
//
// While the library's default dialog is open it is modal and the rest of the page is inert (that
// is the point of a modal); so the panel moves into that dialog while it is open (its shadow root
// is open, and takes the panel's stylesheet), and back to the body when it closes: the buttons
// stay usable. "Pop out" drives the faults from a second window instead.
(() => {
  const ACTIONS = [
    { label: 'Drop', path: 'drop', title: 'Close every hub socket abruptly (like a network cut)' },
    { label: 'Down 10 s', path: 'down?seconds=10&extend=true', title: 'Refuse negotiations and WebSockets with 503 for 10 s (pressed again: 10 s more)' },
    { label: 'Down 60 s', path: 'down?seconds=60&extend=true', title: 'Refuse negotiations and WebSockets with 503 for 60 s (pressed again: 60 s more)' },
    { label: 'Restart', path: 'restart', title: 'Forget every circuit and drop sockets: reconnection is rejected' },
    { label: 'Reject next', path: 'reject-next', title: 'The next ConnectCircuit answers false' },
    { label: 'Slow 2 s', path: 'slow?ms=2000', title: 'Delay every hub frame by 2 s, both directions' },
    { label: 'Slow off', path: 'slow?ms=0', title: 'Frames at full speed again' },
    { label: 'Flap 10 s', path: 'flap?seconds=10', title: 'Drop every second for 10 s' },
    { label: 'Refuse starts', path: 'refuse-starts?on=true', title: 'StartCircuit answers null (reload to see it)' },
    { label: '401 on /hub', path: 'reject-negotiation?status=401&path=/hub', title: 'Negotiation on the stateless hub answers 401' },
    { label: 'Close gracefully', path: 'close?error=Server%20maintenance', title: 'A Close message with an error, then a normal close' },
    { label: 'Reset', path: 'reset', title: 'Clear every fault and the hub log' },
  ];
  const STATUS_EVERY_MS = 1000;
  /** "1 connection", "2 connections". */
  const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const standalone = document.body.dataset.panel === 'standalone';
  const panel = el('section', 'demo-panel');
  panel.setAttribute('aria-label', 'Demo server controls');
  if (standalone) panel.classList.add('demo-panel--standalone');

  const header = el('div', 'demo-panel__header');
  const title = el('h2', 'demo-panel__title', 'Demo server');
  const status = el('span', 'demo-panel__status', '…');
  status.setAttribute('role', 'status');
  header.append(title, status);
  if (!standalone) {
    const popOut = el('a', 'demo-panel__link', 'Pop out');
    popOut.href = '/panel.html';
    popOut.target = 'demo-panel';
    popOut.title = 'Open the controls in another window, usable while the reconnect dialog is modal';
    const toggle = el('button', 'demo-panel__toggle', 'Hide');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'true');
    toggle.addEventListener('click', () => {
      const collapsed = panel.classList.toggle('demo-panel--collapsed');
      toggle.textContent = collapsed ? 'Show' : 'Hide';
      toggle.setAttribute('aria-expanded', String(!collapsed));
    });
    header.append(popOut, toggle);
  }

  const buttons = el('div', 'demo-panel__buttons');
  for (const action of ACTIONS) {
    const button = el('button', 'demo-panel__button', action.label);
    button.type = 'button';
    button.title = action.title;
    button.addEventListener('click', () => {
      void run(action);
    });
    buttons.append(button);
  }

  const log = el('ol', 'demo-panel__log');
  log.setAttribute('aria-label', 'Actions');
  panel.append(header, buttons, log);
  document.body.append(panel);

  function note(text, failed = false) {
    const item = el('li', failed ? 'demo-panel__entry demo-panel__entry--failed' : 'demo-panel__entry');
    const time = el('time', 'demo-panel__time', new Date().toLocaleTimeString());
    time.dateTime = new Date().toISOString();
    item.append(time, document.createTextNode(` ${text}`));
    log.prepend(item);
    while (log.children.length > 50) log.lastElementChild.remove();
  }

  async function run(action) {
    try {
      const response = await fetch(`/control/${action.path}`, { method: 'POST' });
      const body = await response.json();
      note(response.ok ? action.label : `${action.label}: ${body.error ?? response.status}`, !response.ok);
    } catch (error) {
      note(`${action.label}: demo server unreachable (${error instanceof Error ? error.message : String(error)})`, true);
    }
    void refreshStatus();
  }

  async function refreshStatus() {
    try {
      const response = await fetch('/control/status', { cache: 'no-store' });
      const s = await response.json();
      const faults = [
        s.faults.down ? `down ${Math.ceil(s.faults.downRemainingMs / 1000)} s` : '',
        s.faults.slowMs > 0 ? `slow ${s.faults.slowMs} ms` : '',
        s.faults.flapping ? 'flapping' : '',
        s.faults.rejectNext > 0 ? `reject next ×${s.faults.rejectNext}` : '',
        s.faults.refuseStarts ? 'refusing starts' : '',
        ...Object.entries(s.faults.negotiateStatus).map(([path, code]) => `${path === '*' ? 'all' : path} → ${code}`),
      ].filter(Boolean);
      // What each number counts, said plainly: hub sockets; circuits with a live connection; and
      // circuits the server still holds for a reconnect (a reloaded page leaves its old one there).
      const held = s.circuits - s.connectedCircuits;
      const counts = [count(s.connections, 'connection'), `${count(s.connectedCircuits, 'circuit')} connected`];
      if (held > 0) counts.push(`${held} held for a reconnect`);
      status.textContent = `${counts.join(', ')}${faults.length ? ` · ${faults.join(', ')}` : ''}`;
    } catch {
      status.textContent = 'demo server unreachable';
    }
  }

  if (!standalone) followModalDialog();

  /** Keeps the panel inside the default dialog while it is open: the one place that is not inert. */
  function followModalDialog() {
    const dialogOpen = new MutationObserver(place);
    const hostAdded = new MutationObserver(watch);
    let watched = null;
    function watch() {
      const dialog = document.querySelector('[data-reconnect-dialog]')?.shadowRoot?.querySelector('dialog');
      if (!dialog || dialog === watched) return;
      watched = dialog;
      // The panel's own look, inside the shadow root (a same-origin stylesheet: CSP allows it).
      const sheet = el('link');
      sheet.rel = 'stylesheet';
      sheet.href = '/panel.css';
      dialog.getRootNode().prepend(sheet);
      dialogOpen.observe(dialog, { attributes: true, attributeFilter: ['open'] });
      place();
    }
    function place() {
      const home = watched?.open ? watched : document.body;
      if (panel.parentNode !== home) home.append(panel);
    }
    hostAdded.observe(document.body, { childList: true });
    watch();
  }

  void refreshStatus();
  setInterval(() => {
    if (document.visibilityState === 'visible') void refreshStatus();
  }, STATUS_EVERY_MS);
})();
