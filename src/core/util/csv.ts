/**
 * CSV as Python's `csv` module reads and writes it with the default
 * (excel) dialect: `,` between fields, `"` quoting with `""` for a quote,
 * quoted fields may span lines; written rows end with `\n` and only fields
 * that need it are quoted.
 */

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let rowStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
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
    } else if (c === ",") {
      row.push(field);
      field = "";
      rowStarted = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      rows.push(rowStarted || field ? [...row, field] : []);
      [row, field, rowStarted] = [[], "", false];
    } else {
      field += c;
      rowStarted = true;
    }
  }
  if (rowStarted || field || row.length) rows.push([...row, field]);
  return rows;
}

export function formatCsvRow(fields: readonly string[]): string {
  return `${fields.map(quoteField).join(",")}\n`;
}

function quoteField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
