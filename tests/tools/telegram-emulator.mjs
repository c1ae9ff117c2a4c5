// Starts the telegram-test-api emulator on 127.0.0.1 and a free port, prints "listening <port>" on stdout, and
// runs until stdin closes or the process is killed. Usage: node telegram-emulator.mjs
import net from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TelegramServer = require('telegram-test-api');

// The emulator treats port 0 as "use 9000", so a free port is found first.
const port = await new Promise((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});

const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
await server.start();
process.stdout.write(`listening ${port}\n`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
