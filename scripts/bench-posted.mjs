#!/usr/bin/env node
// Bytes an engine posts to whoever supervises it (the page, from a worker; the command
// line, from its child process: the same FromWorker messages) while one snippet runs.
// Runs `memplay __child` and measures its messages as JSON, per kind of message, for two
// snippets: a 1 MiB output flood and a 10 s allocation loop.
//   node scripts/bench-posted.mjs [BINARY …]   (default: target/release/memplay)
import { spawnSync } from 'node:child_process';

const SNIPPETS = {
  'output flood (1 MiB kept)': "for i in range(300_000):\n    print('line', i)\nprint('done')\n",
  'allocation loop (10 s)':
    'import time\nxs = []\nt = time.time()\nwhile time.time() - t < 9.5:\n    xs.append([0] * 10)\n    if len(xs) > 100_000:\n        xs.clear()\n',
};

const binaries = process.argv.slice(2);
if (binaries.length === 0) binaries.push('target/release/memplay');

// Older builds' child wrote bare EngineEvents; their workers posted each one wrapped in
// FromWorker::Run, as every build's child now writes it. Counted as the worker posts it.
function asPosted(message) {
  return message.type ? message : { type: 'run', run_id: 1, event: message };
}

function kind(message) {
  const event = message.type === 'run' ? message.event : message;
  if (typeof event === 'string') return event;
  return Object.keys(event).find((k) => k !== 'type') ?? message.type;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const binary of binaries) {
  console.log(`\n${binary}`);
  console.log('snippet                      messages        bytes   by kind (messages / bytes)');
  for (const [name, code] of Object.entries(SNIPPETS)) {
    const request = JSON.stringify({ type: 'run', run_id: 1, code, options: {} });
    const out = spawnSync(binary, ['__child'], { input: request, maxBuffer: 1 << 30 }).stdout.toString();
    const lines = out.split('\n').filter(Boolean);
    const byKind = {};
    let total = 0;
    for (const line of lines) {
      const message = asPosted(JSON.parse(line));
      const k = kind(message);
      const bytes = Buffer.byteLength(JSON.stringify(message));
      byKind[k] ??= { n: 0, bytes: 0 };
      byKind[k].n += 1;
      byKind[k].bytes += bytes;
      total += bytes;
    }
    const detail = Object.entries(byKind).map(([k, v]) => `${k} ${v.n} / ${kib(v.bytes)}`).join(', ');
    console.log(`${name.padEnd(28)} ${String(lines.length).padStart(8)} ${kib(total).padStart(12)}   ${detail}`);
  }
}
