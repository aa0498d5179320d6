import { notifyPaymentReceived, sendPurchaseReceipt } from "@/lib/notifications/notify-payment";
import { defineEventFunction } from "../define-function";

// payment.completed (published by the payments code in the capture's transaction): the creator
// is told they were paid and the buyer gets a receipt, as two steps so each is retried alone.
export const paymentCompleted = defineEventFunction(
  "payment-completed-notify",
  "payment.completed",
  async ({ event, step }) => {
    const creator = await step.run("notify-creator", () => notifyPaymentReceived(event.data));
    const receipt = await step.run("send-receipt", () => sendPurchaseReceipt(event.data));
    return { creator, receipt };
  },
);
