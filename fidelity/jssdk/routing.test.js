// Routing kinds through the official SDK's RoutingApi: skills, languages, wrap-up codes,
// utilization labels, queues with their members and wrap-up codes.
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, expectError, assert } = require('./lib/sdk');

// cursorPages adapts a cursor-paged list (after=<cursor>, nextUri carrying the next one) to
// the page-number shape crud's list step walks: page n is reached by following n-1 cursors.
function cursorPages(listAfter) {
  return async ({ pageNumber }) => {
    let after;
    let page;
    for (let n = 1; n <= pageNumber; n++) {
      page = await listAfter(after);
      const next = page.nextUri ? new URL(page.nextUri, 'http://cursor.invalid').searchParams.get('after') : null;
      if (n < pageNumber && !next) {
        return { entities: [] };
      }
      after = next;
    }
    return page;
  };
}

describe('routing', { concurrency: true }, () => {
  test('skill: create, get, list, update (move to another division), delete', async () => {
    const routing = await api('RoutingApi');
    const authorization = await api('AuthorizationApi');
    const name = uniqueName('fidelity skill');
    // PATCH on a skill carries UpdateSkillDivisionRequest: the division is all it can change.
    const division = await authorization.postAuthorizationDivisions({ name: uniqueName('fidelity skill division') });
    try {
      await crud({
        create: () => routing.postRoutingSkills({ name }),
        get: (id) => routing.getRoutingSkill(id),
        listPage: (page) => routing.getRoutingSkills(page),
        checkCreated: (got) => {
          assert.equal(got.name, name);
          assert.equal(got.state, 'active');
        },
        update: (got) => routing.patchRoutingSkill(got.id, { divisionId: division.id }),
        checkUpdated: (after) => assert.equal(after.division?.id, division.id),
        remove: (id) => routing.deleteRoutingSkill(id),
        softDelete: true,
      });
    } finally {
      await authorization.deleteAuthorizationDivision(division.id);
    }
  });

  test('skill: 25 skills paged by 10 are each seen once, and total and pageCount agree', async () => {
    const routing = await api('RoutingApi');
    const prefix = uniqueName('fidelity paging');
    const ids = new Set();
    for (let i = 0; i < 25; i++) {
      const skill = await routing.postRoutingSkills({ name: `${prefix} ${String(i).padStart(2, '0')}` });
      ids.add(skill.id);
    }
    try {
      // The name filter keeps skills made by other scenarios running at the same time out of the count.
      const seen = new Map();
      const first = await routing.getRoutingSkills({ pageSize: 10, pageNumber: 1, name: prefix });
      assert.equal(first.total, 25, `total of ${JSON.stringify({ ...first, entities: undefined })}`);
      assert.equal(first.pageCount, 3);
      for (let pageNumber = 1; pageNumber <= first.pageCount; pageNumber++) {
        const page = pageNumber === 1 ? first : await routing.getRoutingSkills({ pageSize: 10, pageNumber, name: prefix });
        assert.equal(page.pageNumber, pageNumber);
        assert.equal(page.pageSize, 10);
        assert.equal(page.total, 25);
        assert.equal(page.pageCount, 3);
        assert.equal(page.entities.length, pageNumber < 3 ? 10 : 5);
        for (const skill of page.entities) {
          seen.set(skill.id, (seen.get(skill.id) || 0) + 1);
        }
      }
      assert.deepEqual([...seen.keys()].sort(), [...ids].sort());
      assert.ok([...seen.values()].every((n) => n === 1), 'a skill was listed on two pages');
      const past = await routing.getRoutingSkills({ pageSize: 10, pageNumber: 4, name: prefix });
      assert.deepEqual(past.entities, []);
    } finally {
      await Promise.all([...ids].map((id) => routing.deleteRoutingSkill(id)));
    }
  });

  test('skill group: create, get, list (cursor paging), update, delete', async () => {
    const routing = await api('RoutingApi');
    const name = uniqueName('fidelity skill group');
    await crud({
      create: () => routing.postRoutingSkillgroups({ name, description: 'made by the SDK' }),
      get: (id) => routing.getRoutingSkillgroup(id),
      // Skill groups page by cursor (after), not page number: follow nextUri's cursor.
      listPage: cursorPages((after) => routing.getRoutingSkillgroups({ pageSize: 100, after })),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => routing.patchRoutingSkillgroup(got.id, { name: `${name} renamed`, description: 'updated by the SDK' }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => routing.deleteRoutingSkillgroup(id),
    });
  });

  test('language: create, get, list, delete', async () => {
    const routing = await api('RoutingApi');
    const name = uniqueName('fidelity language');
    await crud({
      create: () => routing.postRoutingLanguages({ name }),
      get: (id) => routing.getRoutingLanguage(id),
      listPage: (page) => routing.getRoutingLanguages(page),
      checkCreated: (got) => assert.equal(got.name, name),
      // The API has no update for languages.
      remove: (id) => routing.deleteRoutingLanguage(id),
      softDelete: true,
    });
  });

  test('wrap-up code: create, get, list, update, delete', async () => {
    const routing = await api('RoutingApi');
    const name = uniqueName('fidelity wrapup');
    await crud({
      create: () => routing.postRoutingWrapupcodes({ name }),
      get: (id) => routing.getRoutingWrapupcode(id),
      listPage: (page) => routing.getRoutingWrapupcodes(page),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => routing.putRoutingWrapupcode(got.id, { name: `${name} renamed`, description: 'updated by the SDK' }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => routing.deleteRoutingWrapupcode(id),
    });
  });

  test('utilization label: create, get, list, update, delete', async () => {
    const routing = await api('RoutingApi');
    const name = uniqueName('fidelity label');
    await crud({
      create: () => routing.postRoutingUtilizationLabels({ name }),
      get: (id) => routing.getRoutingUtilizationLabel(id),
      listPage: (page) => routing.getRoutingUtilizationLabels(page),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => routing.putRoutingUtilizationLabel(got.id, { name: `${name} renamed`, version: got.version }),
      checkUpdated: (after) => assert.equal(after.name, `${name} renamed`),
      remove: (id) => routing.deleteRoutingUtilizationLabel(id, { forceDelete: true }),
    });
  });

  test('queue: create, get, list, update, delete', async () => {
    const routing = await api('RoutingApi');
    const name = uniqueName('fidelity queue');
    await crud({
      create: () => routing.postRoutingQueues({ name, description: 'made by the SDK' }),
      get: (id) => routing.getRoutingQueue(id),
      listPage: (page) => routing.getRoutingQueues(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(got.description, 'made by the SDK');
      },
      update: (got) => routing.putRoutingQueue(got.id, { name: `${name} renamed`, description: 'updated by the SDK' }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => routing.deleteRoutingQueue(id, { forceDelete: true }),
    });
  });

  test('queue wrap-up codes: add, list, remove', async () => {
    const routing = await api('RoutingApi');
    const queue = await routing.postRoutingQueues({ name: uniqueName('fidelity queue codes') });
    const code = await routing.postRoutingWrapupcodes({ name: uniqueName('fidelity queue code') });
    try {
      await routing.postRoutingQueueWrapupcodes(queue.id, [{ id: code.id }]);
      const listed = await routing.getRoutingQueueWrapupcodes(queue.id, { pageSize: 100 });
      assert.deepEqual(listed.entities.map((c) => c.id), [code.id]);
      await routing.deleteRoutingQueueWrapupcode(queue.id, code.id);
      const after = await routing.getRoutingQueueWrapupcodes(queue.id, { pageSize: 100 });
      assert.deepEqual(after.entities, []);
    } finally {
      await routing.deleteRoutingQueue(queue.id, { forceDelete: true });
      await routing.deleteRoutingWrapupcode(code.id);
    }
  });
});

describe('routing queue members', { concurrency: true }, () => {
  async function queueWithUser(label) {
    const routing = await api('RoutingApi');
    const users = await api('UsersApi');
    const name = uniqueName(label);
    const user = await users.postUsers({ name, email: `${name.replace(/\W+/g, '.')}@example.com` });
    const queue = await routing.postRoutingQueues({ name });
    const cleanup = async () => {
      await routing.deleteRoutingQueue(queue.id, { forceDelete: true });
      await users.deleteUser(user.id);
    };
    return { routing, user, queue, cleanup };
  }

  async function memberIds(routing, queueId) {
    const listed = await routing.getRoutingQueueMembers(queueId, { pageSize: 100 });
    return listed.entities.map((m) => m.id);
  }

  test('member: add, list, remove one by id, list no longer shows it', async () => {
    const { routing, user, queue, cleanup } = await queueWithUser('fidelity member');
    try {
      await routing.postRoutingQueueMembers(queue.id, [{ id: user.id }]);
      assert.deepEqual(await memberIds(routing, queue.id), [user.id]);
      await routing.deleteRoutingQueueMember(queue.id, user.id);
      assert.deepEqual(await memberIds(routing, queue.id), []);
    } finally {
      await cleanup();
    }
  });

  test('member: add, list, remove in bulk (POST with delete=true), list no longer shows it', async () => {
    const { routing, user, queue, cleanup } = await queueWithUser('fidelity bulk member');
    try {
      await routing.postRoutingQueueMembers(queue.id, [{ id: user.id }]);
      assert.deepEqual(await memberIds(routing, queue.id), [user.id]);
      await routing.postRoutingQueueMembers(queue.id, [{ id: user.id }], { _delete: true });
      assert.deepEqual(await memberIds(routing, queue.id), []);
    } finally {
      await cleanup();
    }
  });

  test('member: an unknown queue is a 404', async () => {
    const routing = await api('RoutingApi');
    await expectError(routing.getRoutingQueueMembers('00000000-0000-0000-0000-000000000000'), 404, 'not.found');
  });
});
