import { Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { readScannedCode } from '#shared/scanning/scanned-code.ts';
import { api } from '../../api/api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { messageOf } from '../../forms/schema-form.ts';
import { ProductSearch } from './ProductSearch.tsx';

/** The code a product is known by: a pack's GTIN (also inside a GS1 code), or the clinic's own label. */
function barcodeOf(code: string): { kind: 'GTIN' | 'CLINIC'; code: string } | null {
  const reading = readScannedCode(code);
  if (reading.kind === 'gtin' || reading.kind === 'gs1') return { kind: 'GTIN', code: reading.gtin14 };
  if (reading.kind === 'own-code') return { kind: 'CLINIC', code: reading.code };
  return null;
}

type AttachCodeModalProps = {
  readonly code: string;
  readonly onAttached: () => void;
  readonly onClose: () => void;
};

/** An unknown code at the counter: type part of the product's name, Enter attaches the code to the first product found. */
export function AttachCodeModal({ code, onAttached, onClose }: AttachCodeModalProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const barcode = barcodeOf(code);
  return (
    <Modal opened onClose={onClose} title="Attach this code to a product" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Code <strong>{barcode?.code ?? code}</strong> belongs to no product yet. Choose the product on the pack: the code is added to it in the catalogue, and the pack goes into the cart.
        </Text>
        <ProductSearch
          id="pos-attach-product"
          label="Product"
          description="Type part of its name; Enter attaches the highlighted product."
          autoFocus
          firstReady
          onPick={(product) => {
            if (barcode === null) return;
            setFailure(null);
            api.call('medicines.addBarcode', { productId: product.id, kind: barcode.kind, code: barcode.code }).then(onAttached, (error: unknown) => setFailure(messageOf(error)));
          }}
        />
        <FormAlert message={failure} />
      </Stack>
    </Modal>
  );
}
