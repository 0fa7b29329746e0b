import { describe, expect, it } from 'vitest';
import { formatProvisionalReference, formatReference, isProvisionalReference, parseProvisionalReference } from '#shared/domain/reference-numbers.ts';

describe('provisional references', () => {
  it('name the clinic, the series, the workstation and its counter, and never look like a leased one', () => {
    expect(formatProvisionalReference('RFC01', 'M', 3, 15)).toBe('RFC01-M-PROV3-15');
    expect(isProvisionalReference(formatProvisionalReference('RFC01', 'A', 12, 1))).toBe(true);
    expect(isProvisionalReference(formatReference('RFC01', 'M', 1015))).toBe(false);
    // Workstation 1's 15th and workstation 11's 5th stay apart.
    expect(formatProvisionalReference('RFC01', 'M', 1, 15)).not.toBe(formatProvisionalReference('RFC01', 'M', 11, 5));
  });

  it('read back as a person types them: any case, spaces, the clinic code left out', () => {
    expect(parseProvisionalReference('RFC01-M-PROV3-15')).toEqual({ clinicCode: 'RFC01', series: 'M', workstationNumber: 3, counter: 15 });
    expect(parseProvisionalReference(' rfc01 m prov3-15 ')).toEqual({ clinicCode: 'RFC01', series: 'M', workstationNumber: 3, counter: 15 });
    expect(parseProvisionalReference('m-prov3-15')).toEqual({ clinicCode: null, series: 'M', workstationNumber: 3, counter: 15 });
    for (const text of ['RFC01-M1015', 'PROV3-15', 'RFC01-M-PROV3', 'RFC01-M-PROV-15', 'Priya']) expect(parseProvisionalReference(text), text).toBeNull();
  });
});
