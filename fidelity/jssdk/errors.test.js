// Errors as the official SDK surfaces them: the promise rejects with the Platform API's error
// body, whose status, code and message callers branch on.
'use strict';

const { describe, test } = require('node:test');
const { api, apiWithToken, newClient, requiredEnv, uniqueName, expectError, assert } = require('./lib/sdk');

const unknownId = '00000000-0000-4000-8000-000000000000';

// Every kind's get-by-id, for the 404 of an id the org never issued.
const getters = [
  ['skill', 'RoutingApi', 'getRoutingSkill'],
  ['language', 'RoutingApi', 'getRoutingLanguage'],
  ['wrap-up code', 'RoutingApi', 'getRoutingWrapupcode'],
  ['queue', 'RoutingApi', 'getRoutingQueue'],
  ['utilization label', 'RoutingApi', 'getRoutingUtilizationLabel'],
  ['skill group', 'RoutingApi', 'getRoutingSkillgroup'],
  ['user', 'UsersApi', 'getUser'],
  ['group', 'GroupsApi', 'getGroup'],
  ['division', 'AuthorizationApi', 'getAuthorizationDivision'],
  ['role', 'AuthorizationApi', 'getAuthorizationRole'],
  ['schedule', 'ArchitectApi', 'getArchitectSchedule'],
  ['schedule group', 'ArchitectApi', 'getArchitectSchedulegroup'],
  ['IVR', 'ArchitectApi', 'getArchitectIvr'],
  ['emergency group', 'ArchitectApi', 'getArchitectEmergencygroup'],
  ['grammar', 'ArchitectApi', 'getArchitectGrammar'],
  ['flow', 'ArchitectApi', 'getFlow'],
  ['DID pool', 'TelephonyProvidersEdgeApi', 'getTelephonyProvidersEdgesDidpool'],
  ['integration', 'IntegrationsApi', 'getIntegration'],
  ['data action', 'IntegrationsApi', 'getIntegrationsAction'],
  ['response library', 'ResponseManagementApi', 'getResponsemanagementLibrary'],
];

// Creates whose API model requires a name, sent without one: 400 naming the field.
const namelessCreates = [
  ['skill', 'RoutingApi', (a) => a.postRoutingSkills({})],
  ['language', 'RoutingApi', (a) => a.postRoutingLanguages({})],
  ['wrap-up code', 'RoutingApi', (a) => a.postRoutingWrapupcodes({})],
  ['queue', 'RoutingApi', (a) => a.postRoutingQueues({ description: 'no name' })],
  ['utilization label', 'RoutingApi', (a) => a.postRoutingUtilizationLabels({})],
  ['group', 'GroupsApi', (a) => a.postGroups({ type: 'official', rulesVisible: true, visibility: 'public' })],
  ['role', 'AuthorizationApi', (a) => a.postAuthorizationRoles({ description: 'no name' })],
  ['schedule', 'ArchitectApi', (a) => a.postArchitectSchedules({ start: '2024-01-01T08:00:00.000', end: '2024-01-01T17:00:00.000' })],
  ['schedule group', 'ArchitectApi', (a) => a.postArchitectSchedulegroups({ timeZone: 'Europe/Paris' })],
  ['IVR', 'ArchitectApi', (a) => a.postArchitectIvrs({ description: 'no name' })],
  ['emergency group', 'ArchitectApi', (a) => a.postArchitectEmergencygroups({ enabled: false })],
  ['response library', 'ResponseManagementApi', (a) => a.postResponsemanagementLibraries({})],
];

// Kinds whose names are unique in an org: a second create with the same name is a 409.
const uniqueNames = [
  ['skill', 'RoutingApi', (a, name) => a.postRoutingSkills({ name }), (a, o) => a.deleteRoutingSkill(o.id)],
  ['language', 'RoutingApi', (a, name) => a.postRoutingLanguages({ name }), (a, o) => a.deleteRoutingLanguage(o.id)],
  ['wrap-up code', 'RoutingApi', (a, name) => a.postRoutingWrapupcodes({ name }), (a, o) => a.deleteRoutingWrapupcode(o.id)],
  ['queue', 'RoutingApi', (a, name) => a.postRoutingQueues({ name }), (a, o) => a.deleteRoutingQueue(o.id, { forceDelete: true })],
  ['division', 'AuthorizationApi', (a, name) => a.postAuthorizationDivisions({ name }), (a, o) => a.deleteAuthorizationDivision(o.id)],
  ['role', 'AuthorizationApi', (a, name) => a.postAuthorizationRoles({ name }), (a, o) => a.deleteAuthorizationRole(o.id)],
  ['user (by email)', 'UsersApi', (a, name) => a.postUsers({ name: 'Same Email', email: `${name.replace(/\W+/g, '.')}@example.com` }),
    (a, o) => a.deleteUser(o.id)],
];

// Versioned kinds: an update that carries a version the object has moved past is a 409.
// Each row: create, update (sending the given version), remove.
const versioned = [
  ['user', 'UsersApi',
    (a, name) => a.postUsers({ name, email: `${name.replace(/\W+/g, '.')}@example.com` }),
    (a, o, version) => a.patchUser(o.id, { title: `title at ${version}`, version }),
    (a, o) => a.deleteUser(o.id)],
  ['group', 'GroupsApi',
    (a, name) => a.postGroups({ name, type: 'official', rulesVisible: true, visibility: 'public' }),
    (a, o, version) => a.putGroup(o.id, {
      body: { name: o.name, description: `at ${version}`, type: 'official', rulesVisible: true, visibility: 'public', version },
    }),
    (a, o) => a.deleteGroup(o.id)],
  ['schedule', 'ArchitectApi',
    (a, name) => a.postArchitectSchedules({ name, start: '2024-01-01T08:00:00.000', end: '2024-01-01T17:00:00.000' }),
    (a, o, version) => a.putArchitectSchedule(o.id, { name: o.name, description: `at ${version}`, start: o.start, end: o.end, version }),
    (a, o) => a.deleteArchitectSchedule(o.id)],
  ['IVR', 'ArchitectApi',
    (a, name) => a.postArchitectIvrs({ name }),
    (a, o, version) => a.putArchitectIvr(o.id, { name: o.name, description: `at ${version}`, version }),
    (a, o) => a.deleteArchitectIvr(o.id)],
  ['emergency group', 'ArchitectApi',
    (a, name) => a.postArchitectEmergencygroups({ name }),
    (a, o, version) => a.putArchitectEmergencygroup(o.id, { name: o.name, description: `at ${version}`, version }),
    (a, o) => a.deleteArchitectEmergencygroup(o.id)],
  ['response library', 'ResponseManagementApi',
    (a, name) => a.postResponsemanagementLibraries({ name }),
    (a, o, version) => a.putResponsemanagementLibrary(o.id, { name: `${o.name} at ${version}`, version }),
    (a, o) => a.deleteResponsemanagementLibrary(o.id)],
];

describe('errors: 404 on an unknown id', { concurrency: true }, () => {
  for (const [kind, className, method] of getters) {
    test(kind, async () => {
      const sdk = await api(className);
      await expectError(sdk[method](unknownId), 404, 'not.found');
    });
  }
});

describe('errors: 400 naming the missing field', { concurrency: true }, () => {
  for (const [kind, className, create] of namelessCreates) {
    test(kind, async () => {
      const body = await expectError(create(await api(className)), 400);
      assert.match(body.message, /\bname\b/, `message does not name the field: ${body.message}`);
    });
  }
});

describe('errors: 409 on a duplicate name', { concurrency: true }, () => {
  for (const [kind, className, create, remove] of uniqueNames) {
    test(kind, async () => {
      const sdk = await api(className);
      const name = uniqueName(`fidelity duplicate ${kind}`);
      const first = await create(sdk, name);
      try {
        await expectError(create(sdk, name), 409, 'general.conflict');
      } finally {
        await remove(sdk, first);
      }
    });
  }
});

describe('errors: 409 on a stale version', { concurrency: true }, () => {
  for (const [kind, className, create, update, remove] of versioned) {
    test(kind, async () => {
      const sdk = await api(className);
      const created = await create(sdk, uniqueName(`fidelity stale ${kind}`));
      try {
        await update(sdk, created, created.version); // moves the object on
        await expectError(update(sdk, created, created.version), 409, 'general.conflict');
      } finally {
        await remove(sdk, created);
      }
    });
  }
});

describe('errors: 401', { concurrency: true }, () => {
  test('a token the org never issued', async () => {
    const routing = apiWithToken('RoutingApi', 'not-a-token-this-org-issued');
    await expectError(routing.getRoutingSkills(), 401, 'bad.credentials');
  });

  test('a wrong client secret at login', async () => {
    const client = newClient();
    const failure = await client.loginClientCredentialsGrant(requiredEnv('FIDELITY_CLIENT_ID'), 'wrong-secret').then(
      () => assert.fail('login with a wrong secret succeeded'),
      (err) => err,
    );
    // A failed login rejects with the HTTP client's error, which carries the token endpoint's answer.
    assert.equal(failure?.response?.status, 401, `login failure: ${failure}`);
    assert.equal(failure.response.data?.error, 'invalid_client', `login failure body: ${JSON.stringify(failure.response.data)}`);
  });
});
