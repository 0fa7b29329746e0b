// What other modules and the core may use of the clinics module.
export { clinicContextFor, type ClinicContext } from './clinic-context.ts';
export { countClinics, findClinic, insertClinic, insertOrganization, organizationOfClinic } from './clinic-rows.ts';
export { createClinicWithAdmin } from './setup.ts';
