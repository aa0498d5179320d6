// The page the double's "approve" link opens: what PayPal's checkout would show the buyer, reduced
// to the order and two buttons. Approving redirects to the order's return URL with ?token=&PayerID=,
// as PayPal does.

type OrderView = {
  id: string;
  status: string;
  purchase_units: Array<{
    amount: { currency_code: string; value: string };
    description?: unknown;
  }>;
};

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function approvalPage(order: OrderView | null): string {
  const body = order
    ? (() => {
        const unit = order.purchase_units[0]!;
        const description = typeof unit.description === "string" ? unit.description : "Payment";
        const total = `${escape(unit.amount.value)} ${escape(unit.amount.currency_code)}`;
        const open = order.status === "CREATED";
        return `
  <h1>Pay with PayPal <small>(local test double)</small></h1>
  <p class="what">${escape(description)}</p>
  <p class="total">Total: <strong>${total}</strong></p>
  ${
    open
      ? `<form method="post" action="/checkoutnow">
    <input type="hidden" name="token" value="${escape(order.id)}">
    <button name="action" value="approve" type="submit">Approve payment</button>
    <button name="action" value="cancel" type="submit" class="secondary">Cancel and return</button>
  </form>`
      : `<p>This order is ${escape(order.status.toLowerCase())}; nothing to approve.</p>`
  }
  <p class="note">No real money moves: this server stands in for PayPal (PAYPAL_MODE=local).</p>`;
      })()
    : `<h1>Order not found</h1><p>This PayPal order does not exist on the local double.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PayPal (local) – approve payment</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #111; }
  h1 { font-size: 1.4rem; } small { color: #555; font-weight: normal; }
  .total { font-size: 1.2rem; }
  button { font: inherit; padding: .6rem 1rem; border-radius: .5rem; border: 0; background: #ffc439; color: #111; cursor: pointer; margin-right: .5rem; }
  button.secondary { background: #eee; }
  button:focus-visible { outline: 3px solid #0070ba; outline-offset: 2px; }
  .note { color: #555; font-size: .9rem; margin-top: 2rem; }
</style>
</head>
<body>
<main>${body}</main>
</body>
</html>`;
}
