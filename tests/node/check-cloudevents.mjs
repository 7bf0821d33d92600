// Checks CloudEvents with the cloudevents package (the CloudEvents SDK for JavaScript).
// Reads JSON from standard input: one event object, or an array of them (an Event Grid batch).
// Prints [{"id","type","source","subject","data"}] and exits 0 when every event is a valid
// CloudEvents 1.0 event; exits 1 with the validation error otherwise.
import { CloudEvent, ValidationError } from "cloudevents";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const parsed = JSON.parse(text);
const events = Array.isArray(parsed) ? parsed : [parsed];
try {
  const checked = events.map((attributes) => {
    const event = new CloudEvent(attributes, true);
    event.validate();
    if (event.specversion !== "1.0") throw new ValidationError(`specversion ${event.specversion}`);
    return { id: event.id, type: event.type, source: event.source, subject: event.subject, time: event.time, data: event.data };
  });
  console.log(JSON.stringify(checked));
} catch (error) {
  console.error(error instanceof ValidationError ? `invalid CloudEvent: ${error.message} ${JSON.stringify(error.errors ?? [])}` : String(error));
  process.exit(1);
}
