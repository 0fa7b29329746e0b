import bwipjs from 'bwip-js/node';
import pdfmake from 'pdfmake';
import type { ReceiptPaper } from '#shared/modules/sales/calls.ts';
import { receiptDocument, type ReceiptSheet } from '#shared/modules/sales/receipt-document.ts';

// The same policy as the prescription's PDF: the standard fonts PDF readers carry, no file read
// and no address fetched besides them.
const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
const standardFonts = new Set(Object.values(HELVETICA));
pdfmake.setFonts({ Helvetica: HELVETICA });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => standardFonts.has(path));

/** The receipt number as Code 128, which every handheld and counter scanner reads. */
export function receiptBarcodeSvg(receiptNumber: string): string {
  return bwipjs.toSVG({ bcid: 'code128', text: receiptNumber, height: 9, includetext: false, paddingwidth: 4 });
}

export async function receiptPdf(sheet: Omit<ReceiptSheet, 'barcodeSvg'>, paper: ReceiptPaper): Promise<Buffer> {
  return pdfmake.createPdf(receiptDocument({ ...sheet, barcodeSvg: receiptBarcodeSvg(sheet.sale.receiptNumber) }, paper)).getBuffer();
}
