// Keeps the README's names and texts honest by behaviour, not by reading src/: the built script
// tag runs in Chromium through every state it has (show, retrying, failed, hide, offline,
// rejected), once with a page modal and once with the default dialog, and what the library
// really did is compared with what the README says.
//
// The page modal starts with every `components-*` name the README mentions, both as a class on
// the modal and as the id of an empty span inside it. A class the library removes at its first
// state change is one it manages (Blazor 10's reserved `paused` and `resume-failed` included: it
// never adds them, but clears them); a class it adds, a span it writes into, and an event it
// dispatches on the modal are names it uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../browser/support/chromium';
import { readDialog, shownIn, waitForDialog } from '../browser/support/dialog-view';
import type { DialogView } from '../browser/support/dialog-view';
import { REPO_ROOT } from '../browser/support/site';
import { SLOW_STATES, uiPage } from '../browser/fixtures-ui/pages';
import { exhaustReloadGuard } from '../browser/fixtures-ui/probe';
import { useUiSuite } from '../browser/fixtures-ui/ui-suite';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const MODAL_ID = 'components-reconnect-modal';
const NAMED = [...new Set([...README.matchAll(/\bcomponents-[a-z]+(?:-[a-z]+)*/g)].map((match) => match[0]))];
const OPTIONS = '{ reconnectionOptions: { maxRetries: 2, retryIntervalMilliseconds: 300 } }';

/** What the library did to the page modal, recorded in the page (an init script, so from the start). */
interface ModalRecord {
  removed: string[];
  added: string[];
  written: string[];
  events: string[];
}

const modalMarkup = (): string => {
  const others = NAMED.filter((name) => name !== MODAL_ID);
  return `<div id="${MODAL_ID}" class="${others.join(' ')}">${others.map((name) => `<span id="${name}"></span>`).join('')}</div>`;
};

describe.skipIf(chromiumPath === undefined)('README names and texts, as the built library behaves', () => {
  const suite = useUiSuite({
    pages: {
      ...uiPage({ startScript: '/names.js', startOptions: OPTIONS, extraBody: modalMarkup() }),
      // The first attempt after 2 s: the plain "rejoining" text stays on screen long enough to read.
      ...uiPage({ startScript: '/texts.js', startOptions: `{ reconnectionOptions: ${SLOW_STATES} }` }),
    },
  });

  it('names only the classes, ids and events the library uses, and documents each of them', async () => {
    const { page, context } = await suite.open('/names.html', {
      beforeGoto: async (opening) => {
        await opening.addInitScript(
          ([modalId, initial]) => {
            const record: ModalRecord = { removed: [], added: [], written: [], events: [] };
            (window as unknown as { __names: ModalRecord }).__names = record;
            // Every event dispatched on the modal, whatever its name: wrap the one way to dispatch.
            const prototype = EventTarget.prototype;
            const dispatch = Object.getOwnPropertyDescriptor(prototype, 'dispatchEvent')?.value as (this: EventTarget, event: Event) => boolean;
            prototype.dispatchEvent = function (this: EventTarget, event: Event) {
              if (this instanceof Element && this.id === modalId) record.events.push(event.type);
              return dispatch.call(this, event);
            };
            // Diffs against the classes the markup gave, so a change made before the observer
            // runs is still seen.
            let last = new Set(initial);
            const watch = (modal: Element): void => {
              const diff = (): void => {
                const now = new Set(modal.classList);
                for (const name of last) if (!now.has(name)) record.removed.push(name);
                for (const name of now) if (!last.has(name)) record.added.push(name);
                last = now;
                for (const span of modal.querySelectorAll('span')) if (span.textContent !== '') record.written.push(span.id);
              };
              new MutationObserver(diff).observe(modal, { attributes: true, subtree: true, childList: true, characterData: true });
              diff();
            };
            const finder = new MutationObserver(() => {
              const modal = document.getElementById(modalId);
              if (!modal) return;
              finder.disconnect();
              watch(modal);
            });
            finder.observe(document, { childList: true, subtree: true });
          },
          [MODAL_ID, NAMED.filter((name) => name !== MODAL_ID)] as const,
        );
      },
    });
    const classes = async (): Promise<string[]> => page.evaluate((id) => [...(document.getElementById(id)?.classList ?? [])], MODAL_ID);
    const waitForClass = (name: string): Promise<unknown> =>
      page.waitForFunction(
        ([id, wanted]) => document.getElementById(id)?.classList.contains(wanted) === true,
        [MODAL_ID, name] as const,
        { timeout: 10_000 },
      );

    suite.hub.down(60_000);
    await waitForClass('components-reconnect-failed');
    suite.hub.reset();
    await page.evaluate(() => (window as unknown as { Blazor: { reconnect(): Promise<boolean> } }).Blazor.reconnect());
    await waitForClass('components-reconnect-hide');
    await context.setOffline(true);
    suite.hub.drop();
    await waitForClass('components-reconnect-offline');
    await context.setOffline(false);
    await waitForClass('components-reconnect-hide');
    suite.hub.restart();
    await waitForClass('components-reconnect-rejected');
    const final = await classes();

    const record = await page.evaluate(() => (window as unknown as { __names: ModalRecord }).__names);
    // One state class at a time: of the classes the library manages, only `rejected` is left.
    const managed = new Set([...record.removed, ...record.added]);
    expect(final.filter((name) => managed.has(name))).toEqual(['components-reconnect-rejected']);
    // The modal itself is found by its id (the default `dialogId`: the page set none).
    const used = new Set([MODAL_ID, ...record.removed, ...record.added, ...record.written, ...record.events]);
    expect(NAMED.filter((name) => !used.has(name)), 'named in the README, unknown to the library').toEqual([]);
    const documented = new Set(NAMED);
    const unlisted = [...new Set([...record.added, ...record.written, ...record.events])].filter((name) => !documented.has(name));
    expect(unlisted, 'used by the library, not in the README').toEqual([]);
    // The control: each kind was seen, so an empty difference means something.
    expect(record.added).toContain('components-reconnect-retrying');
    expect(record.written.length).toBeGreaterThan(0);
    expect(record.events.length).toBeGreaterThan(0);
  });

  it('quotes the default texts the dialog really shows', async () => {
    const { page, context } = await suite.open('/texts.html');
    const texts: string[] = [];
    const seen = async (check: (view: DialogView) => boolean, what: string): Promise<void> => {
      const view = await waitForDialog(page, check, what);
      texts.push(view.text);
      if (view.name !== null) texts.push(view.name);
    };

    suite.hub.down(60_000);
    await seen((view) => shownIn('show')(view) && !/\d/.test(view.text), 'rejoining');
    await seen(shownIn('failed'), 'failed');
    suite.hub.reset();
    await page.keyboard.press('Enter'); // Retry has focus
    await waitForDialog(page, (view) => !view.visible, 'hidden after Retry');
    await context.setOffline(true);
    suite.hub.drop();
    await seen(shownIn('offline'), 'offline');
    await context.setOffline(false);
    await waitForDialog(page, (view) => !view.visible, 'hidden when the network is back');
    await exhaustReloadGuard(page);
    suite.hub.restart();
    await seen(shownIn('rejected'), 'rejected');

    const distinct = [...new Set(texts)];
    // Title, rejoining, failed, offline, rejected: five texts, none empty.
    expect(distinct).toHaveLength(5);
    expect((await readDialog(page)).exists).toBe(true);
    for (const text of distinct) expect(README, text).toContain(text);
  });
});
