import { Alert, Button, Grid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { SaleView } from '#shared/modules/sales/index.ts';
import { discountLimitOf } from '#shared/modules/sales/index.ts';
import { useScanCapture } from '../../scanning/use-scan-capture.ts';
import { useClinicToday, useClinicZone, useRoles } from '../../state/clinic-hooks.ts';
import { useAppStore } from '../../state/store.ts';
import { addPack, cartTotals, emptyCart, removeLine, updateLine } from './cart.ts';
import { useCartStore, useClinicCarts } from './cart-store.ts';
import { CartTable } from './CartTable.tsx';
import { CounterDialogs, type CounterDialog } from './CounterDialogs.tsx';
import { textOfDiscount } from './discount-text.ts';
import type { CounterCommand } from './function-keys.ts';
import { FunctionKeyBar } from './FunctionKeyBar.tsx';
import type { LineField } from './LineModal.tsx';
import { useClinicMoney } from './money.ts';
import { ParkedSales } from './ParkedSales.tsx';
import { ProductSearch } from './ProductSearch.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';
import { TotalsPanel } from './TotalsPanel.tsx';
import { useCounterKeys } from './use-counter-keys.ts';
import { useCounterLookup, type CounterOutcome } from './use-counter-scan.ts';

type Notice = { readonly color: 'red' | 'orange' | 'blue'; readonly title: string; readonly text: string };

const lineFields: Partial<Record<CounterCommand, LineField>> = { quantity: 'quantity', batch: 'batch', lineDiscount: 'discount' };

/** The pharmacy counter: scan or search to fill the cart, keys for everything, pay, print the receipt. */
export function PointOfSaleTab() {
  const clinicId = useAppStore((state) => state.session?.activeClinic?.clinicId ?? '');
  const timeZone = useClinicZone();
  const today = useClinicToday();
  const limit = discountLimitOf(useRoles());
  const limitText = `Your limit: ${String(limit / 100)} % of the sale, all discounts together.`;
  const money = useClinicMoney();
  const { current: cart, parked } = useClinicCarts(clinicId);
  const { updateCurrent, park, resume } = useCartStore.getState();
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [dialog, setDialog] = useState<CounterDialog | null>(null);
  const [lastSale, setLastSale] = useState<SaleView | null>(null);
  const [discardArmed, setDiscardArmed] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const offerRef = useRef<HTMLButtonElement>(null);
  const lookup = useCounterLookup(today);
  const totals = cartTotals(cart);
  const selected = cart.lines.find((line) => line.key === selectedKey) ?? cart.lines[cart.lines.length - 1];

  useEffect(() => searchRef.current?.focus(), []);
  useEffect(() => {
    if (unknownCode !== null) offerRef.current?.focus();
  }, [unknownCode]);

  const apply = (outcome: CounterOutcome) => {
    setDiscardArmed(false);
    if (outcome.kind === 'refused') {
      setNotice({ color: 'red', title: 'Not added', text: outcome.message });
      return;
    }
    if (outcome.kind === 'unknown') {
      setNotice(null);
      setUnknownCode(outcome.code);
      return;
    }
    let added = '';
    updateCurrent(clinicId, (current) => {
      const result = addPack(current, outcome.line, () => crypto.randomUUID());
      added = result.key;
      return result.cart;
    });
    setSelectedKey(added);
    setUnknownCode(null);
    setLastSale(null);
    setNotice(outcome.warnings.length > 0 ? { color: 'orange', title: 'Check the pack', text: outcome.warnings.join(' ') } : { color: 'blue', title: 'Added', text: outcome.line.productLabel });
    if (outcome.expired) setDialog({ kind: 'line', key: added, focus: 'override', scannedExpired: true });
  };

  useScanCapture({ onScan: (code) => void lookup.fromCode(code).then(apply), enabled: dialog === null });

  const run = (command: CounterCommand) => {
    if (command !== 'newSale') setDiscardArmed(false);
    const field = lineFields[command];
    if (field !== undefined) {
      if (selected !== undefined) setDialog({ kind: 'line', key: selected.key, focus: field, scannedExpired: false });
    } else if (command === 'remove') {
      if (selected !== undefined) updateCurrent(clinicId, (current) => removeLine(current, selected.key));
    } else if (command === 'saleDiscount' || command === 'pay') {
      if (cart.lines.length > 0) setDialog({ kind: command === 'pay' ? 'payment' : 'saleDiscount' });
    } else if (command === 'park') {
      if (cart.lines.length === 0) return;
      park(clinicId, crypto.randomUUID(), new Date().toISOString());
      setNotice({ color: 'blue', title: 'Sale parked', text: 'The cart is kept under Parked sales; the counter is ready for the next customer.' });
    } else if (cart.lines.length > 0 && !discardArmed) {
      setDiscardArmed(true);
      setNotice({ color: 'orange', title: 'Empty the cart?', text: 'Press F10 again to empty the cart and start a new sale, or F9 to park it instead.' });
    } else {
      updateCurrent(clinicId, () => emptyCart);
      setDiscardArmed(false);
      setNotice(null);
      setLastSale(null);
      searchRef.current?.focus();
    }
  };

  const move = (step: 1 | -1) => {
    if (cart.lines.length === 0) return;
    const index = selected === undefined ? 0 : cart.lines.indexOf(selected);
    setSelectedKey(cart.lines[Math.min(cart.lines.length - 1, Math.max(0, index + step))]?.key ?? null);
  };

  useCounterKeys({
    enabled: dialog === null,
    onCommand: run,
    onMove: move,
    onEscape: () => {
      setUnknownCode(null);
      searchRef.current?.focus();
    },
  });

  const enabled = (command: CounterCommand) => (lineFields[command] !== undefined || command === 'remove' ? selected !== undefined : cart.lines.length > 0);
  const saleDiscount = cart.discount === null ? null : cart.discount.kind === 'percent' ? `${textOfDiscount(cart.discount, money.digits).text} %` : money.format(cart.discount.minor);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="sm">
          <ProductSearch
            id="pos-search"
            label="Scan, type a code, or search a product"
            description="A scan anywhere on this screen adds the pack. Type a name and choose with ↓ and Enter, or type a code and press Enter."
            inputRef={searchRef}
            firstReady={false}
            onPick={(product) => void lookup.fromProduct(product.id).then(apply)}
            onEnterText={(code) => void lookup.fromCode(code).then(apply)}
          />
          {unknownCode !== null && (
            <Alert color="orange" title="Unknown code" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">No product has the code {unknownCode}.</Text>
                <Button ref={offerRef} size="compact-sm" onClick={() => setDialog({ kind: 'attach', code: unknownCode })}>
                  Attach this code to a product…
                </Button>
              </Stack>
            </Alert>
          )}
          {notice !== null && (
            <Alert color={notice.color} title={notice.title} role={notice.color === 'blue' ? 'status' : 'alert'}>
              {notice.text}
            </Alert>
          )}
          <FunctionKeyBar enabled={enabled} onCommand={run} />
          <CartTable lines={cart.lines} totals={totals.lines} selectedKey={selected?.key ?? null} onSelect={setSelectedKey} money={money} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="sm">
          <TotalsPanel totals={totals} money={money} saleDiscountText={saleDiscount} />
          <Button size="md" onClick={() => run('pay')} disabled={cart.lines.length === 0} aria-keyshortcuts="F8">
            Pay {money.format(totals.totalMinor)} (F8)
          </Button>
          {lastSale !== null && (
            <Stack gap={4} role="region" aria-label="Last sale">
              <Title order={2} size="h5">
                Sale {lastSale.receiptNumber} paid
              </Title>
              {lastSale.changeMinor > 0 && (
                <Text size="lg" fw={700}>
                  Change {money.format(lastSale.changeMinor)}
                </Text>
              )}
              <ReceiptPreview receiptNumber={lastSale.receiptNumber} autoPaper="ROLL_80MM" />
            </Stack>
          )}
          <ParkedSales
            parked={parked}
            timeZone={timeZone}
            money={money}
            onResume={(id) => {
              resume(clinicId, id, crypto.randomUUID(), new Date().toISOString());
              setSelectedKey(null);
              setNotice({ color: 'blue', title: 'Sale resumed', text: 'The parked cart is back; the cart you had is parked in its place.' });
              searchRef.current?.focus();
            }}
          />
        </Stack>
      </Grid.Col>
      <CounterDialogs
        dialog={dialog}
        cart={cart}
        totalMinor={totals.totalMinor}
        today={today}
        money={money}
        limitText={limitText}
        onClose={() => setDialog(null)}
        onLine={(key, change) => {
          updateCurrent(clinicId, (current) => updateLine(current, key, change));
          setDialog(null);
        }}
        onSaleDiscount={(discount) => {
          updateCurrent(clinicId, (current) => ({ ...current, discount }));
          setDialog(null);
        }}
        onPaid={(sale) => {
          updateCurrent(clinicId, () => emptyCart);
          setDialog(null);
          setLastSale(sale);
          setNotice(null);
          setSelectedKey(null);
        }}
        onAttached={(code) => {
          setDialog(null);
          setUnknownCode(null);
          void lookup.fromCode(code).then(apply);
        }}
      />
    </Grid>
  );
}
