/** A call's answer over HTTP: its status and body. */
export type Answer = { readonly status: number; readonly body: unknown };

/** Ids, references and instants differ between any two records; masked, the answers' shapes can be compared. */
export function masked(answer: Answer): string {
  return JSON.stringify(answer.body)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/[A-Z]{3}\d{2}-[A-Z]\d+/g, '<reference>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<instant>');
}

/** The outcome alone: succeeded, or the error's code and message. */
export function outcomeOf(answer: Answer): string {
  const body = answer.body as { ok?: boolean; error?: { code?: string; message?: string } };
  if (body.ok === true) return `${String(answer.status)} ok`;
  const message = (body.error?.message ?? '').replace(/[A-Z]{3}\d{2}-[A-Z]\d+/g, '<reference>');
  return `${String(answer.status)} ${body.error?.code ?? '?'} ${message}`;
}

/**
 * Strings of one organization's rows that would betray it if another's user were shown them:
 * long ones anywhere in an answer, short ones as a whole JSON string. Dates, instants, enum
 * words and JSON texts identify no one and are left out, as is whatever the caller's own
 * organization also holds or the caller sent.
 */
export class Betrayals {
  readonly #long: string[] = [];
  readonly #short: string[] = [];

  constructor(values: Iterable<string>) {
    for (const value of new Set(values)) {
      if (value.length < 5 || /^\d{4}-\d{2}-\d{2}/.test(value) || /^[A-Z_]+$/.test(value) || /^[[{]/.test(value)) continue;
      (value.length >= 10 ? this.#long : this.#short).push(value);
    }
  }

  /** The betraying strings found in an answer, leaving out those the caller knows. */
  foundIn(answer: Answer, known: ReadonlySet<string>, sent: string): string[] {
    const text = JSON.stringify(answer.body);
    const unknown = (value: string): boolean => !known.has(value) && !sent.includes(value);
    return [...this.#long.filter((value) => unknown(value) && text.includes(value)), ...this.#short.filter((value) => unknown(value) && text.includes(JSON.stringify(value)))];
  }
}

/** Every string value of a set of rows kept as JSON texts. */
export function stringsOf(rows: Iterable<string>): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const value of Object.values(JSON.parse(row) as Record<string, unknown>)) if (typeof value === 'string') found.push(value);
  }
  return found;
}
