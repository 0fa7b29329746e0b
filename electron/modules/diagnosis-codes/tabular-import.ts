import { parseTabularLines, tabularFormatOf, type TabularCode, type TabularFormat } from '#shared/modules/diagnosis-codes/tabular-file.ts';

export type ImportStep = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Reads a published tabular file given in parts of any length, in order: a line cut between two
 * parts is read whole once the next part arrives. The first bad line stops it.
 */
export class TabularImport {
  private format: TabularFormat | null = null;
  private nextLineNumber = 1;
  private carried = '';
  private readonly seen = new Set<string>();
  private readonly read: TabularCode[] = [];

  get linesRead(): number {
    return this.nextLineNumber - 1;
  }

  get codes(): readonly TabularCode[] {
    return this.read;
  }

  addText(text: string): ImportStep {
    const lines = (this.carried + text).split('\n');
    this.carried = lines.pop() ?? '';
    return this.readLines(lines);
  }

  /** Reads what is left after the last part; an empty file is refused. */
  finish(): ImportStep {
    const last = this.carried;
    this.carried = '';
    const step = this.readLines([last]);
    if (!step.ok) return step;
    if (this.read.length === 0) return { ok: false, message: 'The file holds no codes. Nothing was imported.' };
    return step;
  }

  private readLines(lines: readonly string[]): ImportStep {
    if (this.format === null) {
      const first = lines.find((line) => line.trim() !== '');
      if (first !== undefined) this.format = tabularFormatOf(first);
    }
    const parsed = parseTabularLines(lines, this.format ?? 'codes', this.nextLineNumber, this.seen);
    this.nextLineNumber += lines.length;
    if (!parsed.ok) return { ok: false, message: parsed.message };
    for (const code of parsed.codes) this.read.push(code);
    return { ok: true };
  }
}
