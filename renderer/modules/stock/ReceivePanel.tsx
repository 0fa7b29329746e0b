import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { minorUnitsFromText, textFromMinorUnits } from '#shared/money/amount-text.ts';
import type { GoodsReceipt, ScanResult } from '#shared/modules/stock/stock-views.ts';
import { api } from '../../api/api.ts';
import { useCall } from '../../api/use-call.ts';
import { formatDate } from '../../format/time.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCallForm } from '../../forms/use-call-form.ts';
import { useScanCapture } from '../../scanning/use-scan-capture.ts';

function StartReceipt({ onOpened }: { onOpened: (receipt: GoodsReceipt) => void }) {
  const suppliers = useCall('stock.suppliers.list', {});
  const form = useForm({ mode: 'controlled', initialValues: { supplierId: '', newSupplier: '', supplierReference: '' } });
  const { failure, run } = useCallForm(form.setErrors);
  const start = form.onSubmit(async (values) => {
    await run(async () => {
      const supplierId = values.supplierId !== '' ? values.supplierId : (await api.call('stock.suppliers.save', { name: values.newSupplier, contact: '', phone: '', email: '', active: true })).id;
      onOpened(await api.call('stock.receipts.open', { supplierId, supplierReference: values.supplierReference }));
    });
  });
  const options = suppliers.status === 'done' ? suppliers.result.suppliers.filter((supplier) => supplier.active).map((supplier) => ({ value: supplier.id, label: supplier.name })) : [];
  return (
    <form onSubmit={start} noValidate aria-label="Start a goods receipt">
      <Stack gap="xs" maw={520}>
        <Select label="Supplier" placeholder={options.length === 0 ? 'No supplier yet: name a new one' : 'Choose a supplier'} data={options} searchable clearable {...form.getInputProps('supplierId')} />
        {form.values.supplierId === '' && <TextInput label="New supplier" description="Added to the chain's suppliers" {...form.getInputProps('newSupplier')} />}
        <TextInput label="Delivery note number" {...form.getInputProps('supplierReference')} />
        <FormAlert message={failure} />
        <Group>
          <Button type="submit">Start receiving</Button>
        </Group>
      </Stack>
    </form>
  );
}

type LineValues = { productId: string; productLabel: string; lot: string; expiryDate: string; quantity: string; cost: string };
const emptyLine: LineValues = { productId: '', productLabel: '', lot: '', expiryDate: '', quantity: '1', cost: '' };

function ReceiveLines({ receipt, onChanged, onDone }: { receipt: GoodsReceipt; onChanged: (receipt: GoodsReceipt) => void; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [scan, setScan] = useState<ScanResult | null>(null);
  const form = useForm<LineValues>({ mode: 'controlled', initialValues: emptyLine });
  const { failure, run } = useCallForm(form.setErrors);
  const { setValues } = form;

  const readCode = useCallback(
    async (scanned: string) => {
      const result = await api.call('stock.scan', { code: scanned });
      setScan(result);
      setCode('');
      if (result.product === null) return;
      setValues({
        productId: result.product.id,
        productLabel: result.product.label,
        lot: result.reading.kind === 'gs1' ? (result.reading.lot ?? '') : '',
        expiryDate: result.reading.kind === 'gs1' ? (result.reading.expiry ?? '') : '',
      });
    },
    [setValues],
  );
  useScanCapture({ onScan: (scanned) => void readCode(scanned) });

  const receive = form.onSubmit(async (values) => {
    const costPriceMinor = minorUnitsFromText(values.cost);
    if (costPriceMinor === null) {
      form.setFieldError('cost', 'Type the cost of one pack, as 12.50');
      return;
    }
    const quantity = Number(values.quantity);
    const ok = await run(async () => {
      onChanged(await api.call('stock.receipts.receiveLine', { receiptId: receipt.id, productId: values.productId, lot: values.lot, expiryDate: values.expiryDate === '' ? null : values.expiryDate, quantity, costPriceMinor }));
    });
    if (ok) {
      form.setValues(emptyLine);
      setScan(null);
    }
  });

  const post = async () => {
    const posted = await api.call('stock.receipts.post', { receiptId: receipt.id });
    notifications.show({ color: 'green', message: `Goods receipt ${posted.reference} posted with ${String(posted.lines.length)} lines.` });
    onDone();
  };

  return (
    <Stack>
      <Title order={2} size="h4">
        Goods receipt {receipt.reference} from {receipt.supplierName}
      </Title>
      <TextInput
        label="Scan or type a pack code"
        description="A scan anywhere on this screen lands here; press Enter after typing a code."
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && code.trim() !== '') {
            event.preventDefault();
            void readCode(code);
          }
        }}
        maw={520}
      />
      {scan !== null && scan.reading.kind === 'refused' && (
        <Alert color="red" role="alert" title="Code not read">
          {scan.reading.message}
        </Alert>
      )}
      {scan !== null && scan.reading.kind !== 'refused' && scan.product === null && (
        <Alert color="yellow" role="alert" title="Unknown code">
          No product has this code. Add it to the product in the catalogue, then scan again.
        </Alert>
      )}
      {scan !== null && scan.warnings.length > 0 && (
        <Alert color="yellow" role="status" title="Check the pack">
          {scan.warnings.join(' ')}
        </Alert>
      )}
      <form onSubmit={receive} noValidate aria-label="Receive a line">
        <Stack gap="xs">
          <Text fw={600}>{form.values.productLabel === '' ? 'Scan a pack to choose the product.' : form.values.productLabel}</Text>
          <Group align="flex-start" grow>
            <TextInput label="Lot" required {...form.getInputProps('lot')} />
            <TextInput label="Expiry (YYYY-MM-DD)" {...form.getInputProps('expiryDate')} />
            <TextInput label="Packs" required inputMode="numeric" {...form.getInputProps('quantity')} />
            <TextInput label="Cost of one pack" required inputMode="decimal" {...form.getInputProps('cost')} />
          </Group>
          <FormAlert message={failure} />
          <Group>
            <Button type="submit" disabled={form.values.productId === ''}>
              Receive line
            </Button>
          </Group>
        </Stack>
      </form>
      <Table striped withTableBorder aria-label="Lines received">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Product</Table.Th>
            <Table.Th>Lot</Table.Th>
            <Table.Th>Expiry</Table.Th>
            <Table.Th>Packs</Table.Th>
            <Table.Th>Cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {receipt.lines.map((line) => (
            <Table.Tr key={line.movementId}>
              <Table.Td>{line.productLabel}</Table.Td>
              <Table.Td>{line.lot}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{line.expiryDate === null ? '—' : formatDate(line.expiryDate)}</Table.Td>
              <Table.Td>{line.quantity}</Table.Td>
              <Table.Td>{textFromMinorUnits(line.costPriceMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" onClick={() => void post()} disabled={receipt.lines.length === 0}>
          Post goods receipt
        </Button>
      </Group>
    </Stack>
  );
}

/** Goods in: choose the supplier, then scan each pack of the delivery and receive it line by line. */
export function ReceivePanel() {
  const [receipt, setReceipt] = useState<GoodsReceipt | null>(null);
  return receipt === null ? <StartReceipt onOpened={setReceipt} /> : <ReceiveLines key={receipt.id} receipt={receipt} onChanged={setReceipt} onDone={() => setReceipt(null)} />;
}

