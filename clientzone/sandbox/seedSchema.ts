import { z } from 'zod';

const cyclePrices = z.object({
  monthly: z.number(),
  quarterly: z.number(),
  semiannually: z.number(),
  annually: z.number(),
  biennially: z.number(),
  triennially: z.number(),
});

const seedService = z.object({
  id: z.number().int(),
  pid: z.number().int(),
  domain: z.string(),
  status: z.string(),
  billingcycle: z.string(),
  /** Relative to the sandbox clock when the state is first created. */
  dueInDays: z.number().int(),
  accounts: z.number().int().optional(),
  paymentmethod: z.string(),
});

const seedClient = z.object({
  id: z.number().int(),
  firstname: z.string(),
  lastname: z.string(),
  companyname: z.string(),
  email: z.string(),
  language: z.enum(['indonesian', 'english']),
  city: z.string(),
  phonenumber: z.string(),
  demoLabel: z.string(),
  services: z.array(seedService),
});

const seedPendingUpgrade = z.object({
  serviceId: z.number().int(),
  newProductId: z.number().int(),
  newBillingCycle: z.string(),
  placedDaysAgo: z.number().int().min(0),
});

const seedRenewalInvoice = z.object({
  serviceId: z.number().int(),
  issuedDaysBeforeDue: z.number().int().min(0),
});

export const seedFixtureSchema = z.object({
  currency: z.object({ id: z.number(), code: z.string(), prefix: z.string(), suffix: z.string() }),
  gateways: z.array(z.object({ module: z.string(), name: z.string() })),
  productGroups: z.array(z.object({ id: z.number().int(), name: z.string() })),
  configOptions: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      optionType: z.number().int(),
      minQty: z.number().int(),
      maxQty: z.number().int(),
      subOptionId: z.number().int(),
      subOptionName: z.string(),
      pricing: cyclePrices,
    }),
  ),
  products: z.array(
    z.object({
      pid: z.number().int(),
      gid: z.number().int(),
      type: z.string(),
      name: z.string(),
      description: z.string(),
      module: z.string(),
      pricing: cyclePrices,
      configOptionIds: z.array(z.number().int()),
    }),
  ),
  departments: z.array(z.object({ id: z.number().int(), name: z.string() })),
  clients: z.array(seedClient),
  pendingUpgrades: z.array(seedPendingUpgrade),
  renewalInvoices: z.array(seedRenewalInvoice),
});

export type SeedFixture = z.infer<typeof seedFixtureSchema>;
export type SeedClient = z.infer<typeof seedClient>;
export type SeedService = z.infer<typeof seedService>;
