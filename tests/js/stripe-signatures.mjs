// Signs webhook payloads with Stripe's own Node library, for the billing tests. Usage: node stripe-signatures.mjs sign <json>
// where json is { "deliveries": [ { "payload", "secret", "timestamp"? } ] }; prints { "headers": [ … ] }, one Stripe-Signature each.
import Stripe from "stripe";

const [scenario, json] = process.argv.slice(2);
if (scenario !== "sign") throw new Error(`unknown scenario ${scenario}`);
const stripe = new Stripe("sk_test_only_for_signing");
const { deliveries } = JSON.parse(json);
const headers = deliveries.map(({ payload, secret, timestamp }) =>
  stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) }));
console.log(JSON.stringify({ headers }));
