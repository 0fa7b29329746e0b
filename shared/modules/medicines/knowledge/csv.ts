// RFC 4180 CSV: commas, double-quoted cells with "" for a quote, CRLF or LF line ends.

export type CsvRows = { readonly ok: true; readonly rows: string[][] } | { readonly ok: false; readonly problem: string };

export function parseCsv(text: string): CsvRows {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < input.length; index += 1) {
    const character = input.charAt(index);
    if (quoted) {
      if (character === '"' && input[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
    } else if (character === '"' && cell === '') {
      quoted = true;
    } else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && input[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line += 1;
    } else {
      cell += character;
    }
  }
  if (quoted) return { ok: false, problem: `Line ${String(line)}: a quoted cell is never closed` };
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { ok: true, rows };
}
