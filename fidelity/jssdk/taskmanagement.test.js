// Task management through the official SDK's TaskManagementApi: workbins, workitem schemas
// and work types. Workbins and work types are listed by query (POST …/query with filters).
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, expectError, assert } = require('./lib/sdk');

// byName is a query for the objects of one name, as a list page (the query pages by cursor,
// so there is one page).
const byName = (name) => ({ filters: [{ name: 'name', type: 'String', operator: 'EQ', values: [name] }] });

describe('task management', () => {
  test('workbin: create, get, query, update, delete', async () => {
    const tm = await api('TaskManagementApi');
    const name = uniqueName('fidelity workbin');
    await crud({
      create: () => tm.postTaskmanagementWorkbins({ name }),
      get: (id) => tm.getTaskmanagementWorkbin(id),
      listPage: ({ pageSize }) => tm.postTaskmanagementWorkbinsQuery({ ...byName(name), pageSize }),
      checkCreated: (got) => assert.ok(got.division && got.division.id, `division of ${JSON.stringify(got)}`),
      update: (got) => tm.patchTaskmanagementWorkbin(got.id, { description: 'Claims' }),
      checkUpdated: (after) => assert.equal(after.description, 'Claims'),
      remove: (id) => tm.deleteTaskmanagementWorkbin(id),
    });
  });

  test('workbin query: filters are required', async () => {
    const tm = await api('TaskManagementApi');
    const body = await expectError(tm.postTaskmanagementWorkbinsQuery({}), 400, 'bad.request');
    assert.match(body.message, /filters/);
  });

  test('workitem schema: create, get, list, update, delete', async () => {
    const tm = await api('TaskManagementApi');
    const name = uniqueName('fidelity schema');
    await crud({
      create: () => tm.postTaskmanagementWorkitemsSchemas({
        name, jsonSchema: { properties: { policy_text: { title: 'Policy' } } },
      }),
      get: (id) => tm.getTaskmanagementWorkitemsSchema(id),
      listPage: () => tm.getTaskmanagementWorkitemsSchemas(),
      checkCreated: (got) => assert.equal(got.version, 1),
      update: (got) => tm.putTaskmanagementWorkitemsSchema(got.id, { ...got, jsonSchema: { ...got.jsonSchema, description: 'Claim fields' } }),
      checkUpdated: (after) => assert.equal(after.jsonSchema.description, 'Claim fields'),
      remove: (id) => tm.deleteTaskmanagementWorkitemsSchema(id),
    });
  });

  test('work type: create, get, query, update, delete', async () => {
    const tm = await api('TaskManagementApi');
    const workbin = await tm.postTaskmanagementWorkbins({ name: uniqueName('fidelity work type bin') });
    const name = uniqueName('fidelity work type');
    try {
      await crud({
        create: () => tm.postTaskmanagementWorktypes({ name, defaultWorkbinId: workbin.id }),
        get: (id) => tm.getTaskmanagementWorktype(id),
        listPage: ({ pageSize }) => tm.postTaskmanagementWorktypesQuery({ ...byName(name), pageSize }),
        checkCreated: (got) => assert.equal(got.defaultWorkbin.id, workbin.id),
        update: (got) => tm.patchTaskmanagementWorktype(got.id, { defaultPriority: 7 }),
        checkUpdated: (after) => assert.equal(after.defaultPriority, 7),
        remove: (id) => tm.deleteTaskmanagementWorktype(id),
      });
    } finally {
      await tm.deleteTaskmanagementWorkbin(workbin.id);
    }
  });
});
