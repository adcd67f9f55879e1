import { describe, expect, it } from "vitest";
import { resolveSettings } from "../src/engine/settings.js";

describe("engine settings", () => {
  it("documents its defaults", () => {
    expect(resolveSettings({ issuer: "https://as.example.com/" })).toEqual({
      issuer: "https://as.example.com",
      tokenEndpoint: "https://as.example.com/oauth2/token",
      clockSkewSeconds: 60,
      maxAssertionLifetimeSeconds: 3600,
      maxIssuedAtAgeSeconds: 3600,
      requireJti: true,
      maxAssertionBytes: 16384,
      accessTokenTtlSeconds: 3600,
      refreshTokenTtlSeconds: 86400,
      refreshTokenReuseGraceSeconds: 0,
      signingAlgorithm: "ES256",
      accessTokenAudience: "https://as.example.com",
      jwksTimeoutMs: 3000,
      jwksMaxResponseBytes: 262144,
      jwksCacheMaxAgeSeconds: 300,
      jwksCooldownSeconds: 30,
      jwksStaleMaxAgeSeconds: 86400,
      jwksRetryMinSeconds: 1,
      jwksRetryMaxSeconds: 60,
    });
  });

  it("refuses misuse with a TypeError", () => {
    expect(() => resolveSettings({ issuer: "not a url" })).toThrow(TypeError);
    expect(() => resolveSettings({ issuer: "https://a", clockSkewSeconds: -1 })).toThrow(TypeError);
    expect(() => resolveSettings({ issuer: "https://a", accessTokenTtlSeconds: 1.5 })).toThrow(TypeError);
    expect(() => resolveSettings({ issuer: "https://a", jwksStaleMaxAgeSeconds: -1 })).toThrow(TypeError);
    expect(() => resolveSettings({ issuer: "https://a", jwksRetryMinSeconds: 0 })).toThrow(TypeError);
    expect(() => resolveSettings({ issuer: "https://a", jwksRetryMinSeconds: 90 })).toThrow(
      "jwksRetryMaxSeconds must not be less than jwksRetryMinSeconds",
    );
    expect(() => resolveSettings({ issuer: "https://a", refreshTokenReuseGraceSeconds: -1 })).toThrow(
      "refreshTokenReuseGraceSeconds must be a non-negative integer",
    );
    expect(() => resolveSettings({ issuer: "https://a", signingAlgorithm: "HS256" as never })).toThrow(
      TypeError,
    );
  });
});
