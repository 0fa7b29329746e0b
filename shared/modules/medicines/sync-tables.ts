import { register, type SyncTableDeclarations } from '../../sync/tables.ts';

/**
 * The catalogue is the chain's: every clinic of the organization sees and edits the same products
 * and barcodes, so they are registers (last writer per column) scoped by their organization column.
 * What each clinic charges is its own: a register scoped by its clinic column.
 */
export const medicineSyncTables = {
  medicine_products: register({ by: 'organization', organizationColumn: 'organization_id' }, 'id', { organizationColumn: 'organization_id' }),
  medicine_barcodes: register({ by: 'organization', organizationColumn: 'organization_id' }, 'id', { organizationColumn: 'organization_id' }),
  medicine_clinic_settings: register({ by: 'column', column: 'clinic_id' }),
} as const satisfies SyncTableDeclarations;
