import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { paymentMethods, type PaymentMethod } from '#shared/money/payments.ts';
import { scaleRounded } from '#shared/money/rounding.ts';
import type { SaleView } from '#shared/modules/sales/index.ts';
import { api } from '../../api/api.ts';
import { formatDateTime } from '../../format/time.ts';
import { messageOf } from '../../forms/schema-form.ts';
import { useScanCapture } from '../../scanning/use-scan-capture.ts';
import { useClinicZone } from '../../state/clinic-hooks.ts';
import { useClinicMoney } from './money.ts';
import { ReceiptPreview } from './ReceiptPreview.tsx';

const methodLabels: Readonly<Record<PaymentMethod, string>> = { cash: 'Cash', card: 'Card', mobile_money: 'Mobile money' };

/** A customer brings packs back: find the sale by its receipt (typed or scanned), choose what comes back, refund it. */
export function ReturnsTab() {
  const money = useClinicMoney();
  const timeZone = useClinicZone();
  const [number, setNumber] = useState('');
  const [sale, setSale] = useState<SaleView | null>(null);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [refund, setRefund] = useState<SaleView | null>(null);

  const find = async (receiptNumber: string) => {
    setFailure(null);
    setRefund(null);
    setNumber(receiptNumber);
    try {
      const found = await api.call('sales.get', { receiptNumber });
      if (found.kind === 'RETURN') throw new Error(`${found.receiptNumber} is itself a return: find the sale it gave back.`);
      setSale(found);
      setQuantities({});
      setMethod(found.payments[0]?.method ?? 'cash');
    } catch (error) {
      setSale(null);
      setFailure(error instanceof Error && !('code' in error) ? error.message : messageOf(error));
    }
  };
  useScanCapture({ onScan: (code) => void find(code) });

  const chosen = (sale?.lines ?? []).flatMap((line) => {
    const text = (quantities[line.id] ?? '').trim();
    if (text === '' || text === '0') return [];
    return [{ line, quantity: /^\d+$/.test(text) ? Number(text) : Number.NaN }];
  });
  const invalid = chosen.some(({ line, quantity }) => !Number.isInteger(quantity) || quantity < 1 || quantity > line.quantity - line.returnedQuantity);
  const refundMinor = invalid ? 0 : chosen.reduce((sum, { line, quantity }) => sum + scaleRounded(line.totalMinor, quantity, line.quantity), 0);

  const takeReturn = async () => {
    if (sale === null) return;
    setFailure(null);
    try {
      const taken = await api.call('sales.return', { saleId: sale.id, lines: chosen.map(({ line, quantity }) => ({ saleLineId: line.id, quantity })), refundMethod: method, reason });
      setRefund(taken);
      setSale(await api.call('sales.get', { receiptNumber: sale.receiptNumber }));
      setQuantities({});
      setReason('');
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  return (
    <Stack gap="sm" maw={980}>
      <form
        noValidate
        aria-label="Find a sale"
        onSubmit={(event) => {
          event.preventDefault();
          if (number.trim() !== '') void find(number.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput label="Receipt number" description="Scan the barcode on the receipt, or type the number and press Enter." value={number} onChange={(event) => setNumber(event.currentTarget.value)} autoComplete="off" data-autofocus w={340} />
          <Button type="submit" variant="default">
            Find the sale
          </Button>
        </Group>
      </form>
      {sale !== null && (
        <form
          noValidate
          aria-label="Return packs"
          onSubmit={(event) => {
            event.preventDefault();
            void takeReturn();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4">
              Sale {sale.receiptNumber} · {formatDateTime(sale.soldAt, timeZone)} · {money.format(sale.totalMinor)} · sold by {sale.sellerName}
            </Title>
            <Table withTableBorder aria-label="Lines of the sale">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Product</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th ta="right">Sold</Table.Th>
                  <Table.Th ta="right">Returned</Table.Th>
                  <Table.Th ta="right">Paid</Table.Th>
                  <Table.Th>Give back</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sale.lines.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>{line.productLabel}</Table.Td>
                    <Table.Td>{line.lot}</Table.Td>
                    <Table.Td ta="right">{line.quantity}</Table.Td>
                    <Table.Td ta="right">{line.returnedQuantity}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money.plain(line.totalMinor)}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Packs of ${line.productLabel} (lot ${line.lot}) given back, at most ${String(line.quantity - line.returnedQuantity)}`}
                        inputMode="numeric"
                        w={90}
                        disabled={line.returnedQuantity >= line.quantity}
                        value={quantities[line.id] ?? ''}
                        onChange={(event) => {
                          const text = event.currentTarget.value;
                          setQuantities((current) => ({ ...current, [line.id]: text }));
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {invalid && (
              <Alert color="red" role="alert" title="Check the quantities">
                Each line gives back a whole number of packs, no more than were sold and not yet returned.
              </Alert>
            )}
            <Group align="flex-end" grow>
              <Select label="Refund by" data={paymentMethods.map((value) => ({ value, label: methodLabels[value] }))} value={method} onChange={(value) => setMethod(paymentMethods.find((known) => known === value) ?? 'cash')} allowDeselect={false} />
              <TextInput label="Reason for the return" required value={reason} onChange={(event) => setReason(event.currentTarget.value)} maxLength={300} />
            </Group>
            <Text fw={700} role="status">
              Refund {money.format(refundMinor)}
            </Text>
            <Group>
              <Button type="submit" disabled={chosen.length === 0 || invalid || reason.trim() === ''}>
                Take the return
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" title={sale === null ? 'No sale found' : 'Return not taken'}>
          {failure}
        </Alert>
      )}
      {refund !== null && (
        <Stack gap={4} role="region" aria-label="Return taken">
          <Title order={3} size="h5">
            Return {refund.receiptNumber}: {money.format(refund.totalMinor)} refunded by {methodLabels[refund.payments[0]?.method ?? method].toLowerCase()}
          </Title>
          <ReceiptPreview receiptNumber={refund.receiptNumber} autoPaper="ROLL_80MM" />
        </Stack>
      )}
    </Stack>
  );
}
