// Validates film orders (JSON files) against the film order JSON Schema with ajv (draft 2020-12).
// Usage: node validate-order.mjs <schema.json> <order.json>...
// Prints one JSON line per order: {"file": "...", "valid": true|false, "errors": [{"path": "/shots/0/seconds", "message": "..."}]}
// Exit code: 0 when every order is valid, 1 when any is not, 2 when the schema or the arguments are unusable.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...orderPaths] = process.argv.slice(2);
if (!schemaPath || orderPaths.length === 0) {
  console.error("usage: node validate-order.mjs <schema.json> <order.json>...");
  process.exit(2);
}

let validate;
try {
  // Strict, except strictRequired: the schema's "exactly one of shots, brief, script" is written the
  // idiomatic way, as oneOf of {"required": [name]} branches that don't repeat the properties.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
} catch (error) {
  console.error(`schema ${schemaPath} is unusable: ${error.message}`);
  process.exit(2);
}

let allValid = true;
for (const file of orderPaths) {
  let verdict;
  try {
    const valid = validate(JSON.parse(readFileSync(file, "utf8")));
    const errors = (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message }));
    verdict = { file, valid, errors };
  } catch (error) {
    verdict = { file, valid: false, errors: [{ path: "", message: `unreadable: ${error.message}` }] };
  }
  allValid &&= verdict.valid;
  process.stdout.write(JSON.stringify(verdict) + "\n");
}
process.exit(allValid ? 0 : 1);
