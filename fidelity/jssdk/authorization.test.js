// Authorization kinds through the official SDK's AuthorizationApi: divisions and roles, with
// the grants that give a role to a user in a division.
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, assert } = require('./lib/sdk');

describe('authorization', { concurrency: true }, () => {
  test('division: create, get, list, update, delete', async () => {
    const authorization = await api('AuthorizationApi');
    const name = uniqueName('fidelity division');
    await crud({
      create: () => authorization.postAuthorizationDivisions({ name, description: 'made by the SDK' }),
      get: (id) => authorization.getAuthorizationDivision(id),
      listPage: (page) => authorization.getAuthorizationDivisions(page),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => authorization.putAuthorizationDivision(got.id, { name: `${name} renamed`, description: 'updated by the SDK' }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => authorization.deleteAuthorizationDivision(id),
    });
  });

  test('home division: the org has one', async () => {
    const authorization = await api('AuthorizationApi');
    const home = await authorization.getAuthorizationDivisionsHome();
    assert.ok(home.id);
    assert.equal(home.homeDivision, true);
  });

  test('role: create, get, list, update, delete', async () => {
    const authorization = await api('AuthorizationApi');
    const name = uniqueName('fidelity role');
    await crud({
      create: () => authorization.postAuthorizationRoles({
        name, description: 'made by the SDK',
        permissionPolicies: [{ domain: 'routing', entityName: 'queue', actionSet: ['view'] }],
      }),
      get: (id) => authorization.getAuthorizationRole(id),
      listPage: (page) => authorization.getAuthorizationRoles(page),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => authorization.putAuthorizationRole(got.id, {
        name: `${name} renamed`, description: 'updated by the SDK',
        permissionPolicies: [{ domain: 'routing', entityName: 'queue', actionSet: ['view', 'edit'] }],
      }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
        const policy = after.permissionPolicies.find((p) => p.domain === 'routing' && p.entityName === 'queue');
        assert.deepEqual([...policy.actionSet].sort(), ['edit', 'view']);
      },
      remove: (id) => authorization.deleteAuthorizationRole(id),
    });
  });

  test('role grants: grant a role to a user in a division, read it back, revoke it', async () => {
    const authorization = await api('AuthorizationApi');
    const users = await api('UsersApi');
    const name = uniqueName('fidelity grantee');
    const user = await users.postUsers({ name, email: `${name.replace(/\W+/g, '.')}@example.com` });
    const role = await authorization.postAuthorizationRoles({ name: uniqueName('fidelity granted role') });
    const division = await authorization.postAuthorizationDivisions({ name: uniqueName('fidelity grant division') });
    try {
      await authorization.postAuthorizationSubjectDivisionRole(user.id, division.id, role.id);
      const subject = await authorization.getAuthorizationSubject(user.id);
      const grants = subject.grants.map((g) => [g.role.id, g.division.id]);
      assert.deepEqual(grants, [[role.id, division.id]]);

      const holders = await authorization.getAuthorizationRoleSubjectgrants(role.id, { pageSize: 100 });
      assert.ok(holders.entities.some((h) => h.id === user.id), `subject grants of the role: ${JSON.stringify(holders)}`);

      await authorization.deleteAuthorizationSubjectDivisionRole(user.id, division.id, role.id);
      const after = await authorization.getAuthorizationSubject(user.id);
      assert.deepEqual(after.grants, []);
    } finally {
      await users.deleteUser(user.id);
      await authorization.deleteAuthorizationRole(role.id);
      await authorization.deleteAuthorizationDivision(division.id);
    }
  });

  test('role grants in bulk: bulkadd then bulkremove', async () => {
    const authorization = await api('AuthorizationApi');
    const users = await api('UsersApi');
    const name = uniqueName('fidelity bulk grantee');
    const user = await users.postUsers({ name, email: `${name.replace(/\W+/g, '.')}@example.com` });
    const role = await authorization.postAuthorizationRoles({ name: uniqueName('fidelity bulk role') });
    const home = await authorization.getAuthorizationDivisionsHome();
    try {
      const grant = { roleId: role.id, divisionId: home.id };
      await authorization.postAuthorizationSubjectBulkadd(user.id, { grants: [grant] });
      let subject = await authorization.getAuthorizationSubject(user.id);
      assert.deepEqual(subject.grants.map((g) => [g.role.id, g.division.id]), [[role.id, home.id]]);
      await authorization.postAuthorizationSubjectBulkremove(user.id, { grants: [grant] });
      subject = await authorization.getAuthorizationSubject(user.id);
      assert.deepEqual(subject.grants, []);
    } finally {
      await users.deleteUser(user.id);
      await authorization.deleteAuthorizationRole(role.id);
    }
  });
});
