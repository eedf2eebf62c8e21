// Directory kinds through the official SDK: users (with their routing skills), groups and
// teams (with their members).
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, expectError, assert } = require('./lib/sdk');

function emailOf(name) {
  return `${name.replace(/\W+/g, '.')}@example.com`;
}

describe('directory', { concurrency: true }, () => {
  test('user: create, get, list, update, delete', async () => {
    const users = await api('UsersApi');
    const name = uniqueName('fidelity user');
    await crud({
      create: () => users.postUsers({ name, email: emailOf(name) }),
      get: (id) => users.getUser(id),
      listPage: (page) => users.getUsers(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(got.email, emailOf(name));
      },
      update: (got) => users.patchUser(got.id, { title: 'Agent', department: 'Fidelity', version: got.version }),
      checkUpdated: (after) => {
        assert.equal(after.title, 'Agent');
        assert.equal(after.department, 'Fidelity');
      },
      remove: (id) => users.deleteUser(id),
      // Deleted users keep existing with state "deleted" (the API restores them by PATCH);
      // the next scenario checks what a plain GET answers.
      softDelete: true,
    });
  });

  // GET /api/v2/users/{id} has a state parameter that defaults to active (the endpoint's
  // reference): a deleted user is not found unless the caller asks for state=deleted.
  test('user: after delete, GET answers 404 unless asked for state=deleted', async () => {
    const users = await api('UsersApi');
    const name = uniqueName('fidelity deleted user');
    const user = await users.postUsers({ name, email: emailOf(name) });
    await users.deleteUser(user.id);
    await expectError(users.getUser(user.id), 404, 'not.found');
    const deleted = await users.getUser(user.id, { state: 'deleted' });
    assert.equal(deleted.state, 'deleted');
  });

  test('user routing skills: add, list, change proficiency, remove', async () => {
    const users = await api('UsersApi');
    const routing = await api('RoutingApi');
    const name = uniqueName('fidelity skilled user');
    const user = await users.postUsers({ name, email: emailOf(name) });
    const skill = await routing.postRoutingSkills({ name: uniqueName('fidelity user skill') });
    try {
      const added = await users.postUserRoutingskills(user.id, { id: skill.id, proficiency: 3 });
      assert.equal(added.id, skill.id);
      let listed = await users.getUserRoutingskills(user.id, { pageSize: 100 });
      assert.deepEqual(listed.entities.map((s) => [s.id, s.proficiency]), [[skill.id, 3]]);

      await users.putUserRoutingskill(user.id, skill.id, { id: skill.id, proficiency: 5 });
      listed = await users.getUserRoutingskills(user.id, { pageSize: 100 });
      assert.deepEqual(listed.entities.map((s) => [s.id, s.proficiency]), [[skill.id, 5]]);

      await users.deleteUserRoutingskill(user.id, skill.id);
      listed = await users.getUserRoutingskills(user.id, { pageSize: 100 });
      assert.deepEqual(listed.entities, []);
    } finally {
      await users.deleteUser(user.id);
      await routing.deleteRoutingSkill(skill.id);
    }
  });

  test('group: create, get, list, update, delete', async () => {
    const groups = await api('GroupsApi');
    const name = uniqueName('fidelity group');
    await crud({
      create: () => groups.postGroups({ name, type: 'official', rulesVisible: true, visibility: 'public' }),
      get: (id) => groups.getGroup(id),
      listPage: (page) => groups.getGroups(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(got.type, 'official');
      },
      // The SDK takes this body as an option: putGroup(groupId, { body }).
      update: (got) => groups.putGroup(got.id, {
        body: {
          name: `${name} renamed`, description: 'updated by the SDK', type: 'official', rulesVisible: true,
          visibility: 'public', version: got.version,
        },
      }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => groups.deleteGroup(id),
    });
  });

  test('team: create, get, list, update, delete', async () => {
    const teams = await api('TeamsApi');
    const name = uniqueName('fidelity team');
    await crud({
      create: () => teams.postTeams({ name }),
      get: (id) => teams.getTeam(id),
      listPage: (page) => teams.getTeams({ pageSize: page.pageSize }),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => teams.patchTeam(got.id, { name: `${name} renamed`, description: 'updated by the SDK' }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => teams.deleteTeam(id),
    });
  });

  test('team members: add, list, remove', async () => {
    const teams = await api('TeamsApi');
    const users = await api('UsersApi');
    const name = uniqueName('fidelity team members');
    const user = await users.postUsers({ name, email: emailOf(name) });
    const team = await teams.postTeams({ name });
    try {
      await teams.postTeamMembers(team.id, { memberIds: [user.id] });
      let members = await teams.getTeamMembers(team.id, { pageSize: 100 });
      assert.deepEqual(members.entities.map((m) => m.id), [user.id]);

      await teams.deleteTeamMembers(team.id, user.id);
      members = await teams.getTeamMembers(team.id, { pageSize: 100 });
      assert.deepEqual(members.entities, []);
    } finally {
      await teams.deleteTeam(team.id);
      await users.deleteUser(user.id);
    }
  });

  test('group members: add, list, remove', async () => {
    const groups = await api('GroupsApi');
    const users = await api('UsersApi');
    const name = uniqueName('fidelity group members');
    const user = await users.postUsers({ name, email: emailOf(name) });
    const group = await groups.postGroups({ name, type: 'official', rulesVisible: true, visibility: 'public' });
    try {
      let current = await groups.getGroup(group.id);
      await groups.postGroupMembers(group.id, { memberIds: [user.id], version: current.version });
      let members = await groups.getGroupMembers(group.id, { pageSize: 100 });
      assert.deepEqual(members.entities.map((m) => m.id), [user.id]);

      await groups.deleteGroupMembers(group.id, user.id);
      members = await groups.getGroupMembers(group.id, { pageSize: 100 });
      assert.deepEqual(members.entities, []);
    } finally {
      await groups.deleteGroup(group.id);
      await users.deleteUser(user.id);
    }
  });
});
