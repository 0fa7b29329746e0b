import { describe, expect, it } from 'vitest';
import { IMPORT_PART_MAX_CHARS } from '#shared/modules/diagnosis-codes/calls.ts';
import { partEnd } from '#shared/modules/diagnosis-codes/file-parts.ts';

function parts(text: string): string[] {
  const cut: string[] = [];
  for (let at = 0; at < text.length; ) {
    const end = partEnd(text, at);
    cut.push(text.slice(at, end));
    at = end;
  }
  return cut;
}

describe('cutting a code file into parts to upload', () => {
  it('cuts after whole lines, each part within the limit, losing nothing', () => {
    const line = `A000    Cholera due to Vibrio cholerae 01, biovar cholerae ${'x'.repeat(40)}\r\n`;
    const text = line.repeat(Math.ceil((IMPORT_PART_MAX_CHARS * 2.5) / line.length));
    const cut = parts(text);
    expect(cut.length).toBe(3);
    expect(cut.join('')).toBe(text);
    for (const part of cut) {
      expect(part.length).toBeLessThanOrEqual(IMPORT_PART_MAX_CHARS);
      expect(part.endsWith('\n')).toBe(true);
    }
  });

  it('never splits a character made of two halves in a line longer than a part', () => {
    const text = `${'a'.repeat(IMPORT_PART_MAX_CHARS - 1)}😀${'b'.repeat(10)}`;
    const cut = parts(text);
    expect(cut.join('')).toBe(text);
    expect(cut[0]).toBe('a'.repeat(IMPORT_PART_MAX_CHARS - 1));
    expect(cut[1]?.startsWith('😀')).toBe(true);
  });
});
