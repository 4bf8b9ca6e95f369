import Papa from 'papaparse';

/**
 * Cells a spreadsheet would run as a formula (OWASP's list). papaparse's own `escapeFormulae:
 * true` pattern ends in `.*$` without the `s` flag, so a multi-line post starting with `=`
 * slipped through it; this one looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV for spreadsheets: text that would start a formula is prefixed with `'` (and
 * quoted), so customer-written posts cannot run in the lead's spreadsheet. Objects are JSON.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);
  const data = rows.map((r) => r.map(cell));
  return Papa.unparse(data, { escapeFormulae: FORMULA_START, newline: '\r\n' }) + '\r\n';
}

export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
