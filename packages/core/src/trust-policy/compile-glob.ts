import { foldCase } from "./fold-case.js";

/** Whether a whole string matches a compiled glob. */
export type GlobMatcher = (input: string) => boolean;

/** One step of a glob: a literal character, `?`, `*` (a run within a segment) or `**` (any run). */
type GlobToken =
  | { readonly kind: "literal"; readonly char: string }
  | { readonly kind: "one" }
  | { readonly kind: "run"; readonly crossesSegments: boolean };

const isSeparator = (char: string): boolean => char === "/" || char === ":";

/**
 * The steps of a pattern, by code point. Two or more `*` in a row are one `**`: a segment run next to
 * an any-run adds nothing to it.
 */
function globTokens(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  const chars = Array.from(pattern);
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    if (char === "?") tokens.push({ kind: "one" });
    else if (char !== "*") tokens.push({ kind: "literal", char });
    else {
      let end = index;
      while (chars[end + 1] === "*") end++;
      tokens.push({ kind: "run", crossesSegments: end > index });
      index = end;
    }
  }
  return tokens;
}

/** The characters of the literal steps at one end of a pattern. */
function literalRun(tokens: readonly GlobToken[]): string {
  let run = "";
  for (const token of tokens) {
    if (token.kind !== "literal") break;
    run += token.char;
  }
  return run;
}

/**
 * A glob as a whole-string matcher: `*` is any run of characters but `/` and `:` (the empty run too), `**`
 * any run, `?` one character but `/` and `:`, anything else itself. It simulates the pattern as a
 * nondeterministic automaton over its steps, every live step at once, so a match costs at most the input's
 * length times the pattern's, whatever the pattern: there is no backtracking and no RegExp is built. The
 * literal text at either end is compared directly first, leaving the automaton only the middle.
 */
export function compileGlob(pattern: string, ignoreCase: boolean): GlobMatcher {
  const folded = ignoreCase ? foldCase(pattern) : pattern;
  if (!folded.includes("*") && !folded.includes("?")) {
    return ignoreCase ? (input) => foldCase(input) === folded : (input) => input === folded;
  }
  const tokens = globTokens(folded);
  const prefix = literalRun(tokens);
  const suffix = Array.from(literalRun([...tokens].reverse()))
    .reverse()
    .join("");
  const middle = tokens.slice(Array.from(prefix).length, tokens.length - Array.from(suffix).length);
  const matchMiddle = middleMatcher(middle);
  return (input) => {
    const text = ignoreCase ? foldCase(input) : input;
    if (text.length < prefix.length + suffix.length || !text.startsWith(prefix) || !text.endsWith(suffix)) {
      return false;
    }
    return matchMiddle(text.slice(prefix.length, text.length - suffix.length));
  };
}

const SEPARATOR = /[/:]/;

/**
 * The matcher of what lies between the literal ends. Between them, the commonest globs (`refs/heads/*`,
 * `spiffe://td/ns/**`) hold runs only: those need no automaton, just a look for a separator.
 */
function middleMatcher(tokens: readonly GlobToken[]): (middle: string) => boolean {
  if (!tokens.every((token) => token.kind === "run")) return (middle) => simulate(tokens, middle);
  if (tokens.length === 0) return (middle) => middle.length === 0;
  if (tokens.some((token) => token.kind === "run" && token.crossesSegments)) return () => true;
  return (middle) => !SEPARATOR.test(middle);
}

function simulate(tokens: readonly GlobToken[], input: string): boolean {
  const accepting = tokens.length;
  let live = new Uint8Array(accepting + 1);
  let next = new Uint8Array(accepting + 1);
  enter(tokens, live, 0);
  for (const char of input) {
    next.fill(0);
    let alive = false;
    for (let state = 0; state < accepting; state++) {
      if (live[state] === 0) continue;
      const target = step(tokens[state] as GlobToken, state, char);
      if (target === null) continue;
      enter(tokens, next, target);
      alive = true;
    }
    if (!alive) return false;
    [live, next] = [next, live];
  }
  return live[accepting] === 1;
}

/** The state a live state moves to on reading `char`, or `null` when it dies. */
function step(token: GlobToken, state: number, char: string): number | null {
  switch (token.kind) {
    case "literal":
      return token.char === char ? state + 1 : null;
    case "one":
      return isSeparator(char) ? null : state + 1;
    case "run":
      return token.crossesSegments || !isSeparator(char) ? state : null;
  }
}

/** Marks `state` live, and every state after it that runs matching nothing reach. */
function enter(tokens: readonly GlobToken[], states: Uint8Array, state: number): void {
  for (let current = state; current <= tokens.length && states[current] === 0; current++) {
    states[current] = 1;
    if (tokens[current]?.kind !== "run") return;
  }
}
