/**
 * The context community protocol (the `context-request` / `context-provider` events that
 * `@lit/context` speaks), cut to what the widgets use: one provider value, consumers that
 * subscribe, and a root that holds requests made before any provider exists. Written
 * here rather than taken from `@lit/context` because the script-tag entry has a hard
 * size budget and this is a third of the size; it speaks the same events, so a widget
 * still finds a provider made with `@lit/context` (another bundle, a site's own element)
 * and the reverse.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Callback<T> = (value: T, unsubscribe?: () => void) => void;
type Host = ReactiveControllerHost & HTMLElement;

/** A consumer asks up the tree; the nearest provider of the same context answers. */
class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
    readonly callback: Callback<T>,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** A provider arrived: a root (or an outer provider) hands its waiting consumers over. */
class ContextProviderEvent extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

const targetOf = (e: Event & { contextTarget?: Element }): EventTarget | undefined =>
  e.contextTarget ?? e.composedPath()[0];

/** Answers requests for `context` from inside `host`, and tells subscribers of each new value. */
export class ContextProvider<T> implements ReactiveController {
  /** Subscribed callbacks, each with its unsubscribe and its consumer element. */
  readonly #subscribers = new Map<Callback<T>, [() => void, Element]>();
  readonly #host: Host;
  readonly #context: unknown;
  #value: T;

  constructor(host: Host, context: unknown, value: T) {
    this.#host = host;
    this.#context = context;
    this.#value = value;
    host.addEventListener('context-request', (e) => {
      const ev = e as ContextRequestEvent<T>;
      const consumer = targetOf(ev);
      if (ev.context !== context || consumer === host) return;
      ev.stopPropagation();
      const callback = ev.callback;
      if (!ev.subscribe) return callback(this.#value);
      let entry = this.#subscribers.get(callback);
      if (!entry) {
        entry = [() => this.#subscribers.delete(callback), consumer as Element];
        this.#subscribers.set(callback, entry);
      }
      callback(this.#value, entry[0]);
    });
    // A provider connected inside this one: its consumers ask again, and it answers them.
    host.addEventListener('context-provider', (e) => {
      const ev = e as ContextProviderEvent;
      if (ev.context !== context || targetOf(ev) === host) return;
      ev.stopPropagation();
      for (const [callback, [, consumer]] of [...this.#subscribers])
        consumer.dispatchEvent(new ContextRequestEvent(context, consumer, callback, true));
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.dispatchEvent(new ContextProviderEvent(this.#context, this.#host));
  }

  /** Hands a new value to every subscriber (none when it is the same value). */
  setValue(value: T): void {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    for (const [callback, [unsubscribe]] of [...this.#subscribers]) callback(value, unsubscribe);
  }
}

/** Subscribes its host to the nearest provider of `context`, while the host is on the page. */
export class ContextConsumer<T> implements ReactiveController {
  readonly #host: Host;
  readonly #context: unknown;
  readonly #onValue: (value: T) => void;
  #unsubscribe?: () => void;

  constructor(host: Host, context: unknown, onValue: (value: T) => void) {
    this.#host = host;
    this.#context = context;
    this.#onValue = onValue;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.dispatchEvent(
      new ContextRequestEvent(this.#context, this.#host, this.#callback, true),
    );
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  readonly #callback = (value: T, unsubscribe?: () => void): void => {
    // Answered by another provider now (the host moved): leave the old one.
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.#onValue(value);
    this.#host.requestUpdate();
  };
}

/**
 * Holds the subscribing requests that reached `root` unanswered and asks them again
 * when a provider of their context appears.
 */
export function attachContextRoot(root: Element): void {
  type Pending = [WeakRef<Element>, WeakRef<Callback<unknown>>];
  /** By context: the requests waiting, and which callbacks each element already has there. */
  const waiting = new Map<unknown, { list: Pending[]; seen: WeakMap<Element, Set<unknown>> }>();
  root.addEventListener('context-request', (e) => {
    const ev = e as ContextRequestEvent<unknown>;
    if (ev.subscribe !== true) return;
    const element = targetOf(ev) as Element;
    let entry = waiting.get(ev.context);
    if (!entry) waiting.set(ev.context, (entry = { list: [], seen: new WeakMap() }));
    let callbacks = entry.seen.get(element);
    if (!callbacks) entry.seen.set(element, (callbacks = new Set()));
    if (callbacks.has(ev.callback)) return;
    callbacks.add(ev.callback);
    entry.list.push([new WeakRef(element), new WeakRef(ev.callback)]);
  });
  root.addEventListener('context-provider', (e) => {
    const ev = e as ContextProviderEvent;
    const entry = waiting.get(ev.context);
    if (!entry) return;
    waiting.delete(ev.context);
    for (const [elementRef, callbackRef] of entry.list) {
      const element = elementRef.deref();
      const callback = callbackRef.deref();
      if (element && callback)
        element.dispatchEvent(new ContextRequestEvent(ev.context, element, callback, true));
    }
  });
}
