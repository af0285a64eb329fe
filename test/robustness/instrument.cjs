/**
 * Preloaded with `node --require` by test/unit/security.test.ts. Every networking and process-spawning
 * function records its call in KG_INSTRUMENT_LOG and throws; every file read is recorded too, so the
 * test can check that nothing outside the workspace and the extension's own files is read.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
'use strict';
const fs = require('node:fs');
const log = process.env.KG_INSTRUMENT_LOG;

function record(kind, detail) {
  try {
    fs.appendFileSync(log, `${JSON.stringify({ kind, detail: String(detail) })}\n`);
  } catch {
    // nothing to do: the test then sees no log at all and fails on that
  }
}

function forbid(object, name, label) {
  const original = object && object[name];
  if (typeof original !== 'function') return;
  object[name] = function forbidden(...args) {
    record('forbidden', `${label}(${args.map((a) => (typeof a === 'object' ? JSON.stringify(a && (a.host || a.hostname || a.path || a.href || '')) : String(a))).join(', ')})`);
    throw new Error(`kube-guardrails security test: ${label} is not allowed`);
  };
}

const net = require('node:net');
const tls = require('node:tls');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns');
const childProcess = require('node:child_process');
for (const name of ['connect', 'createConnection', 'createServer']) forbid(net, name, `net.${name}`);
forbid(net.Socket.prototype, 'connect', 'net.Socket#connect');
forbid(tls, 'connect', 'tls.connect');
for (const name of ['request', 'get']) {
  forbid(http, name, `http.${name}`);
  forbid(https, name, `https.${name}`);
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) forbid(dns, name, `dns.${name}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) forbid(dns.promises, name, `dns.promises.${name}`);
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) forbid(childProcess, name, `child_process.${name}`);
if (typeof globalThis.fetch === 'function') forbid(globalThis, 'fetch', 'fetch');
for (const name of ['WebSocket', 'EventSource']) if (typeof globalThis[name] === 'function') forbid(globalThis, name, name);

function watchReads(object, name, label) {
  const original = object[name];
  object[name] = function reading(file, ...rest) {
    if (typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file)) record('read', `${file instanceof URL ? file.pathname : String(file)}`);
    return original.call(this, file, ...rest);
  };
  Object.defineProperty(object[name], 'name', { value: label });
}
for (const name of ['readFile', 'readFileSync', 'openSync', 'open', 'createReadStream', 'readdir', 'readdirSync', 'opendir']) watchReads(fs, name, `fs.${name}`);
for (const name of ['readFile', 'open', 'readdir', 'opendir']) watchReads(fs.promises, name, `fs.promises.${name}`);
record('ready', process.pid);
