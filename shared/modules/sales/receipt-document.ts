import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { textFromMinorUnits } from '../../money/amount-text.ts';
import type { PaymentMethod } from '../../money/payments.ts';
import type { ReceiptPaper } from './calls.ts';
import type { SaleView } from './sale-views.ts';

/** Everything a printed receipt shows, gathered by the core. */
export type ReceiptSheet = {
  readonly clinic: { readonly name: string; readonly address: string; readonly phone: string; readonly currency: string; readonly timeZone: string };
  readonly sale: SaleView;
  /** For a return, the receipt number of the sale it gives back. */
  readonly returnOf: string | null;
  /** The receipt number as a Code 128 barcode, an SVG drawing. */
  readonly barcodeSvg: string;
};

const methodLabels: Readonly<Record<PaymentMethod, string>> = { cash: 'Cash', card: 'Card', mobile_money: 'Mobile money' };

// 80 mm paper, of which a thermal head prints about 72 mm: the margins keep text off the edges.
const ROLL_WIDTH_PT = (80 / 25.4) * 72;

function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function timeInZone(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

function percent(basisPoints: number): string {
  return `${textFromMinorUnits(basisPoints).replace(/\.?0+$/, '')} %`;
}

/** The receipt as pdfmake draws it: the same content on the roll and on A4, sized to each. */
export function receiptDocument(sheet: ReceiptSheet, paper: ReceiptPaper): TDocumentDefinitions {
  const { clinic, sale } = sheet;
  const digits = minorDigits(clinic.currency);
  const money = (minor: number) => textFromMinorUnits(minor, digits);
  const roll = paper === 'ROLL_80MM';
  const isReturn = sale.kind === 'RETURN';
  const title = isReturn ? 'Refund receipt' : 'Receipt';
  const rightRow = (label: string, amount: string, bold = false): Content => ({ columns: [{ text: label, bold }, { text: amount, alignment: 'right', bold, width: 'auto' }] });
  const lines: Content = {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto'],
      body: [
        [{ text: 'Item', bold: true }, { text: 'Qty', bold: true, alignment: 'right' }, { text: 'Price', bold: true, alignment: 'right' }, { text: 'Amount', bold: true, alignment: 'right' }] satisfies TableCell[],
        ...sale.lines.map((line): TableCell[] => {
          const details = [`Lot ${line.lot}`, line.taxRateBasisPoints > 0 ? `tax ${percent(line.taxRateBasisPoints)} incl. ${money(line.taxMinor)}` : 'no tax', line.discountMinor > 0 ? `discount −${money(line.discountMinor)}` : null].filter((part) => part !== null);
          return [
            { stack: [{ text: line.productLabel }, { text: details.join(' · '), fontSize: roll ? 6.5 : 8, color: '#333333' }] },
            { text: String(line.quantity), alignment: 'right' },
            { text: money(line.unitPriceMinor), alignment: 'right' },
            { text: money(line.totalMinor), alignment: 'right' },
          ];
        }),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 6, 0, 6],
  };
  const payments = sale.payments.map((payment) => rightRow(isReturn ? `Refunded by ${methodLabels[payment.method].toLowerCase()}` : methodLabels[payment.method], money(payment.amountMinor)));
  return {
    pageSize: roll ? { width: ROLL_WIDTH_PT, height: 'auto' } : 'A4',
    pageMargins: roll ? [12, 12, 12, 12] : [48, 48, 48, 48],
    compress: false,
    info: { title: `${title} ${sale.receiptNumber}` },
    defaultStyle: { font: 'Helvetica', fontSize: roll ? 7.5 : 10 },
    content: [
      { text: clinic.name, bold: true, fontSize: roll ? 11 : 14, alignment: roll ? 'center' : 'left' },
      ...[clinic.address, clinic.phone].filter((text) => text !== '').map((text): Content => ({ text, alignment: roll ? 'center' : 'left' })),
      { text: `${title} ${sale.receiptNumber}`, bold: true, fontSize: roll ? 9 : 12, margin: [0, 8, 0, 2] },
      ...(sheet.returnOf === null ? [] : [{ text: `Return of receipt ${sheet.returnOf}` }]),
      { text: `Time: ${timeInZone(sale.soldAt, clinic.timeZone)}` },
      { text: `Cashier: ${sale.sellerName}${sale.deviceName === '' ? '' : ` · Till: ${sale.deviceName}`}` },
      { text: `Amounts in ${clinic.currency}`, fontSize: roll ? 6.5 : 8 },
      lines,
      rightRow('Subtotal', money(sale.grossMinor)),
      ...(sale.discountMinor > 0 ? [rightRow('Discounts', `−${money(sale.discountMinor)}`)] : []),
      rightRow(isReturn ? 'Total refunded' : 'Total', money(sale.totalMinor), true),
      rightRow('Tax included', money(sale.taxMinor)),
      ...(sale.cashRoundingMinor !== 0 ? [rightRow('Cash rounding', money(sale.cashRoundingMinor))] : []),
      { text: '', margin: [0, 4, 0, 0] },
      ...payments,
      ...(sale.changeMinor > 0 ? [rightRow('Change', money(sale.changeMinor), true)] : []),
      ...(sale.reason === '' ? [] : [{ text: sale.reason, italics: true, margin: [0, 6, 0, 0] } satisfies Content]),
      // Returns scan this to find the sale.
      { svg: sheet.barcodeSvg, width: roll ? 170 : 220, alignment: 'center', margin: [0, 10, 0, 2] },
      { text: sale.receiptNumber, alignment: 'center' },
      { text: isReturn ? 'Refund given.' : 'Thank you. Keep this receipt for returns.', alignment: 'center', margin: [0, 6, 0, 0] },
    ],
  };
}
