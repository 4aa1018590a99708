// Zoom's wire shapes, only the fields this adapter reads or writes.

export interface ZoomCreatedAccount {
  id: string;
  owner_id?: string;
  owner_email: string;
  created_at: string;
}

export interface ZoomAccount {
  id: string;
  account_name?: string;
  owner_id?: string;
  owner_email: string;
  created_at: string;
  account_number?: string | number;
  options?: { pay_mode?: 'master' | 'sub' };
}

export interface ZoomAccountListPage {
  next_page_token?: string;
  accounts?: ZoomAccount[];
}

export interface ZoomPlanBase {
  type: string;
  hosts: number;
  service_effective_date?: string;
  next_invoice_date?: string;
  status?: 'active' | 'cancelled' | 'expired';
}

export interface ZoomPlans {
  plan_base?: ZoomPlanBase;
}

export interface ZoomPlanUsage {
  plan_base?: { type: string; hosts: number; usage?: number; pending?: number };
}

export interface ZoomContact {
  first_name: string;
  last_name: string;
  email: string;
  phone_number?: string;
  address?: string;
  city?: string;
  state?: string;
  zip?: string;
  country: string;
}
