import { describe, expect, it } from 'vitest';
import { canMove, catalogueTest, computedFlag, orderCatalogue, orderStatuses, orderStatusRanks, rangeFor, resultsTable, searchCatalogue, type ChartResult } from '#shared/modules/orders/index.ts';

describe('order status machine', () => {
  it('moves forward only, and every allowed step keeps or raises the merge rank', () => {
    expect(canMove('ORDERED', 'COLLECTED')).toBe(true);
    expect(canMove('ORDERED', 'RESULTED')).toBe(true);
    expect(canMove('COLLECTED', 'RESULTED')).toBe(true);
    expect(canMove('COLLECTED', 'CANCELLED')).toBe(true);
    expect(canMove('RESULTED', 'RESULTED')).toBe(true);
    expect(canMove('RESULTED', 'CANCELLED')).toBe(false);
    expect(canMove('CANCELLED', 'RESULTED')).toBe(false);
    expect(canMove('COLLECTED', 'ORDERED')).toBe(false);
    for (const from of orderStatuses) for (const to of orderStatuses) if (canMove(from, to)) expect(orderStatusRanks[to], `${from}→${to}`).toBeGreaterThanOrEqual(orderStatusRanks[from]);
  });
});

describe('result flags', () => {
  const range = (low: string | null, high: string | null) => ({ low, high, normalText: null });
  it('flags a number against its range, at the ends inclusive', () => {
    expect(computedFlag('11.9', range('12.0', '15.5'))).toBe('LOW');
    expect(computedFlag('12.0', range('12.0', '15.5'))).toBe('NORMAL');
    expect(computedFlag('15.5', range('12.0', '15.5'))).toBe('NORMAL');
    expect(computedFlag('15,6', range('12.0', '15.5'))).toBe('HIGH');
    expect(computedFlag('6.1', range(null, '5.2'))).toBe('HIGH');
    expect(computedFlag('0.9', range('1.0', null))).toBe('LOW');
    expect(computedFlag('7', range(null, null))).toBeNull();
  });
  it('flags words against the normal answer, and leaves a report to the reader', () => {
    expect(computedFlag('negative', { low: null, high: null, normalText: 'Negative' })).toBe('NORMAL');
    expect(computedFlag('Positive', { low: null, high: null, normalText: 'Negative' })).toBe('ABNORMAL');
    expect(computedFlag('Clear lung fields', { low: null, high: null, normalText: null })).toBeNull();
  });
});

describe('the test catalogue', () => {
  it('ships about sixty lab tests and fifteen imaging studies, each code once, each priced', () => {
    expect(orderCatalogue.filter((test) => test.kind === 'LAB').length).toBeGreaterThanOrEqual(55);
    expect(orderCatalogue.filter((test) => test.kind === 'IMAGING').length).toBeGreaterThanOrEqual(15);
    expect(new Set(orderCatalogue.map((test) => test.code)).size).toBe(orderCatalogue.length);
    for (const test of orderCatalogue) {
      expect(test.unitPriceMinor, test.code).toBeGreaterThan(0);
      expect(Number.isInteger(test.unitPriceMinor), test.code).toBe(true);
      expect(test.components.length, test.code).toBeGreaterThan(0);
      expect(new Set(test.components.map((component) => component.code)).size, test.code).toBe(test.components.length);
      if (test.loinc !== null) expect(test.loinc, test.code).toMatch(/^\d{1,6}-\d$/);
    }
  });
  it('gives ranges by sex where they differ, and finds tests by typing', () => {
    const haemoglobin = catalogueTest('CBC')?.components.find((component) => component.code === 'HGB');
    if (haemoglobin === undefined) throw new Error('no haemoglobin');
    expect(rangeFor(haemoglobin, 'FEMALE')).toEqual({ low: '12.0', high: '15.5' });
    expect(rangeFor(haemoglobin, 'MALE')).toEqual({ low: '13.5', high: '17.5' });
    expect(searchCatalogue(orderCatalogue, 'blood count').map((test) => test.code)).toContain('CBC');
    expect(searchCatalogue(orderCatalogue, 'chest x-ray').map((test) => test.code)).toEqual(['XR-CHEST-2V', 'XR-CHEST-1V']);
    expect(searchCatalogue(orderCatalogue, '4548-4').map((test) => test.code)).toEqual(['HBA1C']);
  });
});

describe('the results table', () => {
  it('is a row per test item and a column per day, oldest first, the day’s latest value in each cell', () => {
    const result = (componentCode: string, value: string, takenAt: string): ChartResult => ({ orderId: takenAt, testCode: 'CBC', testName: 'Complete blood count', componentCode, componentName: componentCode, value, unit: 'g/dL', rangeLow: null, rangeHigh: null, flag: null, takenAt });
    const table = resultsTable([result('HGB', '11.0', '2026-03-02T10:00:00.000Z'), result('HGB', '12.5', '2026-01-05T10:00:00.000Z'), result('WBC', '7', '2026-03-02T10:00:00.000Z'), result('HGB', '11.2', '2026-03-02T15:00:00.000Z')], (iso) => iso.slice(0, 10));
    expect(table.dates).toEqual(['2026-01-05', '2026-03-02']);
    expect(table.rows.map((row) => row.key)).toEqual(['CBC/HGB', 'CBC/WBC']);
    expect(table.rows[0]?.cells.get('2026-03-02')?.value).toBe('11.2');
    expect(table.rows[1]?.cells.get('2026-01-05')).toBeUndefined();
  });
});
