/**
 * What the app root lends its controllers: the session, the one error surface, the user's
 * language and name, and the host's clock. Controllers handle a view's events on the root, so
 * only the root (with its controllers) talks to the engine and the workbook port.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../../../engine/index.js';
import type { Notify } from '../run-action.js';
import type { PlannerSession } from '../session.js';

/** The root as its controllers see it. */
export interface AppLink extends ReactiveControllerHost, EventTarget {
  readonly session: PlannerSession;
  readonly notify: Notify;
  readonly uiLang: Lang;
  readonly userName: string;
  /** Today as `YYYY-MM-DD`. */
  today(): string;
  /** Now as an ISO 8601 timestamp to the minute (`2025-05-12T10:15`). */
  nowIso(): string;
  /** Runs an async action through the one helper (busy mark, errors on the notifier). */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  /** Tells the root that the session's data changed (the views re-render). */
  changed(): void;
}

/** Listens to events on the root while it is connected. */
export function listen<K extends keyof HTMLElementEventMap>(
  host: EventTarget,
  name: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): () => void {
  const listener = (event: Event) => handler(event as HTMLElementEventMap[K]);
  host.addEventListener(name, listener);
  return () => host.removeEventListener(name, listener);
}
