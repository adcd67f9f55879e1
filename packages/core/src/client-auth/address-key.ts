const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/** The eight hextets of an IPv6 address (an IPv4 tail counts as two), or `undefined` if it is not one. */
function hextets(address: string): string[] | undefined {
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const parts = (half: string | undefined) =>
    half === undefined || half === ""
      ? []
      : half.split(":").flatMap((part) => (part.includes(".") ? ["0", "0"] : [part]));
  const head = parts(halves[0]);
  const tail = parts(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array.from({ length: missing }, () => "0"), ...tail];
  return all.every((part) => HEXTET.test(part)) ? all : undefined;
}

/**
 * The key a source address counts under. An IPv6 address counts by its /64 network, since one host commonly
 * holds a whole /64 and could otherwise change address at every attempt; an IPv4-mapped IPv6 address (what a
 * dual-stack socket reports) counts as its IPv4 address.
 */
export function addressKey(address: string): string {
  const mapped = IPV4_MAPPED.exec(address)?.[1];
  if (mapped !== undefined) return mapped;
  if (!address.includes(":")) return address;
  const groups = hextets(address.split("%")[0] ?? address);
  if (groups === undefined) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
