// Claims of one size: the assertions a variant compares differ in the work they ask for, not in the bytes
// the server reads, parses and hashes.
import type { ClaimsFor } from "./assertions.js";

/** Every serial is written with this many digits, so that each assertion of a variant has the same size. */
const SERIAL_DIGITS = 12;

/** A `jti` of fixed width for the `serial`-th assertion. */
export const fixedWidthJti = (serial: number, prefix = "bench") =>
  `${prefix}-${String(serial).padStart(SERIAL_DIGITS, "0")}`;

/** Bytes of the claims as JSON, as the JWS carries them before encoding. */
export const jsonBytes = (claims: Record<string, unknown>) => Buffer.byteLength(JSON.stringify(claims));

/**
 * `claimsFor`'s claims and a `padding` claim, the shortest that brings `sizeOf` them up to `target`. A size
 * measured after base64url grows in steps of one or two bytes, so it may land one byte over. Sizes are taken
 * at one instant: the times have as many digits for decades.
 */
export function paddedTo(
  claimsFor: ClaimsFor,
  sizeOf: (claims: Record<string, unknown>) => number,
  target: number,
): ClaimsFor {
  const now = Math.floor(Date.now() / 1000);
  const withPadding = (padding: string) => sizeOf({ ...claimsFor(now, 1), padding });
  if (withPadding("") > target) throw new Error("the claims to pad are already larger than the target");
  let length = 0;
  while (withPadding("x".repeat(length)) < target) length += 1;
  const padding = "x".repeat(length);
  if (withPadding(padding) > target + 1) throw new Error("the padding is off");
  return (at, serial) => ({ ...claimsFor(at, serial), padding });
}
