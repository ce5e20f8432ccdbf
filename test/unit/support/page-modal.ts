// The page's own modal (`#components-reconnect-modal`), recording the state events Blazor's
// template listens to: `show`, `paused remote=false`, `hide`…
import { STATE_CHANGED_EVENT } from '../../../src/ui/constants';
import type { ReconnectStateChangedDetail } from '../../../src/ui/display-state';

export function pageModal(): string[] {
  const modal = document.createElement('dialog');
  modal.id = 'components-reconnect-modal';
  document.body.append(modal);
  const states: string[] = [];
  modal.addEventListener(STATE_CHANGED_EVENT, (event) => {
    const { state, remote } = (event as CustomEvent<ReconnectStateChangedDetail>).detail;
    states.push(remote === undefined ? state : `${state} remote=${String(remote)}`);
  });
  return states;
}
