// The few parts of node-oidc-provider the peer uses; the package ships no type declarations.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface GrantContext {
    oidc: { params?: Record<string, unknown>; client?: { clientId: string } };
    body: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    registerGrantType(
      name: string,
      handler: (ctx: GrantContext) => Promise<void>,
      parameters?: readonly string[],
    ): void;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }

  export const errors: { InvalidGrant: new (description: string) => Error };
}
