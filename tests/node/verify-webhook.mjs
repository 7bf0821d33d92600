// Verifies a webhook delivery with the standardwebhooks package (the Standard Webhooks reference library).
//   node verify-webhook.mjs <secret>   with {"headers": {...}, "body": "<raw body>"} on standard input
// Prints the verified payload's type and exits 0, or prints why and exits 1.
import { Webhook } from "standardwebhooks";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const { headers, body } = JSON.parse(text);
try {
  const payload = new Webhook(process.argv[2]).verify(body, headers);
  console.log(JSON.stringify({ verified: true, type: payload.type, id: payload.id }));
} catch (error) {
  console.error(`not verified: ${error.message}`);
  process.exit(1);
}
