import type { PresentedClientAuthentication } from "@jwtgrant/core";
import type { BasicCredentials } from "./basic-credentials.js";
import type { FormParameters } from "./read-form.js";

/** Everything in a request that could authenticate its client, in core's terms. */
export function presentedClientAuthentication(
  form: FormParameters,
  basic: BasicCredentials | undefined,
): PresentedClientAuthentication {
  const optional = (name: string, key: keyof PresentedClientAuthentication) => {
    const value = form.get(name);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...(basic === undefined ? {} : { basic }),
    ...optional("client_id", "clientId"),
    ...optional("client_secret", "clientSecret"),
    ...optional("client_assertion_type", "clientAssertionType"),
    ...optional("client_assertion", "clientAssertion"),
  };
}
