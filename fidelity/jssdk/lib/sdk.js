// Shared setup for the fidelity scenarios: an SDK client logged in to the org the Go driver
// started, unique names, and the checks every kind repeats (CRUD, errors as the SDK reports them).
'use strict';

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const platformClient = require('purecloud-platform-client-v2');

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this suite through the Go test internal/fidelity, which starts a local org and sets it`);
  }
  return value;
}

// gatewayOf turns the org's base URL (http://127.0.0.1:PORT) into the SDK's gateway settings.
// The SDK builds https://api.<environment> and https://login.<environment> from a region;
// its gateway setting is the documented way to send both the token and the API calls to one
// host of our choosing, over plain http.
function gatewayOf(baseURL) {
  const url = new URL(baseURL);
  return {
    host: url.hostname,
    protocol: url.protocol.replace(/:$/, ''),
    port: url.port ? Number(url.port) : -1,
  };
}

// newClient is an SDK client (not yet logged in) whose token and API calls go to the org.
// The module's default instance is shared by the whole file; ApiClientClass makes others.
function newClient({ shared = false } = {}) {
  const platform = platformClient;
  const client = shared ? platform.ApiClient.instance : new platform.ApiClientClass();
  client.setPersistSettings(false);
  client.setEnvironment('local.invalid'); // never contacted: the gateway below overrides it
  client.setGateway(gatewayOf(requiredEnv('FIDELITY_BASE_URL')));
  return client;
}

// Node runs each test file in its own process, so the SDK's default client is this file's
// alone; it logs in once and every scenario of the file shares its token, as an app would.
let loggedIn;
function login() {
  if (!loggedIn) {
    const client = newClient({ shared: true });
    loggedIn = client
      .loginClientCredentialsGrant(requiredEnv('FIDELITY_CLIENT_ID'), requiredEnv('FIDELITY_CLIENT_SECRET'))
      .then(() => client);
  }
  return loggedIn;
}

// api returns an instance of one of the SDK's API classes (e.g. 'RoutingApi'), logged in.
async function api(className) {
  const client = await login();
  return new platformClient[className](client);
}

// apiWithToken is an API class whose client holds the given token, for the 401 scenarios.
function apiWithToken(className, token) {
  const client = newClient();
  client.setAccessToken(token);
  return new platformClient[className](client);
}

// uniqueName makes names that cannot collide between scenarios or runs on one org.
function uniqueName(prefix) {
  return `${prefix} ${crypto.randomBytes(4).toString('hex')}`;
}

// rejection awaits a promise that must fail and returns the error body the SDK rejected with
// (the Platform API's ErrorBody: status, code, message, …).
async function rejection(promise) {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Error) {
      throw err; // the SDK itself failed (e.g. a missing parameter), not the org
    }
    return err;
  }
  assert.fail('the call succeeded where the org must refuse it');
}

// expectError checks an error body as the SDK surfaces it: status, code, and a message.
async function expectError(promise, status, code) {
  const body = await rejection(promise);
  assert.equal(typeof body, 'object', `error body is not JSON: ${String(body)}`);
  assert.equal(body.status, status, `status of ${JSON.stringify(body)}`);
  if (code) {
    assert.equal(body.code, code, `code of ${JSON.stringify(body)}`);
  }
  assert.ok(typeof body.message === 'string' && body.message.length > 0, `message of ${JSON.stringify(body)}`);
  return body;
}

// expectGone checks that a deleted object reads as gone: a 404 the SDK reports as such, or,
// for kinds the API deletes softly (skills, languages), the object with state "deleted".
async function expectGone(read, { softDelete = false } = {}) {
  let found;
  try {
    found = await read();
  } catch (err) {
    if (err instanceof Error) {
      throw err;
    }
    assert.equal(err.status, 404, `read after delete: ${JSON.stringify(err)}`);
    assert.equal(err.code, 'not.found', `read after delete: ${JSON.stringify(err)}`);
    return;
  }
  assert.ok(softDelete, `read after delete still finds ${JSON.stringify(found)}`);
  assert.equal(String(found.state).toLowerCase(), 'deleted', `read after delete: ${JSON.stringify(found)}`);
}

// findInPages pages through a list call (page-number paging) until it finds id.
async function findInPages(listPage, id, pageSize = 100) {
  for (let pageNumber = 1; pageNumber <= 1000; pageNumber++) {
    const page = await listPage({ pageSize, pageNumber });
    const entities = page.entities || [];
    const hit = entities.find((e) => e.id === id);
    if (hit) {
      return hit;
    }
    if (entities.length < pageSize) {
      return undefined;
    }
  }
  return undefined;
}

// crud runs the one lifecycle every kind shares: create → get → list finds it → update →
// get shows the update → delete → get is gone. Each step is a callback, since the SDK's
// method names and bodies differ per kind.
async function crud(steps) {
  const created = await steps.create();
  assert.ok(created && created.id, `create answered ${JSON.stringify(created)}`);
  try {
    const got = await steps.get(created.id);
    assert.equal(got.id, created.id);
    steps.checkCreated?.(got);
    const listed = await findInPages(steps.listPage, created.id);
    assert.ok(listed, `list does not show ${created.id}`);
    if (steps.update) {
      await steps.update(got);
      const after = await steps.get(created.id);
      steps.checkUpdated(after);
    }
  } finally {
    await steps.remove(created.id);
  }
  await expectGone(() => steps.get(created.id), { softDelete: steps.softDelete });
  return created;
}

module.exports = { api, apiWithToken, newClient, requiredEnv, uniqueName, rejection, expectError, expectGone, findInPages, crud, assert };
