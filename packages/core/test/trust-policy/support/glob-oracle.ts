const isSeparator = (char: string | undefined) => char === "/" || char === ":";

/**
 * The documented glob semantics written the plain, exponential way (trying every split), as an independent
 * reference for the compiled matcher on short inputs.
 */
export function globOracle(pattern: readonly string[], input: readonly string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) return input.length === 0;
  if (head === "*") {
    let stars = 1;
    while (pattern[stars] === "*") stars++;
    const after = pattern.slice(stars);
    for (let split = 0; split <= input.length; split++) {
      if (globOracle(after, input.slice(split))) return true;
      if (stars === 1 && isSeparator(input[split])) return false;
    }
    return false;
  }
  if (input.length === 0) return false;
  if (head === "?") return !isSeparator(input[0]) && globOracle(rest, input.slice(1));
  return head === input[0] && globOracle(rest, input.slice(1));
}
