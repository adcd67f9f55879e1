/**
 * The address of the peer that sent a request, read from what the runtime adapter passed the app's `fetch`
 * besides the request (`env`); `undefined` when it cannot tell.
 */
export type ClientAddress = (request: Request, env: unknown) => string | undefined;
