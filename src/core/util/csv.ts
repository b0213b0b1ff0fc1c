/**
 * CSV as Python's `csv` module reads and writes it with the default
 * (excel) dialect: `,` between fields, `"` quoting with `""` for a quote,
 * quoted fields may span lines; written rows end with `\n` and only fields
 * that need it are quoted.
 */

/** A row and the line it starts on (1-based); a quoted field may span lines. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A quote left open at the end of the text: the line the field starts on. */
export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvError";
    this.line = line;
  }
}

export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let rowStarted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line += 1;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      rowStarted = true;
      quoteLine = line;
    } else if (c === ",") {
      row.push(field);
      field = "";
      rowStarted = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") {
        i += 1;
        line += 1;
      }
      records.push({ fields: rowStarted || field ? [...row, field] : [], line: rowLine });
      [row, field, rowStarted, rowLine] = [[], "", false, line];
    } else {
      field += c;
      rowStarted = true;
    }
  }
  if (quoted) throw new CsvError("unterminated quoted field", quoteLine);
  if (rowStarted || field || row.length) records.push({ fields: [...row, field], line: rowLine });
  return records;
}

export function formatCsvRow(fields: readonly string[]): string {
  return `${fields.map(quoteField).join(",")}\n`;
}

function quoteField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
