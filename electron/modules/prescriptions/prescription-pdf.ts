import pdfmake from 'pdfmake';
import { prescriptionDocument, type PrescriptionSheet, type PrintPageSize } from '#shared/modules/prescriptions/print-sheet.ts';

// The PDF's standard fonts are built into PDF readers: nothing to ship, and pdfmake may read no
// file and fetch no address besides them.
const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
const standardFonts = new Set(Object.values(HELVETICA));
pdfmake.setFonts({ Helvetica: HELVETICA });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => standardFonts.has(path));

export async function prescriptionPdf(sheet: PrescriptionSheet, pageSize: PrintPageSize): Promise<Buffer> {
  return pdfmake.createPdf(prescriptionDocument(sheet, pageSize)).getBuffer();
}
