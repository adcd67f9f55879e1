import { alignColumns } from "./align-columns.js";
import { formatValue } from "./format-value.js";

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => unknown;
}

/** A plain-text table: a header line, then one line per row, columns padded to their widest cell. */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return alignColumns([
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((column) => formatValue(column.value(row)).replace(/\s*\n\s*/g, " "))),
  ])
    .join("\n")
    .concat("\n");
}
