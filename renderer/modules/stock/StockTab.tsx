import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { AlertsPanel } from './AlertsPanel.tsx';
import { BatchesPanel } from './BatchesPanel.tsx';
import { CountPanel } from './CountPanel.tsx';
import { ReceivePanel } from './ReceivePanel.tsx';

const views = [
  { value: 'alerts', label: 'Alerts', Panel: AlertsPanel },
  { value: 'batches', label: 'Batches', Panel: BatchesPanel },
  { value: 'receive', label: 'Receive goods', Panel: ReceivePanel },
  { value: 'count', label: 'Stock count', Panel: CountPanel },
] as const;

/** The pharmacy's stock: alerts first, since they are what needs doing. */
export function StockTab() {
  const [view, setView] = useState<string>('alerts');
  return (
    <Tabs value={view} onChange={(value) => setView(value ?? 'alerts')} keepMounted={false} variant="pills" aria-label="Stock views">
      <Tabs.List>
        {views.map((entry) => (
          <Tabs.Tab key={entry.value} value={entry.value}>
            {entry.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {views.map((entry) => (
        <Tabs.Panel key={entry.value} value={entry.value} pt="md">
          <entry.Panel />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
