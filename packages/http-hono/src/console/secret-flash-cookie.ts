import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { CONSOLE_BASE, type ConsoleEnv, FLASH_COOKIE } from "./console-env.js";
import type { FlashSealer, SecretFlash } from "./flash-sealer.js";

/** How long a sealed secret waits for the page the redirect leads to. */
export const FLASH_LIFETIME_SECONDS = 60;

export interface SecretFlashCookie {
  /** Seals `flash` into an HttpOnly cookie for the session, for the redirect's GET. */
  put(c: Context<ConsoleEnv>, flash: SecretFlash): Promise<void>;
  /**
   * The secret to show on `clientId`'s page, or `null`. The cookie is deleted whenever a client's page is
   * read, so the secret shows once: a reload shows it no more.
   */
  take(c: Context<ConsoleEnv>, clientId: string): Promise<string | null>;
}

/**
 * The one-time flash of a client secret, carried by the browser rather than kept by this instance, so the GET
 * after the redirect may land on any instance sharing the admin token. Scoped to the clients' pages.
 */
export function secretFlashCookie(sealer: FlashSealer, secure: boolean): SecretFlashCookie {
  const options = { path: `${CONSOLE_BASE}/clients`, secure } as const;
  return {
    async put(c, flash) {
      setCookie(c, FLASH_COOKIE, await sealer.seal(c.get("session").id, flash), {
        ...options,
        httpOnly: true,
        sameSite: "Strict",
        maxAge: FLASH_LIFETIME_SECONDS,
      });
    },
    async take(c, clientId) {
      const cookie = getCookie(c, FLASH_COOKIE);
      if (cookie === undefined) return null;
      deleteCookie(c, FLASH_COOKIE, options);
      const flash = await sealer.open(c.get("session").id, cookie);
      return flash?.clientId === clientId ? flash.clientSecret : null;
    },
  };
}
