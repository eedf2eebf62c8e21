// Response management through the official SDK's ResponseManagementApi: response libraries.
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, assert } = require('./lib/sdk');

describe('response management', () => {
  test('response library: create, get, list, update, delete', async () => {
    const responses = await api('ResponseManagementApi');
    const name = uniqueName('fidelity library');
    await crud({
      create: () => responses.postResponsemanagementLibraries({ name }),
      get: (id) => responses.getResponsemanagementLibrary(id),
      listPage: (page) => responses.getResponsemanagementLibraries(page),
      checkCreated: (got) => assert.equal(got.name, name),
      update: (got) => responses.putResponsemanagementLibrary(got.id, { name: `${name} renamed`, version: got.version }),
      checkUpdated: (after) => assert.equal(after.name, `${name} renamed`),
      remove: (id) => responses.deleteResponsemanagementLibrary(id),
    });
  });
});
