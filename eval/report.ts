// Printing for eval and bench: plain tables (no colour, so output pasted into a report reads
// the same), and the number formats they share.
import Table from "cli-table3";

export type Cell = string | number;

export interface TableOptions {
  /** Column widths in characters; columns left null size to their content. */
  widths?: (number | null)[];
  /** Columns aligned right (numbers). */
  right?: number[];
}

export function table(head: string[], rows: Cell[][], options: TableOptions = {}): string {
  const t = new Table({
    head,
    style: { head: [], border: [], compact: true },
    colWidths: options.widths ?? [],
    colAligns: head.map((_, i) => (options.right?.includes(i) ? "right" : "left")),
    wordWrap: true,
    wrapOnWordBoundary: true,
  });
  for (const r of rows) t.push(r.map(String));
  return t.toString();
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

export function f3(x: number): string {
  return x.toFixed(3);
}

export function ms(x: number): string {
  return x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`;
}

export function section(title: string): string {
  return `\n== ${title} ${"=".repeat(Math.max(0, 76 - title.length))}`;
}
