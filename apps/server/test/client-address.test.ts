import { describe, expect, it } from "vitest";
import { forwardedClientAddress } from "../src/client-address.js";

const peer = () => "10.0.0.1";
const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

describe("the client address behind a trusted proxy", () => {
  it("is the last entry of the header, the one the proxy appended", () => {
    const address = forwardedClientAddress("x-forwarded-for", peer);
    expect(address(request({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), undefined)).toBe("203.0.113.7");
    expect(address(request({ "x-forwarded-for": "2001:db8::1" }), undefined)).toBe("2001:db8::1");
  });

  it("is the peer's for a request that did not come through the proxy", () => {
    const address = forwardedClientAddress("x-real-ip", peer);
    expect(address(request({}), undefined)).toBe("10.0.0.1");
    expect(address(request({ "x-real-ip": " " }), undefined)).toBe("10.0.0.1");
    expect(address(request({ "x-forwarded-for": "203.0.113.7" }), undefined)).toBe("10.0.0.1");
  });
});
