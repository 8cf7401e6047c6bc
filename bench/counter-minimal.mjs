// The baseline of `npm run bench:counter`: the least a Redis-backed counter can do per
// hit (read the body, parse it, one INCR, answer), on node:http and node-redis. No
// validation, limit or fault handling: the ceiling of this design on this machine.
import { createServer } from 'node:http';
import { createClient } from '@redis/client';

const redis = createClient({ url: process.env.REDIS_URL });
await redis.connect();
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    redis.incr(`bench:minimal:${id}`).then((views) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id, views }));
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(
    JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${server.address().port}` }),
  );
});
process.once('SIGTERM', () => process.exit(0));
