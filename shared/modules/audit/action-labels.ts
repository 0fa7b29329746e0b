import type { CallName } from '../../api/contract.ts';

/** What the core records that is not a call's own name. */
export const auditEventLabels = {
  'auth.lockout': 'Account locked after failed sign-ins',
  'references.renamed': 'Gave a provisional reference its leased number',
  'sync.conflictDetected': 'Sync found a conflict',
  'demo.seed': 'Created the demo data',
  // The call that gave a person their one role in a clinic, before several roles (issue 33): its entries stay readable.
  'users.setRole': 'Gave or took a role',
} as const satisfies Readonly<Record<string, string>>;
export type AuditEventName = keyof typeof auditEventLabels;

/** Every name an audit entry can carry: any call (a refused one is recorded too) or an event. */
export type AuditAction = CallName | AuditEventName;

/**
 * Plain words for every call, as the audit log shows them. Typed over the whole contract, so a
 * new call does not compile until it has its words here.
 */
export const callLabels: Readonly<Record<CallName, string>> = {
  'system.status': 'Checked the workstation’s status',
  'setup.createClinic': 'Set up the clinic',
  'auth.signIn': 'Signed in',
  'auth.session': 'Resumed a session',
  'auth.selectClinic': 'Opened a clinic',
  'auth.touch': 'Kept the session alive',
  'auth.lock': 'Locked the screen',
  'auth.unlock': 'Unlocked the screen',
  'auth.changePassword': 'Changed own password',
  'auth.signOut': 'Signed out',
  'sync.status': 'Read the sync status',
  'sync.now': 'Asked for a sync now',
  'sync.compare': 'Compared with the hub',
  'sync.connect': 'Connected the workstation to a hub',
  'sync.join': 'Joined a clinic from a hub',
  'sync.createJoinCode': 'Created a join code',
  'sync.pending': 'Listed changes waiting to sync',
  'sync.conflicts': 'Listed sync conflicts',
  'sync.resolveConflict': 'Resolved a sync conflict',
  'sync.rejections': 'Listed changes the hub refused',
  'sync.dismissRejection': 'Dismissed a change the hub refused',
  'clinic.get': 'Read the clinic details',
  'clinic.update': 'Edited the clinic details',
  'users.list': 'Listed users',
  'users.create': 'Created a user',
  'users.update': 'Edited a user',
  'users.grantRole': 'Gave a role',
  'users.revokeRole': 'Took a role away',
  'users.setActive': 'Activated or deactivated a user',
  'users.resetPassword': 'Reset a password',
  'audit.list': 'Read the audit log',
  'patients.search': 'Searched for patients',
  'patients.get': 'Opened patient record',
  'patients.findDuplicates': 'Checked for duplicate patients',
  'patients.register': 'Registered a patient',
  'patients.update': 'Edited patient details',
  'patients.merge': 'Merged two patient records',
  'patients.linkByMrn': 'Added a patient of another clinic',
  'consultation.worklist': 'Read the doctor’s worklist',
  'consultation.start': 'Started a consultation',
  'consultation.startUnscheduled': 'Started an unscheduled consultation',
  'consultation.get': 'Opened an encounter',
  'consultation.recordVitals': 'Recorded vital signs',
  'consultation.saveDraft': 'Saved a draft note',
  'consultation.sign': 'Signed an encounter note',
  'consultation.amend': 'Amended a signed note',
  'consultation.complete': 'Completed a consultation',
  'consultation.chart': 'Opened a patient’s chart',
  'consultation.templates': 'Listed note templates',
  'consultation.saveTemplate': 'Saved a note template',
  'doctors.list': 'Listed doctors',
  'doctors.saveProfile': 'Edited a doctor’s profile',
  'schedules.get': 'Read a doctor’s schedule',
  'schedules.setWeekly': 'Set a doctor’s weekly hours',
  'schedules.addException': 'Added leave, a holiday or an extra session',
  'schedules.removeException': 'Removed leave, a holiday or an extra session',
  'slots.list': 'Listed free slots',
  'slots.nextFree': 'Looked for the next free slot',
  'appointments.list': 'Listed appointments',
  'appointments.ofPatient': 'Listed a patient’s appointments',
  'appointments.book': 'Booked an appointment',
  'appointments.reschedule': 'Rescheduled an appointment',
  'appointments.cancel': 'Cancelled an appointment',
  'appointments.markNoShows': 'Marked the day’s no-shows',
  'appointments.history': 'Read an appointment’s history',
  'queue.list': 'Listed the queue',
  'queue.checkIn': 'Checked a patient in',
  'queue.addWalkIn': 'Added a walk-in to the queue',
  'queue.call': 'Called a patient to a room',
  'queue.start': 'Started a consultation',
  'queue.finish': 'Finished a consultation',
  'queue.requeue': 'Sent a patient back to waiting',
  'queue.markLeft': 'Marked a patient as left without being seen',
  'queue.setPriority': 'Changed a queue priority',
  'display.createLink': 'Created a waiting-room screen link',
  'display.revokeLinks': 'Revoked the waiting-room screen links',
  'diagnosisCodes.search': 'Searched the diagnosis codes',
  'diagnosisCodes.codeSet': 'Read which diagnosis code set is loaded',
  'diagnosisCodes.importStart': 'Started importing diagnosis codes',
  'diagnosisCodes.importPart': 'Uploaded part of a diagnosis code file',
  'diagnosisCodes.importFinish': 'Imported a diagnosis code set',
  'medicines.search': 'Searched the medicine catalogue',
  'medicines.get': 'Opened a catalogue product',
  'medicines.findByBarcode': 'Looked up a product by its code',
  'medicines.create': 'Added a product to the catalogue',
  'medicines.update': 'Edited a catalogue product',
  'medicines.retire': 'Retired or brought back a catalogue product',
  'medicines.addBarcode': 'Added a code to a product',
  'medicines.removeBarcode': 'Removed a code from a product',
  'medicines.setClinicSettings': 'Set the clinic’s price, tax or reorder level of a product',
  'stock.suppliers.list': 'Listed the suppliers',
  'stock.suppliers.save': 'Saved a supplier',
  'stock.batches.list': 'Looked at the stock',
  'stock.batches.history': 'Opened a batch’s movements',
  'stock.alerts': 'Looked at the stock alerts',
  'stock.scan': 'Scanned a pack',
  'stock.pick': 'Picked batches for packs',
  'stock.move': 'Moved stock',
  'stock.receipts.list': 'Listed the goods receipts',
  'stock.receipts.get': 'Opened a goods receipt',
  'stock.receipts.open': 'Opened a goods receipt',
  'stock.receipts.receiveLine': 'Received a line of a delivery',
  'stock.receipts.post': 'Posted a goods receipt',
  'stock.count.sheet': 'Printed or showed the count sheet',
  'stock.count.post': 'Posted a stock count',
  'sales.scan': 'Scanned at the counter',
  'sales.commit': 'Made a sale',
  'sales.get': 'Opened a sale',
  'sales.receipt': 'Printed a sale receipt',
  'sales.return': 'Took a return',
  'medicines.checkPrescription': 'Checked a prescription for allergies, interactions and doses',
  'medicines.knowledgeBase': 'Read the size of the interaction knowledge base',
  'medicines.importInteractions': 'Imported an interaction knowledge base',
  'prescriptions.ofEncounter': 'Opened an encounter’s prescription',
  'prescriptions.ofPatient': 'Read a patient’s prescriptions',
  'prescriptions.saveLine': 'Prescribed a medicine',
  'prescriptions.removeLine': 'Removed a medicine from a prescription',
  'prescriptions.repeat': 'Repeated a prescription',
  'prescriptions.print': 'Printed a prescription',
};

const actionLabels: Readonly<Record<string, string>> = { ...callLabels, ...auditEventLabels };

/** The words for an entry's action; an action recorded by a newer version shows its code. */
export function auditActionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

/** Every action with its words, for a filter's choices. */
export function auditActionChoices(): { value: string; label: string }[] {
  return Object.entries(actionLabels)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
