#!/usr/bin/env node
'use strict';

/*
 * Runs one scenario through the real Snowflake Node.js driver (snowflake-sdk) and prints exactly
 * one JSON line on stdout. Driven by dev.frostgate.it.NodeDriverTest; also handy by hand:
 *
 *   echo '{"connection":{"accessUrl":"http://127.0.0.1:8080","account":"frostgate",
 *          "username":"ADMIN","password":"..."},"statements":["SELECT 1"]}' | node run-scenario.js
 *
 * Scenario (stdin, or a file named as the first argument):
 *   connection  options for snowflake.createConnection: accessUrl, account, username, password,
 *               role, authenticator, token, ... (passed through as given)
 *   statements  SQL texts run in order on the one connection; an entry may also be
 *               {"sqlText": "...", "binds": [...]}. A failing statement does not stop the rest.
 *   timeoutMs   overall limit, 30000 unless given
 *
 * Output:
 *   {"login": {"ok": true} | {"ok": false, "code": "390100", "sqlState": ..., "message": "..."},
 *    "results": [{"ok": true, "columns": ["NAME", ...], "rows": [[...], ...]}
 *              | {"ok": false, "code": "002003", "sqlState": "42S02", "message": "..."}]}
 * Statements are not run when the login failed (results is then empty). Exit status 0 whenever
 * the scenario ran to the end, whatever the server answered; 1 (with an "error" field in the
 * JSON line) for a bad scenario, a driver crash, or the overall timeout — so it never hangs.
 * The driver's own log goes to stderr only.
 */

process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';

const fs = require('fs');

const DEFAULT_TIMEOUT_MS = 30000;

const output = { login: null, results: [] };
let stage = 'start';
let finished = false;

function finish(exitCode, error) {
  if (finished) {
    return;
  }
  finished = true;
  if (error !== undefined) {
    output.error = error;
    output.stage = stage;
  }
  process.stdout.write(JSON.stringify(output) + '\n', () => process.exit(exitCode));
}

function describe(err) {
  if (err === null || err === undefined) {
    return 'unknown error';
  }
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

process.on('uncaughtException', (err) => finish(1, 'uncaught exception: ' + describe(err)));
process.on('unhandledRejection', (err) => finish(1, 'unhandled rejection: ' + describe(err)));

/** The driver's error as the scenario reports it: code and SQLState as the driver gives them. */
function failure(err) {
  const result = { ok: false };
  result.code = err && err.code !== undefined && err.code !== null ? String(err.code) : null;
  result.sqlState = err && err.sqlState !== undefined ? err.sqlState : null;
  result.message = err && err.message !== undefined ? String(err.message) : describe(err);
  return result;
}

/** A column value as JSON: numbers, strings, booleans and null as they are, anything else as text. */
function jsonValue(value) {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    default:
      break;
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('hex');
  }
  if (value instanceof Date) {
    return value.toJSON();
  }
  if (typeof value.toJSON === 'function') {
    return value.toJSON();
  }
  if (typeof value === 'object') {
    // OBJECT / VARIANT columns arrive parsed; keep them as their JSON text.
    return JSON.stringify(value);
  }
  return String(value);
}

function readScenario() {
  const source = process.argv[2];
  const text = source ? fs.readFileSync(source, 'utf8') : fs.readFileSync(0, 'utf8');
  const scenario = JSON.parse(text);
  if (!scenario || typeof scenario !== 'object' || !scenario.connection || typeof scenario.connection !== 'object') {
    throw new Error('scenario needs a "connection" object');
  }
  if (scenario.statements !== undefined && !Array.isArray(scenario.statements)) {
    throw new Error('"statements" must be an array');
  }
  return scenario;
}

function quietLogger() {
  const toStderr = (level) => (message) => process.stderr.write(`[snowflake-sdk ${level}] ${message}\n`);
  const ignore = () => {};
  return { error: toStderr('ERROR'), warn: toStderr('WARN'), info: ignore, debug: ignore, trace: ignore };
}

function runStatement(connection, statement, index, done) {
  const options = typeof statement === 'string' ? { sqlText: statement } : Object.assign({}, statement);
  stage = `statement ${index}: ${options.sqlText}`;
  options.rowMode = 'array';
  options.complete = (err, stmt, rows) => {
    if (err) {
      done(failure(err));
      return;
    }
    try {
      const columns = (stmt.getColumns() || []).map((column) => column.getName());
      const values = (rows || []).map((row) => (Array.isArray(row) ? row : Object.values(row)).map(jsonValue));
      done({ ok: true, columns: columns, rows: values });
    } catch (e) {
      done({ ok: false, code: null, sqlState: null, message: 'reading the result failed: ' + describe(e) });
    }
  };
  try {
    connection.execute(options);
  } catch (e) {
    done(failure(e));
  }
}

function main() {
  let scenario;
  try {
    scenario = readScenario();
  } catch (e) {
    finish(1, 'bad scenario: ' + describe(e));
    return;
  }
  const timeoutMs = Number.isFinite(scenario.timeoutMs) ? scenario.timeoutMs : DEFAULT_TIMEOUT_MS;
  // Deliberately not unref'd: should a driver callback never fire, this timer keeps the process up
  // until it reports the hang (every normal path ends with process.exit).
  setTimeout(() => finish(1, `timed out after ${timeoutMs} ms`), timeoutMs);

  stage = 'loading snowflake-sdk';
  const snowflake = require('snowflake-sdk');
  snowflake.configure({ logLevel: 'WARN', customLogger: quietLogger(), additionalLogToConsole: false });

  stage = 'login';
  const connection = snowflake.createConnection(Object.assign({}, scenario.connection));
  const statements = scenario.statements || [];

  const close = () => {
    stage = 'destroy';
    try {
      connection.destroy(() => finish(0));
    } catch (e) {
      finish(0);
    }
  };

  connection.connect((err) => {
    if (err) {
      output.login = failure(err);
      // A failed login leaves no session to close.
      finish(0);
      return;
    }
    output.login = { ok: true };
    let index = 0;
    const next = () => {
      if (index >= statements.length) {
        close();
        return;
      }
      const current = index++;
      runStatement(connection, statements[current], current, (result) => {
        output.results.push(result);
        next();
      });
    };
    next();
  });
}

main();
