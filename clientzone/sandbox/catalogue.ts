import type { CycleKey } from './billingCycles.js';
import type {
  ClientRecord,
  ConfigOptionRecord,
  InvoiceRecord,
  ProductRecord,
  SandboxState,
  ServiceRecord,
} from './sandboxState.js';

export function findClient(state: SandboxState, id: number): ClientRecord | undefined {
  return state.clients.find((client) => client.id === id);
}

export function findService(state: SandboxState, id: number): ServiceRecord | undefined {
  return state.services.find((service) => service.id === id);
}

export function findProduct(state: SandboxState, pid: number): ProductRecord | undefined {
  return state.products.find((product) => product.pid === pid);
}

export function findInvoice(state: SandboxState, id: number): InvoiceRecord | undefined {
  return state.invoices.find((invoice) => invoice.id === id);
}

export function requireProduct(state: SandboxState, pid: number): ProductRecord {
  const product = findProduct(state, pid);
  if (!product) throw new Error(`Seed or state refers to unknown product ${pid}`);
  return product;
}

export function groupName(state: SandboxState, gid: number): string {
  return state.productGroups.find((group) => group.id === gid)?.name ?? '';
}

export function gatewayName(state: SandboxState, module: string): string {
  return state.gateways.find((gateway) => gateway.module === module)?.name ?? '';
}

export function productConfigOptions(
  state: SandboxState,
  product: ProductRecord,
): ConfigOptionRecord[] {
  return state.configOptions.filter((option) => product.configOptionIds.includes(option.id));
}

export function isCycleOffered(product: ProductRecord, cycle: CycleKey): boolean {
  return product.pricing[cycle] >= 0;
}

/** Package price plus each quantity option's unit price times the quantity, for one cycle. */
export function recurringPrice(
  state: SandboxState,
  product: ProductRecord,
  cycle: CycleKey,
  quantities: Record<string, number>,
): number {
  const options = productConfigOptions(state, product);
  const optionsTotal = options.reduce(
    (sum, option) => sum + Math.max(option.pricing[cycle], 0) * (quantities[option.id] ?? 0),
    0,
  );
  return Math.max(product.pricing[cycle], 0) + optionsTotal;
}
