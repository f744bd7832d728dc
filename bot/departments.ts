import type { ClientzoneApi } from '../clientzone/clientzoneApi.js';
import type { SupportDepartment } from '../clientzone/types.js';

/** Clientzone's support departments by role, looked up once by name unless configured. */
export class Departments {
  private list: Promise<SupportDepartment[]> | null = null;

  constructor(
    private readonly api: ClientzoneApi,
    private readonly billingDepartmentId: number | null,
  ) {}

  /** CLIENTZONE_BILLING_DEPARTMENT_ID, else the department named Billing. */
  async billing(signal?: AbortSignal): Promise<number> {
    if (this.billingDepartmentId !== null) return this.billingDepartmentId;
    return this.byName(['billing'], signal);
  }

  /** The general support department (technical support), else the first one. */
  async support(signal?: AbortSignal): Promise<number> {
    return this.byName(['technical support', 'support', 'customer service'], signal, true);
  }

  private async byName(names: string[], signal?: AbortSignal, orFirst = false): Promise<number> {
    this.list ??= this.api.getSupportDepartments({ signal });
    const departments = await this.list.catch((error: unknown) => {
      this.list = null;
      throw error;
    });
    const found = departments.find((d) => names.includes(d.name.trim().toLowerCase()));
    const chosen = found ?? (orFirst ? departments[0] : undefined);
    if (!chosen) throw new Error(`Clientzone has no department named ${names[0]}`);
    return chosen.id;
  }
}
