/** A list typed into one box, one item per line or separated by spaces; blank items dropped. */
export function splitList(text: string): string[] {
  return text.split(/\s+/).filter((item) => item.length > 0);
}
