/**
 * A scheme, `//`, then everything up to the last `@` before a space or a quote. Greedy on purpose: a password
 * with an unescaped `@`, `/` or `#` (the URL that fails to parse) is still hidden whole, at the price of
 * hiding a little more of the rare URL whose path holds an `@`.
 */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s"'`<>]*@/gi;

/**
 * `text` with the userinfo (`user:password@`) of every URL in it replaced by `***@`: for any error message
 * or log line that may quote a connection string or a configured URL.
 */
export function redactUrlUserinfo(text: string): string {
  return text.replace(USERINFO, "$1***@");
}
