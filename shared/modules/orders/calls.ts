import { z } from 'zod';
import { defineCall, rolesAccess } from '../../api/define.ts';
import { optionalText, uuidSchema } from '../../domain/fields.ts';
import { catalogueTestSchema } from './catalogue-types.ts';
import { chartResultSchema, openOrderSchema, orderSchema, resultInputSchema } from './order.ts';
import { urgencies } from './status.ts';

const encounterId = uuidSchema;
const orderId = z.uuid({ error: 'Choose an order' });
const ordersOutput = z.object({ orders: z.array(orderSchema) });

// Doctors order; the front desk or a nurse (STAFF) marks a specimen taken and types results in,
// as a doctor may. Only the doctor who can answer for it cancels an order.
export const ordersCalls = {
  /** The tests the workstation can order; the same shipped list everywhere, no patient data. */
  'orders.catalogue': defineCall({
    access: rolesAccess('DOCTOR', 'STAFF'),
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ tests: z.array(catalogueTestSchema) }),
  }),
  'orders.ofEncounter': defineCall({
    access: rolesAccess('DOCTOR', 'STAFF'),
    effect: 'read',
    input: z.object({ encounterId }).strict(),
    /** With the patient's sex, which picks the catalogue's range where it differs by sex. */
    output: ordersOutput.extend({ patientSex: z.string() }),
  }),
  /** The clinic's orders still waiting for a specimen or a result, most urgent then oldest first. */
  'orders.worklist': defineCall({
    access: rolesAccess('DOCTOR', 'STAFF'),
    effect: 'read',
    input: z.object({}).strict(),
    output: z.object({ orders: z.array(openOrderSchema) }),
  }),
  /** Orders tests in an encounter, one order per test, all with the same urgency and note. */
  'orders.place': defineCall({
    access: rolesAccess('DOCTOR'),
    effect: 'write',
    input: z
      .object({
        encounterId,
        testCodes: z.array(z.string().min(1).max(40), { error: 'Choose the tests to order' }).min(1, { error: 'Choose at least one test' }).max(40, { error: 'At most 40 tests at once' }),
        urgency: z.enum(urgencies, { error: 'Choose how urgent' }).default('ROUTINE'),
        clinicalNote: optionalText('Clinical note', 1000),
      })
      .strict(),
    output: ordersOutput,
  }),
  /** The specimen is taken, or the study done: the order waits for its result. */
  'orders.markCollected': defineCall({
    access: rolesAccess('DOCTOR', 'STAFF'),
    effect: 'write',
    input: z.object({ orderId }).strict(),
    output: orderSchema,
  }),
  'orders.cancel': defineCall({
    access: rolesAccess('DOCTOR'),
    effect: 'write',
    input: z.object({ orderId, reason: optionalText('Reason', 500) }).strict(),
    output: orderSchema,
  }),
  /** Enters or corrects the result of an order, item by item; the order is resulted. */
  'orders.recordResults': defineCall({
    access: rolesAccess('DOCTOR', 'STAFF'),
    effect: 'write',
    input: z.object({ orderId, results: z.array(resultInputSchema, { error: 'Type the results' }).min(1, { error: 'Type at least one result' }).max(60) }).strict(),
    output: orderSchema,
  }),
  /** A patient's results over time, oldest first, for the chart's table. */
  'orders.resultsOfPatient': defineCall({
    access: rolesAccess('DOCTOR'),
    effect: 'read',
    input: z.object({ patientId: z.uuid({ error: 'Choose a patient' }).brand<'PatientId'>() }).strict(),
    output: z.object({ results: z.array(chartResultSchema) }),
  }),
};
