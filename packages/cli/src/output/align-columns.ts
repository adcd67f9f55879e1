/** Rows of cells as lines, each column padded to its widest cell but the last, which is left as it is. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const columns = Math.max(0, ...rows.map((cells) => cells.length));
  const widths = Array.from({ length: columns }, (_, index) =>
    Math.max(...rows.map((cells) => (cells[index] ?? "").length)),
  );
  return rows.map((cells) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}
