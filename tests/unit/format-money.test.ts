import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/payments/format-money";

// One formatter for the screens, the API's messages and notifications: they used to disagree
// ("$4.50" on the earnings screen, "4.50 USD" in the payout API's refusal of the same amount).
describe("formatMoney", () => {
  it("writes minor units with the currency's symbol", () => {
    expect(formatMoney(1250, "USD")).toBe("$12.50");
    expect(formatMoney(1250, "EUR")).toBe("€12.50");
    expect(formatMoney(300, "GBP")).toBe("£3.00");
    expect(formatMoney(0, "USD")).toBe("$0.00");
  });

  it("stays readable for a code Intl doesn't know", () => {
    expect(formatMoney(1250, "X1")).toBe("12.50 X1");
  });
});
