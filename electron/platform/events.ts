import type { ClinicId, UserId } from '#shared/domain/ids.ts';
import type { ServerEvent } from '#shared/api/events.ts';

/** Who an event is for: everyone working in a clinic, or one user's sessions. */
export type EventAudience = { readonly clinicId: ClinicId | null } | { readonly userId: UserId };

export type EventListener = (event: ServerEvent, audience: EventAudience) => void;

export class EventBus {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: ServerEvent, audience: EventAudience): void {
    for (const listener of this.#listeners) listener(event, audience);
  }
}
