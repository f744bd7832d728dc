import { EventEmitter } from 'node:events';

/** What the staff console hears about (server-sent events). */
export type StaffEvent =
  | { type: 'queue'; data: unknown }
  | { type: 'conversation'; data: unknown }
  | { type: 'message'; data: unknown }
  | { type: 'typing'; data: unknown };

/**
 * The in-process bus between the bot and connected consoles. Issue E relays it across
 * replicas (LISTEN/NOTIFY); everything publishes and subscribes through this one seam.
 */
export class HandoffEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(500);
  }

  publish(event: StaffEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: StaffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
