/**
 * One LinkedIn CSV file as rows keyed by column name, each with the line it starts on. The
 * parsing is csv-parse's (byte-order mark, CRLF, quoted commas and line breaks); what is added
 * here is finding the header row below a preamble (Connections.csv opens with "Notes:" and a
 * quoted paragraph) and locating every problem by line.
 */
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRow {
  line: number;
  get(column: string): string;
}

export type CsvTable =
  | { ok: true; rows: CsvRow[] }
  | { ok: false; line: number; problem: 'syntax' | 'no-header' | 'field-count'; detail: string };

/**
 * Reads `text`; the header is the first record that has `keyColumn` (LinkedIn's column names are
 * fixed, but preambles before them have changed over the years).
 */
export function readCsv(text: string, keyColumn: string): CsvTable {
  // One kind of line end, so csv-parse's line count is the file's (it counts a quoted CRLF twice).
  const source = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // The typings do not model `info: true`, which turns each record into { record, info }.
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return { ok: false, line, problem: 'syntax', detail: error.message };
    }
    throw error;
  }
  // A record ends on info.lines; it starts as many lines earlier as its fields hold line breaks.
  const located = records.map(({ record, info }) => ({
    cells: record,
    line: info.lines - record.join('').split('\n').length + 1,
  }));
  const headerAt = located.findIndex(({ cells }) => cells.some((c) => c.trim() === keyColumn));
  if (headerAt < 0) return { ok: false, line: 1, problem: 'no-header', detail: keyColumn };
  const header = located[headerAt]!.cells.map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (const { cells, line } of located.slice(headerAt + 1)) {
    if (cells.length !== header.length && !(cells.length === 1 && cells[0] === '')) {
      return {
        ok: false,
        line,
        problem: 'field-count',
        detail: `${cells.length} fields where the header has ${header.length}`,
      };
    }
    rows.push({
      line,
      get: (column) => (cells[header.indexOf(column)] ?? '').trim(),
    });
  }
  return { ok: true, rows };
}
