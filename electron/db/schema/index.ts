// The workstation's whole drizzle schema: drizzle-kit generates the migrations from this list and
// the Db type is built from it. The core's own tables live beside this file; each module's
// tables live in electron/modules/<name>/, listed here once like every other registry.

// The core: the audit trail, this workstation, local settings, number references, sync.
export { auditLog } from './audit.ts';
export { devices } from './devices.ts';
export { displayLinks, localMeta, signInThrottle } from './local.ts';
export { numberBlocks, provisionalReferences, referenceUsage, tokenCounters } from './references.ts';
export { syncConflictChecks, syncConflicts, syncOutbox, syncOutboxAcks, syncOutboxTxns, syncParked, syncRejections, syncState } from './sync.ts';

// The modules.
export { clinics, organizations } from '../../modules/clinics/tables.ts';
export { memberships } from '../../modules/users/membership-tables.ts';
export { users } from '../../modules/users/tables.ts';
export { doctorProfiles, scheduleExceptions, weeklySchedules } from '../../modules/doctors/tables.ts';
export { patientAllergies, patientClinics, patientConditions, patients } from '../../modules/patients/tables.ts';
export { appointmentEvents, appointments } from '../../modules/appointments/tables.ts';
export { queueEntries } from '../../modules/queue/tables.ts';
export { encounterBillableItems, encounterDiagnoses, encounterNoteDrafts, encounterNotes, encounterVitals, encounters, noteTemplates } from '../../modules/consultation/tables.ts';
export { diagnosisCodeSets, diagnosisCodes } from '../../modules/diagnosis-codes/tables.ts';
export { medicineBarcodes, medicineClinicSettings, medicineInteractions, medicineProducts } from '../../modules/medicines/tables.ts';
export { stockBatches, stockBatchTotals, stockGoodsReceipts, stockMovements, stockSuppliers } from '../../modules/stock/tables.ts';
export { prescriptionDraftLines, prescriptionLines, prescriptions } from '../../modules/prescriptions/tables.ts';
export { saleLines, salePayments, sales } from '../../modules/sales/tables.ts';
export { diagnosticOrders, diagnosticResults } from '../../modules/orders/tables.ts';
export { controlledRegister, dispenseLines, dispenses } from '../../modules/dispensing/tables.ts';
export { documentUploads, patientDocuments } from '../../modules/documents/tables.ts';
export { encounterProcedures, treatmentPlanSteps, treatmentPlans } from '../../modules/procedures/tables.ts';
