/**
 * The address of the peer that sent a request, read from what the runtime adapter passed the app's `fetch`
 * besides the request (`env`); `undefined` when it cannot tell.
 */
export type ClientAddress = (request: Request, env: unknown) => string | undefined;

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string | undefined } };
}

/** The socket address under `@hono/node-server`, which passes the Node request as `env.incoming`. */
export const nodeClientAddress: ClientAddress = (_request, env) =>
  (env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
