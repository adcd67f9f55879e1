import { formatValue } from "./format-value.js";

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => unknown;
}

/** A plain-text table: a header line, then one line per row, columns padded to their widest cell. */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [
    columns.map((column) => column.header),
    ...rows.map((row) => columns.map((column) => formatValue(column.value(row)).replace(/\s*\n\s*/g, " "))),
  ];
  const widths = columns.map((_, index) => Math.max(...lines.map((cells) => (cells[index] ?? "").length)));
  return lines
    .map((cells) =>
      cells
        .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")
    .concat("\n");
}
