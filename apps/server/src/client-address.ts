import type { ClientAddress } from "@jwtgrant/http-hono";

/**
 * The client address as a trusted proxy reports it in `header`: its value, or the last entry of a list such
 * as `X-Forwarded-For` (the one the proxy in front of this server appended; entries before it are whatever
 * the client claimed). A request without the header did not come through the proxy: its peer address counts.
 */
export function forwardedClientAddress(header: string, peer: ClientAddress): ClientAddress {
  return (request, env) => {
    const value = request.headers.get(header);
    const last = value?.slice(value.lastIndexOf(",") + 1).trim();
    return last === undefined || last === "" ? peer(request, env) : last;
  };
}
