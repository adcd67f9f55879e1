const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Why `uri` may not serve as a JWKS URI, or `null` when it may: https anywhere, plain http only on a
 * loopback host, no credentials in the URL.
 */
export function jwksUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "jwks_uri must be an absolute URL";
  }
  if (url.username !== "" || url.password !== "") return "jwks_uri must not carry credentials";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return null;
  return "jwks_uri must use https (http is allowed only on a loopback host)";
}
