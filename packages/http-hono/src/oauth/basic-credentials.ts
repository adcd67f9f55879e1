import { invalidClient } from "@jwtgrant/core";

export interface BasicCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the whole of ASCII, by design.
const ASCII = /^[\x00-\x7f]*$/;

/** The bytes of a binary string (one char per byte, as `atob` returns), without a per-char callback. */
function binaryStringBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const FORM_ENCODED = /[%+]/;

/** application/x-www-form-urlencoded decoding of one Basic part: `+` is a space, then percent-decoding. */
function formDecode(part: string): string {
  return FORM_ENCODED.test(part) ? decodeURIComponent(part.replace(/\+/g, " ")) : part;
}

/**
 * The client credentials of an `Authorization: Basic` header (RFC 6749 §2.3.1: each part form-urlencoded
 * before base64). `undefined` when the request has no Basic authorization; a malformed one is `invalid_client`.
 */
export function readBasicCredentials(authorization: string | undefined): BasicCredentials | undefined {
  if (authorization === undefined) return undefined;
  const [scheme, encoded, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "basic") return undefined;
  try {
    if (encoded === undefined || rest.length > 0) throw new Error("no credentials");
    const binary = atob(encoded);
    // A binary string of ASCII bytes is its own UTF-8 decoding; only others need the decoder.
    const decoded = ASCII.test(binary) ? binary : UTF8.decode(binaryStringBytes(binary));
    const separator = decoded.indexOf(":");
    if (separator < 0) throw new Error("no separator");
    const clientId = formDecode(decoded.slice(0, separator));
    const clientSecret = formDecode(decoded.slice(separator + 1));
    if (clientId === "") throw new Error("empty client id");
    return { clientId, clientSecret };
  } catch {
    throw invalidClient({ reason: "basic_malformed" });
  }
}
