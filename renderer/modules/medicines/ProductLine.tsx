import { Badge, Group, Text } from '@mantine/core';
import { productKindLabels, type ProductSummary } from '#shared/modules/medicines/product.ts';

/** The flags a pharmacist looks for first: prescription-only, controlled, high-alert, retired. */
export function ProductFlags({ product }: { product: ProductSummary }) {
  return (
    <Group gap={4} wrap="wrap">
      {product.kind !== 'MEDICINE' && (
        <Badge variant="light" color="gray" size="sm">
          {productKindLabels[product.kind]}
        </Badge>
      )}
      {product.prescriptionOnly && (
        <Badge variant="light" color="cyan" size="sm">
          Prescription only
        </Badge>
      )}
      {product.controlled && (
        <Badge variant="light" color="orange" size="sm">
          Controlled
        </Badge>
      )}
      {product.highAlert && (
        <Badge variant="light" color="red" size="sm">
          High alert
        </Badge>
      )}
      {!product.active && (
        <Badge variant="outline" color="gray" size="sm">
          Retired
        </Badge>
      )}
    </Group>
  );
}

export function ProductLine({ product }: { product: ProductSummary }) {
  const facts = [product.strengthText, product.doseForm].filter((part) => part !== '').join(' · ');
  return (
    <div>
      <Text size="sm" fw={600}>
        {product.genericName}
        {product.brandName === '' ? null : <Text span size="sm" fw={400}> ({product.brandName})</Text>}
      </Text>
      <Group gap="xs">
        {facts !== '' && (
          <Text size="xs" c="dimmed">
            {facts}
          </Text>
        )}
        <ProductFlags product={product} />
      </Group>
    </div>
  );
}
