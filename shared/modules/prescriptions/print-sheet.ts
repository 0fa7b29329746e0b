import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { z } from 'zod';
import { routeLabels } from '../medicines/index.ts';
import type { PrescriptionLine } from './line.ts';

export const printPageSizes = ['A5', 'A4'] as const;
export type PrintPageSize = (typeof printPageSizes)[number];

/** Everything a printed prescription shows, gathered by the core. */
export type PrescriptionSheet = {
  readonly reference: string;
  readonly clinic: { readonly name: string; readonly address: string; readonly phone: string };
  readonly doctor: { readonly fullName: string; readonly registrationNumber: string };
  /** Two identifiers besides the name: the record number and the date of birth. */
  readonly patient: { readonly fullName: string; readonly mrn: string; readonly birthDate: string | null };
  readonly signedAt: string | null;
  readonly lines: readonly PrescriptionLine[];
};

export const printedPrescriptionSchema = z.object({ reference: z.string(), fileName: z.string(), pdfBase64: z.string() });

function dateInWords(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** A medicine as the patient and the pharmacist read it: every abbreviation in words. */
export function lineInWords(line: PrescriptionLine): string {
  const route = line.route === null ? '' : ` ${routeLabels[line.route].toLowerCase()}`;
  const days = line.durationDays === null ? '' : ` for ${String(line.durationDays)} day${line.durationDays === 1 ? '' : 's'}`;
  return `Take ${String(line.dose.amount)} ${line.dose.unit}${route}, ${line.frequencyWords}${days}.`;
}

function medicine(line: PrescriptionLine, index: number): Content {
  const supply = [line.quantity === null ? null : `Supply: ${String(line.quantity)}`, line.refills > 0 ? `Refills: ${String(line.refills)}` : null].filter((part) => part !== null).join('    ');
  return {
    margin: [0, 6, 0, 0],
    stack: [
      { text: `${String(index + 1)}. ${line.productLabel}`, bold: true },
      { text: lineInWords(line) },
      ...(line.instructions === '' ? [] : [{ text: line.instructions, italics: true }]),
      ...(supply === '' ? [] : [{ text: supply, fontSize: 9 }]),
    ],
  };
}

/** The printed prescription: clinic header, doctor, patient, medicines in words, signature line, and a QR code of the reference. */
export function prescriptionDocument(sheet: PrescriptionSheet, pageSize: PrintPageSize): TDocumentDefinitions {
  const { clinic, doctor, patient } = sheet;
  const registration = doctor.registrationNumber === '' ? [] : [{ text: `Registration number ${doctor.registrationNumber}`, fontSize: 9 }];
  return {
    pageSize,
    pageMargins: pageSize === 'A5' ? [28, 28, 28, 28] : [48, 48, 48, 48],
    compress: false,
    info: { title: `Prescription ${sheet.reference}` },
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    content: [
      {
        columns: [
          { width: '*', stack: [{ text: clinic.name, bold: true, fontSize: 14 }, { text: clinic.address }, { text: clinic.phone }] },
          // The pharmacy counter scans this to open the prescription.
          { width: 'auto', stack: [{ qr: sheet.reference, fit: 80 }, { text: sheet.reference, fontSize: 9, alignment: 'center' }] },
        ],
      },
      { text: 'Prescription', bold: true, fontSize: 12, margin: [0, 10, 0, 4] },
      { text: `Patient: ${patient.fullName}` },
      { text: `Record number: ${patient.mrn}` },
      { text: `Date of birth: ${patient.birthDate === null ? 'not recorded' : dateInWords(patient.birthDate)}` },
      { text: `Date: ${sheet.signedAt === null ? 'not yet signed' : dateInWords(sheet.signedAt)}`, margin: [0, 0, 0, 6] },
      ...sheet.lines.map(medicine),
      { text: '_______________________________', margin: [0, 36, 0, 0] },
      { text: doctor.fullName },
      ...registration,
    ],
  };
}
