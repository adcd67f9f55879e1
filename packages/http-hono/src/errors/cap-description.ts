/**
 * The most an `error_description` may take in the JSON body, in bytes: enough for any message of ours, and a
 * bound on what a request can make the server write back (one that echoes its own input, above all).
 */
export const MAX_DESCRIPTION_BYTES = 2048;

const CUT = " …";
/** Below this many UTF-16 units a description fits whatever it holds: at most 6 bytes each (`\u001f`). */
const ALWAYS_FITS = Math.floor(MAX_DESCRIPTION_BYTES / 6);

/** Bytes one code point takes inside a JSON string, escaped as `JSON.stringify` escapes it. */
function jsonBytes(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (char === '"' || char === "\\") return 2;
  if (code < 0x20) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 6; // a lone surrogate, written as \udxxx
  return code < 0x10000 ? 3 : 4;
}

/** `text` cut, between two characters, so that it takes at most `MAX_DESCRIPTION_BYTES` in a JSON body. */
export function capDescription(text: string): string {
  if (text.length <= ALWAYS_FITS) return text;
  const budget = MAX_DESCRIPTION_BYTES - CUT.length - 2;
  let bytes = 0;
  let end = 0;
  let cutAt: number | undefined;
  for (const char of text) {
    bytes += jsonBytes(char);
    if (cutAt === undefined && bytes > budget) cutAt = end;
    if (bytes > MAX_DESCRIPTION_BYTES) return `${text.slice(0, cutAt)}${CUT}`;
    end += char.length;
  }
  return text;
}
