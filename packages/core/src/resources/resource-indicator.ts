/** The longest resource indicator accepted, in a request, a claim or a client's registration. */
export const MAX_RESOURCE_LENGTH = 2048;

/** A URI scheme (RFC 3986 §3.1) followed by its colon: what makes a URI absolute. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Only the characters RFC 3986 lets a URI hold, a fragment's `#` aside: anything else must be percent-encoded. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?[\]@!$&'()*+,;=%]*$/;

/**
 * Whether `value` may be a resource indicator (RFC 8707 §2): an absolute URI without a fragment. Checked on the
 * text itself, not on what a lenient URL parser would make of it, since the value is compared exactly later.
 */
export function isResourceIndicator(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_RESOURCE_LENGTH &&
    SCHEME.test(value) &&
    URI_CHARACTERS.test(value) &&
    URL.canParse(value)
  );
}
