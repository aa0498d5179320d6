import { describe, expect, it } from "vitest";
import { addressBucket, forwardedEntry, normalizeAddress } from "@/lib/api/client-ip";

describe("normalizeAddress", () => {
  it("reads an IPv4-mapped IPv6 address as the IPv4 client it is", () => {
    expect(normalizeAddress("::ffff:127.0.0.2")).toBe("127.0.0.2");
    expect(normalizeAddress("::FFFF:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("127.0.0.3")).toBe("127.0.0.3");
    expect(normalizeAddress("::1")).toBe("::1");
  });
});

describe("addressBucket", () => {
  it("keys IPv4 on the address and IPv6 on its /64", () => {
    expect(addressBucket("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(addressBucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });

  it("puts anything that is not an address in one shared bucket", () => {
    expect(addressBucket("")).toBe("unknown");
    expect(addressBucket("evil, 1.2.3.4")).toBe("unknown");
    expect(addressBucket("x".repeat(10_000))).toBe("unknown");
  });
});

describe("forwardedEntry", () => {
  it("takes the entry the outermost trusted proxy wrote, the Nth from the right", () => {
    const header = "198.51.100.1, 203.0.113.7, 10.0.0.2";
    expect(forwardedEntry(header, 1)).toBe("10.0.0.2");
    expect(forwardedEntry(header, 2)).toBe("203.0.113.7");
    expect(forwardedEntry(header, 3)).toBe("198.51.100.1");
  });

  it("falls back to the leftmost entry when there are fewer than the hops", () => {
    expect(forwardedEntry("203.0.113.7", 2)).toBe("203.0.113.7");
    expect(forwardedEntry(null, 1)).toBeUndefined();
    expect(forwardedEntry(" , ", 1)).toBeUndefined();
  });
});
