import { EventEmitter } from 'node:events';

/** What the staff console hears about (server-sent events). */
export type StaffEvent =
  | { type: 'queue'; data: unknown }
  | { type: 'conversation'; data: unknown }
  | { type: 'message'; data: unknown }
  | { type: 'typing'; data: unknown };

/**
 * The bus between the bot and connected consoles. Events published here also go to the relays
 * (other replicas, through PostgreSQL LISTEN/NOTIFY); events a relay receives are only re-emitted
 * to this process's consoles.
 */
export class HandoffEvents {
  private readonly emitter = new EventEmitter();
  private readonly relays: ((event: StaffEvent) => void)[] = [];

  constructor() {
    this.emitter.setMaxListeners(500);
  }

  publish(event: StaffEvent): void {
    this.emitter.emit('event', event);
    for (const relay of this.relays) relay(event);
  }

  /** An event another replica published. */
  receive(event: StaffEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: StaffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  addRelay(relay: (event: StaffEvent) => void): void {
    this.relays.push(relay);
  }
}
