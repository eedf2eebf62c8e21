// Architect kinds through the official SDK's ArchitectApi: schedules, schedule groups, IVRs
// (call routes), emergency groups, grammars, flow milestones and flow outcomes.
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, findInPages, assert } = require('./lib/sdk');

// Schedules are local date-times without a zone, as the Platform API models them.
const weekdays = { start: '2024-01-01T08:00:00.000', end: '2024-01-01T17:00:00.000', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' };

describe('architect', { concurrency: true }, () => {
  test('schedule: create, get, list, update, delete', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity schedule');
    await crud({
      create: () => architect.postArchitectSchedules({ name, ...weekdays }),
      get: (id) => architect.getArchitectSchedule(id),
      listPage: (page) => architect.getArchitectSchedules(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(got.rrule, weekdays.rrule);
      },
      update: (got) => architect.putArchitectSchedule(got.id, {
        name: `${name} renamed`, start: got.start, end: '2024-01-01T18:00:00.000', rrule: got.rrule, version: got.version,
      }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.end, '2024-01-01T18:00:00.000');
      },
      remove: (id) => architect.deleteArchitectSchedule(id),
      softDelete: true,
    });
  });

  test('schedule group: create, get, list, update, delete', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity schedule group');
    const open = await architect.postArchitectSchedules({ name: `${name} open`, ...weekdays });
    const closed = await architect.postArchitectSchedules({ name: `${name} closed`, ...weekdays });
    try {
      await crud({
        create: () => architect.postArchitectSchedulegroups({ name, timeZone: 'Europe/Paris', openSchedules: [{ id: open.id }] }),
        get: (id) => architect.getArchitectSchedulegroup(id),
        listPage: (page) => architect.getArchitectSchedulegroups(page),
        checkCreated: (got) => {
          assert.equal(got.name, name);
          assert.deepEqual(got.openSchedules.map((s) => s.id), [open.id]);
        },
        update: (got) => architect.putArchitectSchedulegroup(got.id, {
          name: `${name} renamed`, timeZone: got.timeZone, openSchedules: [{ id: open.id }],
          closedSchedules: [{ id: closed.id }], version: got.version,
        }),
        checkUpdated: (after) => {
          assert.equal(after.name, `${name} renamed`);
          assert.deepEqual(after.closedSchedules.map((s) => s.id), [closed.id]);
        },
        remove: (id) => architect.deleteArchitectSchedulegroup(id),
        softDelete: true,
      });
    } finally {
      await architect.deleteArchitectSchedule(open.id);
      await architect.deleteArchitectSchedule(closed.id);
    }
  });

  test('IVR: create, get, list, update, delete', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity ivr');
    await crud({
      create: () => architect.postArchitectIvrs({ name, description: 'made by the SDK' }),
      get: (id) => architect.getArchitectIvr(id),
      listPage: (page) => architect.getArchitectIvrs(page),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => architect.putArchitectIvr(got.id, { name: `${name} renamed`, description: 'updated by the SDK', version: got.version }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => architect.deleteArchitectIvr(id),
      softDelete: true,
    });
  });

  test('emergency group: create, get, list, update, delete', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity emergency');
    await crud({
      create: () => architect.postArchitectEmergencygroups({ name, enabled: false }),
      get: (id) => architect.getArchitectEmergencygroup(id),
      listPage: (page) => architect.getArchitectEmergencygroups(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(got.enabled, false);
      },
      update: (got) => architect.putArchitectEmergencygroup(got.id, {
        name: `${name} renamed`, description: 'updated by the SDK', enabled: true, version: got.version,
      }),
      checkUpdated: (after) => {
        assert.equal(after.name, `${name} renamed`);
        assert.equal(after.enabled, true);
      },
      remove: (id) => architect.deleteArchitectEmergencygroup(id),
    });
  });

  test('flow: create, get, list, update, delete', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity flow');
    await crud({
      create: () => architect.postFlows({ name, type: 'inboundcall', description: 'made by the SDK' }),
      get: (id) => architect.getFlow(id),
      listPage: (page) => architect.getFlows({ ...page, type: ['inboundcall'] }),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(String(got.type).toLowerCase(), 'inboundcall');
      },
      // A flow is edited under a lock: check it out, change it, check it in.
      update: async (got) => {
        await architect.postFlowsActionsCheckout(got.id);
        const locked = await architect.getFlow(got.id);
        await architect.putFlow(got.id, { ...locked, description: 'updated by the SDK' });
        await architect.postFlowsActionsCheckin(got.id);
      },
      checkUpdated: (after) => assert.equal(after.description, 'updated by the SDK'),
      remove: (id) => architect.deleteFlow(id),
    });
  });

  test('grammar: create, get, list, update, delete', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity grammar');
    await crud({
      create: () => architect.postArchitectGrammars({ name, description: 'made by the SDK' }),
      get: (id) => architect.getArchitectGrammar(id),
      listPage: (page) => architect.getArchitectGrammars(page),
      checkCreated: (got) => assert.equal(got.name, name),
      // The SDK takes this body as an option: patchArchitectGrammar(grammarId, { body }).
      update: (got) => architect.patchArchitectGrammar(got.id, { body: { description: 'updated by the SDK' } }),
      checkUpdated: (after) => {
        assert.equal(after.name, name);
        assert.equal(after.description, 'updated by the SDK');
      },
      remove: (id) => architect.deleteArchitectGrammar(id),
    });
  });

  test('flow milestone: create, get, list, update, delete', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity milestone');
    await crud({
      create: () => architect.postFlowsMilestones({ body: { name, description: 'made by the SDK' } }),
      get: (id) => architect.getFlowsMilestone(id),
      listPage: (page) => architect.getFlowsMilestones(page),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => architect.putFlowsMilestone(got.id, { body: { name: `${name} renamed`, description: got.description } }),
      checkUpdated: (after) => assert.equal(after.name, `${name} renamed`),
      remove: (id) => architect.deleteFlowsMilestone(id),
    });
  });

  // The API has no delete for flow outcomes, so the outcome stays (as with real orgs).
  test('flow outcome: create, get, list, update', async () => {
    const architect = await api('ArchitectApi');
    const name = uniqueName('fidelity outcome');
    const created = await architect.postFlowsOutcomes({ body: { name, description: 'made by the SDK' } });
    assert.ok(created && created.id, `create answered ${JSON.stringify(created)}`);
    const got = await architect.getFlowsOutcome(created.id);
    assert.equal(got.name, name);
    assert.ok(await findInPages((page) => architect.getFlowsOutcomes(page), created.id), `list does not show ${created.id}`);
    await architect.putFlowsOutcome(created.id, { body: { name: `${name} renamed`, description: got.description } });
    assert.equal((await architect.getFlowsOutcome(created.id)).name, `${name} renamed`);
  });
});
