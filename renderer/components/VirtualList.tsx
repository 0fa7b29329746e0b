import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

/**
 * A list of any length that renders only the rows in view, so a day's queue or a long search
 * stays smooth. Rows have a fixed estimated height and are measured once shown.
 */
export function VirtualList<T>({ items, rowHeight, height, label, renderRow, getKey }: { items: readonly T[]; rowHeight: number; height: number | string; label: string; renderRow: (item: T, index: number) => ReactNode; getKey: (item: T) => string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 8, getItemKey: (index) => { const item = items[index]; return item === undefined ? index : getKey(item); } });
  return (
    <div ref={scroller} role="list" aria-label={label} style={{ height, overflowY: 'auto', contain: 'strict' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (item === undefined) return null;
          return (
            <div key={row.key} role="listitem" data-index={row.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${String(row.start)}px)` }}>
              {renderRow(item, row.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
