import { formatDetails } from "./details.js";
import { type Column, formatTable } from "./table.js";

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printRecord(record: Readonly<Record<string, unknown>>): void {
  process.stdout.write(formatDetails(Object.entries(record)));
}

export function printTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], empty: string): void {
  process.stdout.write(rows.length === 0 ? `${empty}\n` : formatTable(columns, rows));
}
