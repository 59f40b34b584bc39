// bench/sse/streams.mjs — the load side of bench/streams.sh (Node 20, no dependency).
//
// Opens STREAMS server-sent-event streams on one instance (one TCP connection each), measures the
// application's memory and CPU with them open and idle, then makes internal notes through the API
// in two phases, and records when each stream receives each note's event: PACED-MOVES notes, one
// every 1/PACED-RATE s (steady traffic: how long a delivery takes), then MOVES notes, CONCURRENCY
// at a time (a burst: how fast the instance drains a backlog of deliveries). Writes
// results.json and prints a Markdown summary. The application's pid is given so that its memory
// (/proc/<pid>/status, jcmd GC.heap_info after a GC) and CPU time (/proc/<pid>/stat) are read here,
// at the moments that matter.
//
// Latency of one delivery: from the moment the move's HTTP response was received (the transaction
// had committed by then) to the moment the event's bytes reached the stream's socket in this
// process. It is a lower bound of commit-to-client; the same figure from the moment the move was
// sent (an upper bound) is printed beside it.
//
// Usage: node bench/sse/streams.mjs --base URL --token TOKEN --pid PID --requests FILE
//        [--streams 2000] [--paced-moves 100] [--paced-rate 5] [--moves 200] [--concurrency 4]
//        [--idle 60] [--out DIR]

import http from 'node:http';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const BASE = new URL(args.base ?? 'http://127.0.0.1:18080');
const TOKEN = args.token;
const PID = args.pid;
const STREAMS = Number(args.streams ?? 2000);
const MOVES = Number(args.moves ?? 200);
const CONCURRENCY = Number(args.concurrency ?? 4);
const IDLE_SECONDS = Number(args.idle ?? 60);
const PACED_MOVES = Number(args['paced-moves'] ?? 100);
const PACED_RATE = Number(args['paced-rate'] ?? 5);
const OUT = args.out ?? '.';
const REQUESTS = fs.readFileSync(args.requests, 'utf8').split('\n').filter(Boolean);
if (!TOKEN || !PID || REQUESTS.length === 0) {
  console.error('--token, --pid and a non-empty --requests file are needed');
  process.exit(2);
}
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

const log = (...parts) => console.error(new Date().toISOString().slice(11, 19), ...parts);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- The application's process -------------------------------------------------------------------
function cpuMillis() {
  const stat = fs.readFileSync(`/proc/${PID}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS; // utime + stime
}
function status(field) {
  const line = fs.readFileSync(`/proc/${PID}/status`, 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
  return Number(line.split(/\s+/)[1]);
}
function memory() {
  execFileSync('jcmd', [PID, 'GC.run']);
  const heap = execFileSync('jcmd', [PID, 'GC.heap_info']).toString();
  const used = /used (\d+)K/.exec(heap);
  return { rssKiB: status('VmRSS'), heapUsedKiB: used ? Number(used[1]) : null, threads: status('Threads') };
}

// --- Streams -------------------------------------------------------------------------------------
const arrivals = new Map(); // note event id -> array of arrival times (ms), one per delivery
let duplicates = 0;
let otherEvents = 0;
let heartbeats = 0;
let ended = 0;

function openStream(index) {
  return new Promise((resolve, reject) => {
    const seen = new Set();
    const request = http.request({
      host: BASE.hostname, port: BASE.port, path: '/api/v1/requests/stream', agent: false,
      headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'text/event-stream' },
    }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream ${index}: HTTP ${response.statusCode}`));
        response.resume();
        return;
      }
      let buffer = '';
      let opened = false;
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        const now = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = null;
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) heartbeats++;
            else if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          if (!opened) {
            opened = true;
            resolve();
          }
          if (name === 'NOTE_ADDED') {
            const eventId = JSON.parse(data).event.id;
            if (seen.has(eventId)) {
              duplicates++;
            } else {
              seen.add(eventId);
              if (!arrivals.has(eventId)) arrivals.set(eventId, []);
              arrivals.get(eventId).push(now);
            }
          } else if (name) {
            otherEvents++;
          }
        }
      });
      response.on('end', () => ended++);
    });
    request.on('error', reject);
    request.end();
  });
}

// --- Moves ---------------------------------------------------------------------------------------
function note(requestId, text) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ text });
    const sent = performance.now();
    const request = http.request({
      host: BASE.hostname, port: BASE.port, method: 'POST', path: `/api/v1/requests/${requestId}/notes`,
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        const answered = performance.now();
        if (response.statusCode !== 201) reject(new Error(`note on ${requestId}: HTTP ${response.statusCode} ${text}`));
        else resolve({ eventId: JSON.parse(text).id, sent, answered });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (x, digits = 1) => (x === null ? null : Number(x.toFixed(digits)));

// --- The run -------------------------------------------------------------------------------------
const result = { streams: STREAMS, moves: MOVES, concurrency: CONCURRENCY, idleSeconds: IDLE_SECONDS };

result.before = memory();
log(`app before: RSS ${result.before.rssKiB} KiB, heap used ${result.before.heapUsedKiB} KiB, ${result.before.threads} threads`);

let cpu = cpuMillis();
let clock = performance.now();
for (let opened = 0; opened < STREAMS; opened += 100) {
  const batch = [];
  for (let i = opened; i < Math.min(STREAMS, opened + 100); i++) batch.push(openStream(i));
  await Promise.all(batch);
}
result.opening = { seconds: round((performance.now() - clock) / 1000, 2), appCpuMs: round(cpuMillis() - cpu) };
log(`${STREAMS} streams open in ${result.opening.seconds} s`);

await sleep(2000);
result.open = memory();
result.perStream = {
  rssKiB: round((result.open.rssKiB - result.before.rssKiB) / STREAMS, 2),
  heapKiB: result.open.heapUsedKiB === null ? null : round((result.open.heapUsedKiB - result.before.heapUsedKiB) / STREAMS, 2),
  threads: round((result.open.threads - result.before.threads) / STREAMS, 3),
};
log(`app with ${STREAMS} streams: RSS ${result.open.rssKiB} KiB, heap ${result.open.heapUsedKiB} KiB, ${result.open.threads} threads`);

cpu = cpuMillis();
clock = performance.now();
await sleep(IDLE_SECONDS * 1000);
const idleCpu = cpuMillis() - cpu;
const idleSeconds = (performance.now() - clock) / 1000;
result.idle = { appCpuPercentOfOneCore: round((100 * idleCpu) / (idleSeconds * 1000), 2), appCpuMs: round(idleCpu) };
log(`idle with ${STREAMS} streams: ${result.idle.appCpuPercentOfOneCore} % of one core`);

// A phase of moves: made BY_CONCURRENCY at a time (a burst), or one every 1/RATE s (paced); then
// waits (60 s at most) until every stream has every move's event, and measures.
async function phase(name, count, offset, { concurrency, rate }) {
  const clientCpu = process.cpuUsage();
  const cpu = cpuMillis();
  const clock = performance.now();
  const made = [];
  if (rate) {
    const pending = [];
    for (let k = 0; k < count; k++) {
      const due = clock + (k * 1000) / rate;
      await sleep(Math.max(0, due - performance.now()));
      pending.push(note(REQUESTS[(offset + k) % REQUESTS.length], `Note de banc d'essai ${offset + k}`).then((m) => made.push(m)));
    }
    await Promise.all(pending);
  } else {
    let next = 0;
    const mover = async () => {
      while (next < count) {
        const k = offset + next++;
        made.push(await note(REQUESTS[k % REQUESTS.length], `Note de banc d'essai ${k}`));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, mover));
  }
  const movesSeconds = (performance.now() - clock) / 1000;
  log(`${name}: ${count} moves made in ${round(movesSeconds, 2)} s; waiting for the deliveries`);

  const expected = count * STREAMS;
  const deadline = performance.now() + 60000;
  let delivered = 0;
  while (performance.now() < deadline) {
    delivered = made.reduce((sum, move) => sum + (arrivals.get(move.eventId)?.length ?? 0), 0);
    if (delivered >= expected) break;
    await sleep(50);
  }
  const phaseCpu = cpuMillis() - cpu;
  const phaseSeconds = (performance.now() - clock) / 1000;
  const client = process.cpuUsage(clientCpu);

  const afterCommit = [];
  const afterSend = [];
  for (const move of made) {
    for (const at of arrivals.get(move.eventId) ?? []) {
      afterCommit.push(at - move.answered);
      afterSend.push(at - move.sent);
    }
  }
  afterCommit.sort((x, y) => x - y);
  afterSend.sort((x, y) => x - y);
  const moveTimes = made.map((move) => move.answered - move.sent).sort((x, y) => x - y);
  return {
    name,
    seconds: round(phaseSeconds, 2),
    moves: count,
    movesPerSecond: round(count / movesSeconds, 1),
    deliveriesPerSecond: round(delivered / phaseSeconds, 0),
    moveResponseMs: { p50: round(percentile(moveTimes, 50)), p99: round(percentile(moveTimes, 99)) },
    expectedDeliveries: expected,
    deliveries: delivered,
    latencyAfterResponseMs: Object.fromEntries([50, 95, 99, 100].map((p) => [`p${p}`, round(percentile(afterCommit, p))])),
    latencyAfterSendMs: Object.fromEntries([50, 95, 99, 100].map((p) => [`p${p}`, round(percentile(afterSend, p))])),
    appCpuMs: round(phaseCpu),
    appCpuMsPerMove: round(phaseCpu / count, 2),
    appCpuMicrosPerDelivery: round((1000 * phaseCpu) / Math.max(1, delivered), 2),
    clientCpuMs: round((client.user + client.system) / 1000),
  };
}

result.paced = await phase('paced', PACED_MOVES, 0, { rate: PACED_RATE });
await sleep(2000);
result.burst = await phase('burst', MOVES, PACED_MOVES, { concurrency: CONCURRENCY });
result.duplicates = duplicates;
result.otherEvents = otherEvents;
result.heartbeatsReceived = heartbeats;
result.streamsEndedEarly = ended;
fs.writeFileSync(`${OUT}/results.json`, JSON.stringify(result, null, 2));

const rows = (b, what) => `| ${what} | ${b.moves} moves at ${b.movesPerSecond}/s (response p50 ${b.moveResponseMs.p50} ms, p99 ${b.moveResponseMs.p99} ms) |
| ${b.name}: deliveries received / expected | ${b.deliveries} / ${b.expectedDeliveries}, ${b.deliveriesPerSecond} per second |
| ${b.name}: delivery latency after the move's response, p50 / p95 / p99 / max | ${b.latencyAfterResponseMs.p50} / ${b.latencyAfterResponseMs.p95} / ${b.latencyAfterResponseMs.p99} / ${b.latencyAfterResponseMs.p100} ms |
| ${b.name}: the same from the moment the move was sent | ${b.latencyAfterSendMs.p50} / ${b.latencyAfterSendMs.p95} / ${b.latencyAfterSendMs.p99} / ${b.latencyAfterSendMs.p100} ms |
| ${b.name}: app CPU per move / per delivery | ${b.appCpuMsPerMove} ms / ${b.appCpuMicrosPerDelivery} µs |
| ${b.name}: load generator CPU (same machine) | ${b.clientCpuMs} ms |`;
console.log(`| measure | value |
| --- | ---: |
| streams open (one instance, one TCP connection each) | ${STREAMS} (opened in ${result.opening.seconds} s) |
| app memory per open stream: RSS / heap after a GC | ${result.perStream.rssKiB} KiB / ${result.perStream.heapKiB} KiB |
| app threads per open stream | ${result.perStream.threads} |
| app CPU, ${STREAMS} streams open and idle for ${IDLE_SECONDS} s | ${result.idle.appCpuPercentOfOneCore} % of one core |
${rows(result.paced, `paced: internal notes, one every ${round(1000 / PACED_RATE, 0)} ms`)}
${rows(result.burst, `burst: internal notes, ${CONCURRENCY} at a time`)}
| duplicates (any phase) | ${duplicates} |`);
const complete = [result.paced, result.burst].every((b) => b.deliveries === b.expectedDeliveries);
process.exit(complete && duplicates === 0 ? 0 : 1);
