import { formatIcdCode } from '#shared/modules/diagnosis-codes/code-format.ts';
import type { TabularCode } from '#shared/modules/diagnosis-codes/tabular-file.ts';
import { starterCodeLines } from './data/starter-codes.ts';

/** The shipped starter list as codes: a code another one starts with is a header. */
export function starterCodes(): TabularCode[] {
  const read = starterCodeLines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const space = line.indexOf(' ');
      const code = formatIcdCode(line.slice(0, space));
      if (code === null || space < 0) throw new Error(`the starter list has a line that is not a code: ${line}`);
      return { code, title: line.slice(space + 1).trim() };
    });
  const undotted = read.map((entry) => entry.code.replace('.', '')).sort();
  const hasChildren = (code: string): boolean => {
    const key = code.replace('.', '');
    return undotted.some((other) => other.length > key.length && other.startsWith(key));
  };
  return read.map((entry) => ({ code: entry.code, title: entry.title, billable: !hasChildren(entry.code) }));
}
