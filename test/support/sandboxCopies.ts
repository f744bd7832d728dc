import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSeedFile, loadSeedFixture } from '../../clientzone/sandbox/seed.js';

/** Demo client 1001: one Active OX Mail Starter (annual, 5 accounts) and a web hosting service. */
const TEMPLATE_CLIENT_ID = 1001;
const TEMPLATE_SERVICE_ID = 2001;
const FIRST_COPY_ID = 200_001;
const FIRST_COPY_SERVICE_ID = 400_001;

export interface CopiedClient {
  clientId: number;
  /** The copy's OX Mail Starter service. */
  serviceId: number;
}

/**
 * Writes a sandbox seed of the demo data plus `copies` copies of demo client 1001, so every
 * conversation of a test can upgrade a service of its own. Returns the seed file and the copies.
 */
export function writeSeedWithCopies(
  dir: string,
  copies: number,
): { seedFile: string; clients: CopiedClient[] } {
  const fixture = loadSeedFixture(defaultSeedFile());
  const template = fixture.clients.find((client) => client.id === TEMPLATE_CLIENT_ID);
  if (!template) throw new Error(`the sandbox seed has no demo client ${TEMPLATE_CLIENT_ID}`);
  const perClient = template.services.length;
  const extra = Array.from({ length: copies }, (_, i) => ({
    ...template,
    id: FIRST_COPY_ID + i,
    email: `copy${i}@example.id`,
    services: template.services.map((service, j) => ({
      ...service,
      id: FIRST_COPY_SERVICE_ID + i * perClient + j,
      domain: `copy${i}.${service.domain}`,
    })),
  }));
  const seedFile = path.join(dir, 'seed-with-copies.json');
  writeFileSync(seedFile, JSON.stringify({ ...fixture, clients: [...fixture.clients, ...extra] }));
  const starterIndex = template.services.findIndex((s) => s.id === TEMPLATE_SERVICE_ID);
  const clients = extra.map((client) => ({
    clientId: client.id,
    serviceId: client.services[starterIndex]?.id ?? 0,
  }));
  return { seedFile, clients };
}
