// A form like the ones users half-fill, built with createElement as the library's own DOM is.
import { vi } from 'vitest';
import { recordKey } from '../../../../src/dom/preserve-input/input-record';

export { MemoryStorage } from '../../ui/helpers';

type Attributes = Record<string, string>;

/** Appends an element with attributes to a parent; returns it. */
export function add<K extends keyof HTMLElementTagNameMap>(
  parent: Element,
  tag: K,
  attributes: Attributes = {},
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  parent.append(element);
  return element;
}

/** A contact form: text, email, textarea, select, checkbox, radios, a password and a hidden token. */
export function buildForm(parent: Element = document.body) {
  const form = add(parent, 'form');
  const name = add(form, 'input', { id: 'name', type: 'text' });
  const email = add(form, 'input', { name: 'email', type: 'email' });
  const message = add(form, 'textarea', { name: 'message' });
  const topic = add(form, 'select', { name: 'topic' });
  for (const value of ['sales', 'support']) add(topic, 'option', { value }).textContent = value;
  const subscribe = add(form, 'input', { name: 'subscribe', type: 'checkbox' });
  const plans = ['free', 'pro'].map((value) => add(form, 'input', { name: 'plan', type: 'radio', value }));
  const password = add(form, 'input', { name: 'password', type: 'password' });
  const token = add(form, 'input', { name: 'token', type: 'hidden', value: 'secret-token' });
  return { form, name, email, message, topic, subscribe, plans, password, token };
}

/** Types into a form as a user would (values only: the page's defaults stay). */
export function fillForm(fields: ReturnType<typeof buildForm>) {
  fields.name.value = 'Ada';
  fields.email.value = 'ada@example.com';
  fields.message.value = 'Half a message';
  fields.topic.value = 'support';
  fields.subscribe.checked = true;
  const [, pro] = fields.plans;
  if (pro) pro.checked = true;
  fields.password.value = 'hunter2';
}

/** The saved record of this document's URL, parsed; `undefined` when none. */
export function savedRecord(storage: Storage): unknown {
  const raw = storage.getItem(recordKey(document));
  return raw === null ? undefined : JSON.parse(raw);
}

/** jsdom has no layout: scrolling is a no-op it reports as "not implemented". */
export function stubScroll() {
  return vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
}

/** Lets MutationObserver callbacks (microtasks) run. */
export const flushObservers = () => new Promise<void>((resolve) => {
  queueMicrotask(resolve);
});
