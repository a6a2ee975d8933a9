#!/usr/bin/env node
'use strict';

/*
 * Runs scenarios through the real Snowflake Node.js driver (snowflake-sdk). Two modes:
 *
 * One scenario (handy by hand): the scenario on stdin, or in a file named as the first argument;
 * exactly one JSON line (the outcome) on stdout.
 *
 *   echo '{"connection":{"accessUrl":"http://127.0.0.1:8080","account":"frostgate",
 *          "username":"ADMIN","password":"..."},"statements":["SELECT 1"]}' | node run-scenario.js
 *
 * Served (--serve; how dev.frostgate.testing.NodeDriver runs it, one process for the whole test run):
 * prints {"ready":true} once the driver is loaded, then reads requests as JSON lines on stdin,
 * {"id": 7, "scenario": {...}}, runs them one after the other and answers each with one line,
 * {"id": 7, "outcome": {...}, "log": "..."}, where log is what the driver logged during that scenario
 * (preceded by {"id": 7, "started": true} when it takes the request).
 * An outcome with an "error" field (a bad scenario, the scenario's timeout, a crash) is the last answer
 * of the process: it then exits with status 1, so a driver left in an unknown state never runs the next
 * scenario (NodeDriver starts a new process). It exits with 0 when stdin ends.
 *
 * Scenario:
 *   connection  options for snowflake.createConnection: accessUrl, account, username, password,
 *               role, authenticator, token, ... (passed through as given)
 *   statements  SQL texts run in order on the one connection; an entry may also be
 *               {"sqlText": "...", "binds": [...]}. A failing statement does not stop the rest.
 *   timeoutMs   overall limit, 30000 unless given
 *
 * Outcome:
 *   {"login": {"ok": true} | {"ok": false, "code": "390100", "sqlState": ..., "message": "..."},
 *    "results": [{"ok": true, "columns": ["NAME", ...], "rows": [[...], ...]}
 *              | {"ok": false, "code": "002003", "sqlState": "42S02", "message": "..."}]}
 * Statements are not run when the login failed (results is then empty). The scenario ran to its end
 * whatever the server answered; it has an "error" field (and "stage", where it stopped) for a bad
 * scenario, a driver crash, or the overall timeout — so it never hangs. One-scenario mode exits 0
 * after a scenario that ran to its end and 1 after an error. The driver's own log goes to stderr.
 */

process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';

const fs = require('fs');
const readline = require('readline');

const DEFAULT_TIMEOUT_MS = 30000;

/** The scenario running now (one at a time): its finish function and the driver's log lines. */
let current = null;

function describe(err) {
  if (err === null || err === undefined) {
    return 'unknown error';
  }
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

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

function checkScenario(scenario) {
  if (!scenario || typeof scenario !== 'object' || !scenario.connection || typeof scenario.connection !== 'object') {
    throw new Error('scenario needs a "connection" object');
  }
  if (scenario.statements !== undefined && !Array.isArray(scenario.statements)) {
    throw new Error('"statements" must be an array');
  }
  return scenario;
}

/** The driver's warnings and errors: to stderr, and into the running scenario's log. */
function scenarioLogger() {
  const record = (level) => (message) => {
    const line = `[snowflake-sdk ${level}] ${message}\n`;
    if (current !== null) {
      current.log.push(line);
    }
    process.stderr.write(line);
  };
  const ignore = () => {};
  return { error: record('ERROR'), warn: record('WARN'), info: ignore, debug: ignore, trace: ignore };
}

let driver = null;

function loadDriver() {
  if (driver === null) {
    driver = require('snowflake-sdk');
    driver.configure({ logLevel: 'WARN', customLogger: scenarioLogger(), additionalLogToConsole: false });
  }
  return driver;
}

function runStatement(connection, statement, index, state, done) {
  const options = typeof statement === 'string' ? { sqlText: statement } : Object.assign({}, statement);
  state.stage = `statement ${index}: ${options.sqlText}`;
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

/**
 * Runs one scenario; calls onDone(outcome, log) exactly once: when the scenario ran to its end, or
 * with an "error" outcome on a bad scenario, its timeout or a crash (see crash()). Callbacks the
 * driver makes after that are ignored.
 */
function runScenario(scenario, onDone) {
  const output = { login: null, results: [] };
  const state = { stage: 'start' };
  let timer = null;
  const run = { log: [], finish: null };
  run.finish = (error) => {
    if (current !== run) {
      return;
    }
    current = null;
    clearTimeout(timer);
    if (error !== undefined) {
      output.error = error;
      output.stage = state.stage;
    }
    onDone(output, run.log.join(''));
  };
  current = run;
  try {
    checkScenario(scenario);
  } catch (e) {
    run.finish('bad scenario: ' + describe(e));
    return;
  }
  const timeoutMs = Number.isFinite(scenario.timeoutMs) ? scenario.timeoutMs : DEFAULT_TIMEOUT_MS;
  // Deliberately not unref'd: should a driver callback never fire, this timer keeps the process up
  // until it reports the hang.
  timer = setTimeout(() => run.finish(`timed out after ${timeoutMs} ms`), timeoutMs);

  let connection;
  try {
    state.stage = 'loading snowflake-sdk';
    const snowflake = loadDriver();
    state.stage = 'login';
    connection = snowflake.createConnection(Object.assign({}, scenario.connection));
  } catch (e) {
    run.finish('driver failure: ' + describe(e));
    return;
  }
  const statements = scenario.statements || [];

  const close = () => {
    state.stage = 'destroy';
    try {
      connection.destroy(() => run.finish());
    } catch (e) {
      run.finish();
    }
  };

  connection.connect((err) => {
    if (current !== run) {
      return;
    }
    if (err) {
      output.login = failure(err);
      // A failed login leaves no session to close.
      run.finish();
      return;
    }
    output.login = { ok: true };
    let index = 0;
    const next = () => {
      if (current !== run) {
        return;
      }
      if (index >= statements.length) {
        close();
        return;
      }
      const position = index++;
      runStatement(connection, statements[position], position, state, (result) => {
        output.results.push(result);
        next();
      });
    };
    next();
  });
}

/** An uncaught error belongs to the scenario running now; it ends that scenario (and the process). */
function crash(prefix) {
  return (err) => {
    if (current !== null) {
      current.finish(prefix + describe(err));
    } else {
      process.stderr.write(`run-scenario.js: ${prefix}${describe(err)} between scenarios\n`);
      process.exit(1);
    }
  };
}

process.on('uncaughtException', crash('uncaught exception: '));
process.on('unhandledRejection', crash('unhandled rejection: '));

function writeLine(value, then) {
  process.stdout.write(JSON.stringify(value) + '\n', then);
}

function runOne() {
  let scenario;
  try {
    const source = process.argv[2];
    scenario = JSON.parse(source ? fs.readFileSync(source, 'utf8') : fs.readFileSync(0, 'utf8'));
  } catch (e) {
    writeLine({ login: null, results: [], error: 'bad scenario: ' + describe(e), stage: 'start' },
      () => process.exit(1));
    return;
  }
  runScenario(scenario, (output) => writeLine(output, () => process.exit(output.error === undefined ? 0 : 1)));
}

function serve() {
  try {
    loadDriver();
  } catch (e) {
    process.stderr.write('run-scenario.js: cannot load snowflake-sdk: ' + describe(e) + '\n');
    process.exit(1);
  }
  const pending = [];
  let busy = false;
  let inputEnded = false;

  const next = () => {
    if (busy) {
      return;
    }
    if (pending.length === 0) {
      if (inputEnded) {
        process.exit(0);
      }
      return;
    }
    busy = true;
    const line = pending.shift();
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      writeLine({ id: null, outcome: { login: null, results: [], error: 'bad request line: ' + describe(e), stage: 'start' },
        log: '' }, () => process.exit(1));
      return;
    }
    const id = request && request.id !== undefined ? request.id : null;
    // Tells the caller that this process took the scenario: should it end without an answer after
    // this, the scenario is to blame; before it, the scenario never ran and may be sent elsewhere.
    writeLine({ id: id, started: true });
    runScenario(request ? request.scenario : undefined, (outcome, log) => {
      writeLine({ id: id, outcome: outcome, log: log }, () => {
        if (outcome.error !== undefined) {
          process.exit(1);
        }
        busy = false;
        setImmediate(next);
      });
    });
  };

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => {
    if (line.trim() !== '') {
      pending.push(line);
      next();
    }
  });
  input.on('close', () => {
    inputEnded = true;
    next();
  });
  writeLine({ ready: true });
}

if (process.argv[2] === '--serve') {
  serve();
} else {
  runOne();
}
