import type { Discount } from '#shared/money/sale-totals.ts';
import type { SaleView } from '#shared/modules/sales/index.ts';
import { AttachCodeModal } from './AttachCodeModal.tsx';
import type { Cart, CartLine } from './cart.ts';
import { LineModal, type LineField } from './LineModal.tsx';
import type { ClinicMoney } from './money.ts';
import { PaymentModal } from './PaymentModal.tsx';
import { SaleDiscountModal } from './SaleDiscountModal.tsx';

export type CounterDialog =
  | { readonly kind: 'line'; readonly key: string; readonly focus: LineField; readonly scannedExpired: boolean }
  | { readonly kind: 'saleDiscount' }
  | { readonly kind: 'payment' }
  | { readonly kind: 'attach'; readonly code: string };

type CounterDialogsProps = {
  readonly dialog: CounterDialog | null;
  readonly cart: Cart;
  readonly totalMinor: number;
  readonly today: string;
  readonly money: ClinicMoney;
  readonly limitText: string;
  readonly onClose: () => void;
  readonly onLine: (key: string, change: Partial<CartLine>) => void;
  readonly onSaleDiscount: (discount: Discount | null) => void;
  readonly onPaid: (sale: SaleView) => void;
  readonly onAttached: (code: string) => void;
};

/** The one dialog the counter has open, if any. */
export function CounterDialogs({ dialog, cart, totalMinor, today, money, limitText, onClose, onLine, onSaleDiscount, onPaid, onAttached }: CounterDialogsProps) {
  if (dialog === null) return null;
  if (dialog.kind === 'line') {
    const line = cart.lines.find((entry) => entry.key === dialog.key);
    if (line === undefined) return null;
    return <LineModal line={line} focus={dialog.focus} today={today} scannedExpired={dialog.scannedExpired} money={money} limitText={limitText} onClose={onClose} onSave={(change) => onLine(line.key, change)} />;
  }
  if (dialog.kind === 'saleDiscount') return <SaleDiscountModal discount={cart.discount} money={money} limitText={limitText} onClose={onClose} onSave={onSaleDiscount} />;
  if (dialog.kind === 'payment') return <PaymentModal cart={cart} totalMinor={totalMinor} money={money} onClose={onClose} onPaid={onPaid} />;
  return <AttachCodeModal code={dialog.code} onClose={onClose} onAttached={() => onAttached(dialog.code)} />;
}
