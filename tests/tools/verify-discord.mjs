// Verifies each vector with Discord's own verifier: node verify-discord.mjs <vectors.json>; prints one true/false a line.
import { readFileSync } from 'node:fs';
import { verifyKey } from 'discord-interactions';

const vectors = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const v of vectors) {
  let ok = false;
  try {
    ok = await verifyKey(Buffer.from(v.body, 'base64'), v.signature, v.timestamp, v.publicKey);
  } catch {
    ok = false;
  }
  console.log(ok ? 'true' : 'false');
}
