import type { CallInput, CallName } from '#shared/api/contract.ts';
import type { ClinicDetails } from '#shared/modules/clinics/clinic.ts';
import { patientInput } from '#tests/support/core-harness.ts';

/**
 * What a user of one organization may know or guess of another's: ids, record numbers,
 * usernames, names and dates. Filled once with the other organization's real values and once with
 * made-up values of the same shapes, so each call's answer to the real ones can be compared with
 * its answer to ones that exist nowhere.
 */
export type TheirIds = {
  readonly clinicId: string;
  readonly clinicCode: string;
  readonly clinicDetails: ClinicDetails;
  readonly userId: string;
  readonly username: string;
  readonly password: string;
  readonly fullName: string;
  readonly doctorUserId: string;
  readonly specialization: string;
  readonly patientId: string;
  readonly otherPatientId: string;
  readonly mrn: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly appointmentId: string;
  readonly appointmentDate: string;
  readonly entryId: string;
  readonly exceptionId: string;
  readonly conflictId: string;
  /** A change of theirs the hub refused, on a workstation that syncs for them. */
  readonly rejectionId: number;
  /** A product of their catalogue, its generic name, one of its codes and that code's row. */
  readonly productId: string;
  readonly productName: string;
  readonly barcode: string;
  readonly barcodeId: string;
  /** A document of one of their patients. */
  readonly documentId: string;
};

/** The calling organization's own ids, for calls that need one beside the other's. */
export type OwnIds = {
  readonly clinicId: string;
  readonly clinicDetails: ClinicDetails & { readonly status: 'ACTIVE' | 'INACTIVE' | 'SUSPENDED'; readonly idleLockMinutes: number };
  readonly staffUserId: string;
  readonly patientId: string;
  readonly doctorUserId: string;
  readonly appointmentId: string;
  /** A free slot of the own doctor. */
  readonly freeSlot: string;
  readonly today: string;
  /** Differs per actor, so two actors' registrations are not each other's duplicates. */
  readonly label: string;
};

/** Each call's inputs, carrying the other organization's ids wherever the call takes one. */
export type ContractProbes = { readonly [N in CallName]: (them: TheirIds, own: OwnIds) => readonly CallInput<N>[] };

const probePatient = (own: OwnIds, them: TheirIds) => ({
  ...patientInput(),
  givenName: 'Probe',
  familyName: `Lakeland ${own.label}`,
  sex: 'OTHER' as const,
  birth: { kind: 'date' as const, date: them.birthDate },
  phone: them.phone,
});

/**
 * Every call of the contract: the mapped type makes a call without a probe fail to compile, and
 * the boundary test checks the same at run time.
 */
export const contractProbes: ContractProbes = {
  'system.status': () => [{}],
  'setup.createClinic': (them) => [{ clinic: { ...them.clinicDetails, code: them.clinicCode }, admin: { fullName: them.fullName, username: them.username, email: '', phone: '', password: 'a long enough password' } }],
  'auth.signIn': (them) => [{ username: them.username, password: 'not their password' }],
  'auth.session': () => [{}],
  'auth.selectClinic': (them) => [{ clinicId: them.clinicId }],
  'auth.touch': () => [{}],
  'auth.lock': () => [{}],
  'auth.unlock': (them) => [{ password: them.password }],
  'auth.changePassword': (them) => [{ currentPassword: them.password, newPassword: 'chosen anew 123' }],
  'auth.signOut': () => [{}],

  'sync.status': () => [{}],
  'sync.now': () => [{}],
  'sync.compare': () => [{}],
  // Port 9 (discard) answers nobody on 127.0.0.1: the call fails the same for every organization.
  'sync.connect': () => [{ hubUrl: 'http://127.0.0.1:9', code: 'ABCDEF12' }],
  'sync.join': () => [{ hubUrl: 'http://127.0.0.1:9', code: 'ABCDEF12' }],
  'sync.createJoinCode': () => [{}],
  'sync.pending': () => [{}],
  'sync.conflicts': () => [{ includeResolved: true }],
  'sync.resolveConflict': (them) => [
    { conflictId: them.conflictId, action: { kind: 'keepBoth' } },
    { conflictId: them.conflictId, action: { kind: 'mergePatients', survivorId: them.patientId, mergedId: them.otherPatientId } },
    { conflictId: them.conflictId, action: { kind: 'cancelAppointment', appointmentId: them.appointmentId } },
    { conflictId: them.conflictId, action: { kind: 'renumberToken', entryId: them.entryId } },
  ],
  'sync.rejections': () => [{}],
  'sync.dismissRejection': (them) => [{ rejectionId: them.rejectionId }],

  'clinic.get': () => [{}],
  'clinic.update': (_them, own) => [own.clinicDetails],

  'users.list': () => [{}],
  'users.create': (them) => [{ fullName: 'Probe Person', username: them.username, email: '', phone: '', password: 'a long enough password', role: 'STAFF' }],
  'users.update': (them) => [{ userId: them.userId, fullName: 'Renamed By Probe', email: '', phone: '' }],
  'users.grantRole': (them, own) => [
    { userId: them.userId, clinicId: them.clinicId, role: 'ADMIN' },
    { userId: own.staffUserId, clinicId: them.clinicId, role: 'ADMIN' },
    { userId: them.userId, clinicId: own.clinicId, role: 'STAFF' },
  ],
  'users.revokeRole': (them, own) => [
    { userId: them.userId, clinicId: them.clinicId, role: 'ADMIN' },
    { userId: own.staffUserId, clinicId: them.clinicId, role: 'STAFF' },
  ],
  'users.setActive': (them) => [{ userId: them.userId, active: false }],
  'users.resetPassword': (them) => [{ userId: them.userId, newPassword: 'taken over 123' }],

  'audit.list': (them) => [{ limit: 500 }, { userId: them.userId }, { entityId: them.patientId }, { entityId: them.clinicId }, { patientId: them.patientId }],

  'patients.search': (them) => [{ query: `${them.givenName} ${them.familyName}` }, { query: them.familyName }, { query: them.mrn }, { query: them.phone }],
  'patients.get': (them) => [{ patientId: them.patientId }],
  'patients.findDuplicates': (them) => [
    { givenName: them.givenName, familyName: them.familyName, birthDate: them.birthDate, phone: them.phone },
    { givenName: them.givenName, familyName: them.familyName, birthDate: them.birthDate, phone: '', excludePatientId: them.patientId },
  ],
  // A new person of the caller's own, with the other's phone and date of birth: the duplicate warning must not name theirs.
  'patients.register': (them, own) => [{ ...probePatient(own, them), notADuplicate: false }],
  'patients.update': (them, own) => [{ ...probePatient(own, them), patientId: them.patientId }],
  'patients.merge': (them, own) => [
    { survivorId: own.patientId, mergedId: them.patientId },
    { survivorId: them.patientId, mergedId: own.patientId },
    { survivorId: them.patientId, mergedId: them.otherPatientId },
  ],
  'patients.linkByMrn': (them) => [
    { mrn: them.mrn, birthDate: them.birthDate },
    { mrn: them.mrn, phone: them.phone },
  ],

  'doctors.list': () => [{}],
  'doctors.saveProfile': (them) => [{ userId: them.doctorUserId, specialization: 'Probing', registrationNumber: '', visibility: 'PUBLIC', active: false }],
  'schedules.get': (them) => [{ doctorUserId: them.doctorUserId }],
  'schedules.setWeekly': (them) => [{ doctorUserId: them.doctorUserId, sessions: [] }],
  'schedules.addException': (them, own) => [{ doctorUserId: them.doctorUserId, date: own.today, kind: 'LEAVE', reason: '' }],
  'schedules.removeException': (them) => [{ exceptionId: them.exceptionId }],
  'slots.list': (them, own) => [{ doctorUserId: them.doctorUserId, fromDate: own.today, toDate: own.today }],
  'slots.nextFree': (them) => [{ doctorUserId: them.doctorUserId }, { specialization: them.specialization }],

  'appointments.list': (them, own) => [
    { fromDate: them.appointmentDate, toDate: them.appointmentDate, doctorUserId: them.doctorUserId },
    { fromDate: them.appointmentDate, toDate: own.today, patientId: them.patientId },
  ],
  'appointments.ofPatient': (them) => [{ patientId: them.patientId }],
  'appointments.book': (them, own) => [
    { patientId: them.patientId, doctorUserId: own.doctorUserId, startAt: own.freeSlot, type: 'IN_PERSON', reason: '', notes: '' },
    { patientId: own.patientId, doctorUserId: them.doctorUserId, startAt: own.freeSlot, type: 'IN_PERSON', reason: '', notes: '' },
  ],
  'appointments.reschedule': (them, own) => [
    { appointmentId: them.appointmentId, startAt: own.freeSlot },
    { appointmentId: own.appointmentId, startAt: own.freeSlot, doctorUserId: them.doctorUserId },
  ],
  'appointments.cancel': (them) => [{ appointmentId: them.appointmentId, reason: 'Probe' }],
  'appointments.markNoShows': (them) => [{ date: them.appointmentDate }],
  'appointments.history': (them) => [{ appointmentId: them.appointmentId }],

  'queue.list': (them) => [{ date: them.appointmentDate, includeFinished: true }],
  'queue.checkIn': (them) => [{ appointmentId: them.appointmentId }],
  'queue.addWalkIn': (them, own) => [
    { patientId: them.patientId, doctorUserId: null, priority: 'GREEN' },
    { patientId: own.patientId, doctorUserId: them.doctorUserId, priority: 'GREEN' },
  ],
  'queue.call': (them) => [{ entryId: them.entryId, room: 'Room 1' }],
  'queue.start': (them) => [{ entryId: them.entryId }],
  'queue.finish': (them) => [{ entryId: them.entryId }],
  'queue.requeue': (them) => [{ entryId: them.entryId }],
  'queue.markLeft': (them) => [{ entryId: them.entryId }],
  'queue.setPriority': (them) => [{ entryId: them.entryId, priority: 'RED' }],
  // Their queue entry stands in for their encounter and note ids: an id of theirs must answer like one that exists nowhere.
  'consultation.worklist': (them) => [{ date: them.appointmentDate }],
  'consultation.start': (them) => [{ queueEntryId: them.entryId }],
  'consultation.startUnscheduled': (them) => [{ patientId: them.patientId }],
  'consultation.get': (them) => [{ encounterId: them.entryId }],
  'consultation.recordVitals': (them, own) => [
    { patientId: them.patientId, encounterId: null, values: { PULSE: 72 } },
    { patientId: own.patientId, encounterId: them.entryId, values: { PULSE: 72 } },
  ],
  'consultation.saveDraft': (them) => [{ encounterId: them.entryId, subjective: 'Probe', objective: '', assessment: '', plan: '', diagnoses: [], basedOn: null }],
  'consultation.sign': (them) => [{ encounterId: them.entryId, draftId: them.entryId, version: 1 }],
  'consultation.amend': (them) => [{ noteId: them.entryId, reason: 'Probe', subjective: 'Probe', objective: '', assessment: '', plan: '', diagnoses: [] }],
  'consultation.complete': (them) => [{ encounterId: them.entryId, items: [] }],
  'consultation.chart': (them) => [{ patientId: them.patientId }],
  'consultation.templates': () => [{}],
  'consultation.saveTemplate': (them) => [{ id: them.entryId, name: 'Probe', scope: 'CLINIC', subjective: '', objective: '', assessment: '', plan: '' }],
  'display.createLink': () => [{}],
  'display.revokeLinks': () => [{}],
  'diagnosisCodes.search': (them) => [{ query: them.familyName, limit: 20 }, { query: them.mrn, limit: 20 }],
  'diagnosisCodes.codeSet': () => [{}],
  'diagnosisCodes.importStart': (them) => [{ fileName: `${them.familyName}.txt`, edition: 'ICD-10-CM', version: '2025' }],
  'diagnosisCodes.importPart': (them) => [{ importId: them.appointmentId, text: '' }],
  'diagnosisCodes.importFinish': (them) => [{ importId: them.appointmentId }],

  'medicines.search': (them) => [{ query: them.productName }, { query: them.productName.slice(0, 3), includeRetired: true }],
  'medicines.get': (them) => [{ productId: them.productId }],
  'medicines.findByBarcode': (them) => [{ code: them.barcode }],
  'medicines.create': () => [{ kind: 'OTHER', genericName: 'Probe goods' }],
  'medicines.update': (them) => [{ productId: them.productId, product: { kind: 'OTHER', genericName: 'Renamed by probe' } }],
  'medicines.retire': (them) => [{ productId: them.productId, retired: true }],
  'medicines.addBarcode': (them) => [{ productId: them.productId, kind: 'CLINIC', code: 'PROBE-1' }],
  'medicines.removeBarcode': (them) => [{ barcodeId: them.barcodeId }],
  'medicines.setClinicSettings': (them) => [{ productId: them.productId, salePriceMinor: 1, taxRateBp: 0, reorderLevel: 0 }],
  'stock.suppliers.list': () => [{}],
  'stock.suppliers.save': (them) => [{ supplierId: them.productId, name: 'Probe supplier' }],
  'stock.batches.list': (them) => [{ query: them.productName }, { productId: them.productId, includeEmpty: true }],
  'stock.batches.history': (them) => [{ batchId: them.productId }],
  'stock.alerts': () => [{}],
  'stock.scan': (them) => [{ code: them.barcode }],
  'stock.pick': (them) => [{ productId: them.productId, quantity: 1 }],
  'stock.move': (them) => [{ batchId: them.productId, kind: 'WRITE_OFF', quantity: 1, reason: 'Probe' }],
  'stock.receipts.list': () => [{}],
  'stock.receipts.get': (them) => [{ receiptId: them.productId }],
  'stock.receipts.open': (them) => [{ supplierId: them.productId }],
  'stock.receipts.receiveLine': (them) => [{ receiptId: them.productId, productId: them.productId, lot: 'PROBE', expiryDate: null, quantity: 1, costPriceMinor: 0 }],
  'stock.receipts.post': (them) => [{ receiptId: them.productId }],
  'stock.count.sheet': () => [{}],
  'stock.count.post': (them) => [{ reason: 'Probe count', lines: [{ batchId: them.productId, expected: 0, counted: 1 }] }],
  'sales.scan': (them) => [{ code: them.barcode }],
  'sales.commit': (them) => [{ lines: [{ productId: them.productId, quantity: 1, batchId: them.productId }], payments: [{ method: 'cash', amountMinor: 100_000 }] }],
  'sales.get': (them) => [{ receiptNumber: them.mrn }],
  'sales.receipt': (them) => [{ receiptNumber: them.mrn, paper: 'A4' }],
  'sales.return': (them) => [{ saleId: them.productId, lines: [{ saleLineId: them.productId, quantity: 1 }], refundMethod: 'cash', reason: 'Probe' }],
  'medicines.checkPrescription': (them) => [{ patientId: them.patientId, items: [{ productId: them.productId }] }, { items: [{ productId: them.productId }] }],
  'medicines.knowledgeBase': () => [{}],
  'medicines.importInteractions': () => [{ csv: 'first_kind,first_name,second_kind,second_name,severity,effect,advice,source\nINGREDIENT,probe,INGREDIENT,other,MINOR,probe,probe,probe' }],
  'prescriptions.ofEncounter': (them) => [{ encounterId: them.entryId }],
  'prescriptions.ofPatient': (them) => [{ patientId: them.patientId }],
  'prescriptions.saveLine': (them) => [{ encounterId: them.entryId, line: { productId: them.productId, dose: { amount: 1, unit: 'tablets' }, frequency: 'OD' } }],
  'prescriptions.check': (them) => [{ encounterId: them.entryId, lines: [{ productId: them.productId, dose: { amount: 1, unit: 'tablets' }, frequency: 'OD' }] }],
  'prescriptions.removeLine': (them) => [{ encounterId: them.entryId, lineId: them.entryId }],
  'prescriptions.repeat': (them) => [{ encounterId: them.entryId, prescriptionId: them.entryId }],
  'prescriptions.print': (them) => [{ encounterId: them.entryId, pageSize: 'A5' }],
  'orders.catalogue': () => [{}],
  'orders.ofEncounter': (them) => [{ encounterId: them.entryId }],
  'orders.worklist': () => [{}],
  'orders.place': (them) => [{ encounterId: them.entryId, testCodes: ['CBC'], urgency: 'ROUTINE', clinicalNote: 'Probe' }],
  'orders.markCollected': (them) => [{ orderId: them.entryId }],
  'orders.cancel': (them) => [{ orderId: them.entryId, reason: 'Probe' }],
  'orders.recordResults': (them) => [{ orderId: them.entryId, results: [{ componentCode: 'HGB', value: '13.0', unit: 'g/dL', rangeLow: null, rangeHigh: null, flag: null }] }],
  'orders.resultsOfPatient': (them) => [{ patientId: them.patientId }],
  'dispensing.find': (them) => [{ reference: them.mrn }, { reference: `${them.clinicCode}-R1001`, counterPatientId: them.patientId }],
  'dispensing.ofPatient': (them) => [{ patientId: them.patientId }],
  'dispensing.scanPack': (them) => [{ prescriptionId: them.entryId, code: them.barcode }],
  'dispensing.dispense': (them) => [{ prescriptionId: them.entryId, counterPatientId: them.patientId, lines: [{ prescriptionLineId: them.entryId, quantity: 1, batchId: them.productId }] }],
  'dispensing.controlledRegister': (them) => [{}, { productId: them.productId }],
  'documents.attach': (them) => [{ patientId: them.patientId, encounterId: null, type: 'OTHER', documentDate: '2026-03-02', title: 'Probe', fileName: 'probe.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0xLjQK' }],
  'documents.ofPatient': (them) => [{ patientId: them.patientId }],
  'documents.open': (them) => [{ documentId: them.documentId }],
  'procedures.ofEncounter': (them) => [{ encounterId: them.entryId }],
  'procedures.record': (them) => [{ encounterId: them.entryId, code: 'GEN-ECG' }, { encounterId: them.entryId, code: 'GEN-ECG', procedureId: them.entryId, planStepId: them.entryId }],
  'procedures.remove': (them) => [{ encounterId: them.entryId, procedureId: them.entryId }],
  'procedures.plansOfPatient': (them) => [{ patientId: them.patientId }],
  'procedures.savePlan': (them) => [{ patientId: them.patientId, title: 'Probe' }, { planId: them.entryId, patientId: them.patientId, title: 'Probe' }],
  'procedures.movePlan': (them) => [{ planId: them.entryId, status: 'ACCEPTED' }],
  'procedures.saveStep': (them) => [{ planId: them.entryId, code: 'GEN-ECG' }, { planId: them.entryId, stepId: them.entryId, code: 'GEN-ECG' }],
  'procedures.cancelStep': (them) => [{ planId: them.entryId, stepId: them.entryId }],
  'procedures.bookStep': (them) => [{ planId: them.entryId, stepId: them.entryId, doctorUserId: them.doctorUserId }],
};
