import { fieldError } from "./field-error.js";

/** The least estimated entropy of a client secret brought from another server. */
export const MIN_IMPORTED_SECRET_BITS = 128;
const MAX_SECRET_LENGTH = 512;
/** Fewer distinct characters than this is a pattern, whatever its length. */
const MIN_DISTINCT_CHARACTERS = 10;

const CLASSES: readonly { readonly test: RegExp; readonly size: number }[] = [
  { test: /[a-z]/, size: 26 },
  { test: /[A-Z]/, size: 26 },
  { test: /[0-9]/, size: 10 },
  { test: /[^a-zA-Z0-9]/, size: 33 },
];

/**
 * The entropy a secret can have at most, in bits: its length times log2 of the alphabet its character
 * classes span (lower case 26, upper case 26, digits 10, other printable ASCII 33). A random 32-character
 * hex secret rates 165 bits, a 22-character base64url one 131.
 */
export function estimatedSecretBits(secret: string): number {
  const alphabet = CLASSES.filter(({ test }) => test.test(secret)).reduce((sum, { size }) => sum + size, 0);
  return alphabet === 0 ? 0 : secret.length * Math.log2(alphabet);
}

/**
 * A client secret an operator brings from another server (so its clients keep working): printable ASCII
 * without spaces, at most 512 characters, at least 10 distinct characters, and an estimated entropy of at
 * least 128 bits. It is stored hashed like a generated one.
 */
export function importedClientSecret(secret: string): string {
  if (secret.length > MAX_SECRET_LENGTH || !/^[\x21-\x7e]+$/.test(secret)) {
    throw fieldError(
      "client_secret",
      `must be printable ASCII without spaces, at most ${MAX_SECRET_LENGTH} characters`,
    );
  }
  const distinct = new Set(secret).size;
  const bits = estimatedSecretBits(secret);
  if (distinct < MIN_DISTINCT_CHARACTERS || bits < MIN_IMPORTED_SECRET_BITS) {
    throw fieldError(
      "client_secret",
      `is too weak: at least ${MIN_IMPORTED_SECRET_BITS} bits of estimated entropy are required (length × log2 of the character classes used; e.g. 32 hex digits, or 22 base64url characters) and ${MIN_DISTINCT_CHARACTERS} distinct characters`,
    );
  }
  return secret;
}
