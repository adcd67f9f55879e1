/** A small deterministic pseudo-random source (mulberry32), so that generated cases are the same every run. */
export interface Random {
  /** An integer in [0, bound). */
  int(bound: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (bound: number) => Math.floor(next() * bound);
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    chance: (probability) => next() < probability,
  };
}

const SCALARS = [
  "x",
  "X",
  "y",
  "",
  "1",
  1,
  0,
  2.5,
  true,
  false,
  "true",
  "refs/heads/main",
  "a:b",
  "Refs/Heads/x",
];
const VALUES: readonly unknown[] = [...SCALARS, null, ["x", 1], [], ["refs/heads/main", true], { x: "y" }];
const GLOBS = ["*", "**", "x", "X*", "refs/heads/*", "refs/**", "?", "a?b", "*:*", "r*/*/x", "**x", "R*"];
/** Claim references as a rule writes them, and where each points in a generated claims set. */
const REFERENCES = ["a", "b", "sub", "groups", "/nested/x", "/groups/0", "/a~1b", "/b"];

function scalar(random: Random): string | number | boolean {
  return random.pick(SCALARS);
}

/** A claims set over a few names, some missing, some null, some nested or arrays. */
export function generateClaims(random: Random): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  if (random.chance(0.8)) claims.a = random.pick(VALUES);
  if (random.chance(0.8)) claims.b = random.pick(VALUES);
  if (random.chance(0.9)) claims.sub = random.chance(0.8) ? random.pick(["s1", "refs/heads/main", "x"]) : 7;
  if (random.chance(0.7)) claims.groups = Array.from({ length: random.int(4) }, () => random.pick(VALUES));
  if (random.chance(0.7))
    claims.nested = random.chance(0.8) ? { x: random.pick(VALUES) } : random.pick(VALUES);
  if (random.chance(0.5)) claims["a/b"] = random.pick(VALUES);
  return claims;
}

function condition(random: Random): Record<string, unknown> {
  const ignoreCase = random.chance(0.3) ? { ignore_case: random.chance(0.5) } : {};
  // exists is drawn more often than the others, so that whole rules match often enough to be compared.
  switch (random.int(7)) {
    case 0:
      return { eq: scalar(random), ...ignoreCase };
    case 1:
      return { in: Array.from({ length: 1 + random.int(5) }, () => scalar(random)), ...ignoreCase };
    case 2:
      return { glob: random.pick(GLOBS), ...ignoreCase };
    case 3:
      return { contains: scalar(random) };
    default:
      return { exists: random.chance(0.5) };
  }
}

/** One to four rules in wire form, each with one to three conditions, some with a subject and mapped claims. */
export function generateRules(random: Random): Record<string, unknown>[] {
  return Array.from({ length: 1 + random.int(4) }, (_, index) => {
    const when: Record<string, unknown> = {};
    const count = 1 + random.int(3);
    while (Object.keys(when).length < count) when[random.pick(REFERENCES)] = condition(random);
    return {
      name: `r${index}`,
      when,
      ...(random.chance(0.4)
        ? { subject: random.pick(["{a}", "s:{/nested/x}:{b}", "{sub}-{/groups/0}"]) }
        : {}),
      ...(random.chance(0.4) ? { claims: { m: random.pick(REFERENCES), n: "/nested" } } : {}),
      ...(random.chance(0.3) ? { scope: "read write" } : {}),
      ...(random.chance(0.3) ? { access_token_ttl: 1 + random.int(3600) } : {}),
      ...(random.chance(0.3) ? { refresh_tokens: random.chance(0.5) } : {}),
    };
  });
}
