// Cross-checks CloudReel's Blob clip store with Azure's own JavaScript SDK (@azure/storage-blob).
//   node blob-crosscheck.mjs read  <connection-string> <container> <blob>
//       prints {"sha256": ..., "length": ..., "contentType": ..., "metadata": {...}} of a blob CloudReel wrote
//   node blob-crosscheck.mjs write <connection-string> <container> <blob> <file> <content-type>
//       writes a file in blocks of 256 KiB (so a large file is a block blob of many blocks) for CloudReel to read
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { BlobServiceClient } from "@azure/storage-blob";

const [command, connectionString, container, blob, file, contentType] = process.argv.slice(2);
const client = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container).getBlockBlobClient(blob);

if (command === "read") {
  const bytes = await client.downloadToBuffer();
  const properties = await client.getProperties();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  console.log(JSON.stringify({ sha256, length: bytes.length, contentType: properties.contentType, metadata: properties.metadata }));
} else if (command === "write") {
  const bytes = await readFile(file);
  await client.uploadData(bytes, {
    blockSize: 256 * 1024,
    maxSingleShotSize: 256 * 1024,
    concurrency: 4,
    blobHTTPHeaders: { blobContentType: contentType },
  });
  const blocks = await client.getBlockList("committed");
  console.log(JSON.stringify({ blocks: blocks.committedBlocks.length }));
} else {
  console.error(`unknown command '${command}'`);
  process.exit(2);
}
