const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Why `uri` may not be fetched for an issuer's keys, or `null` when it may: https anywhere, plain http only
 * on a loopback host, no credentials in the URL. `name` is how the problem calls the URL.
 */
export function fetchableUrlProblem(uri: string, name: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${name} must be an absolute URL`;
  }
  if (url.username !== "" || url.password !== "") return `${name} must not carry credentials`;
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return null;
  return `${name} must use https (http is allowed only on a loopback host)`;
}
