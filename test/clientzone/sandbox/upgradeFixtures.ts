/** Sari's Business monthly service (10 accounts, due in 20 days) to Enterprise monthly. */
export const SARI_TO_ENTERPRISE = {
  serviceid: 2003,
  type: 'product',
  newproductid: 3,
  newproductbillingcycle: 'monthly',
  paymentmethod: 'banktransfer',
};

export const UNPAID_UPGRADE_MESSAGE =
  'Unable to accept upgrade order. Previous upgrade invoice for service is still unpaid.';

export interface ProductQuote {
  result: string;
  price: string;
  daysuntilrenewal: number;
  totaldays: number;
  newproductname: string;
  upgradeinprogress: number;
}

export interface PlacedUpgrade extends ProductQuote {
  orderid: number;
  order_number: number;
  invoiceid: number | null;
}

export interface InvoiceDetail {
  status: string;
  duedate: string;
  total: string;
  items: { item: { type: string; relid: string; description: string; amount: string }[] };
}

export interface ServiceRows {
  products: { product: Record<string, unknown>[] };
}
