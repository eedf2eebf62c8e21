// Integrations through the official SDK's IntegrationsApi: integrations and their data actions.
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, assert } = require('./lib/sdk');

const phoneLookupContract = {
  input: {
    inputSchema: {
      type: 'object', required: ['phone'],
      properties: { phone: { type: 'string' } },
    },
  },
  output: {
    successSchema: { type: 'object', properties: { id: { type: 'string' } } },
  },
};

const phoneLookupConfig = {
  timeoutSeconds: 10,
  request: {
    requestUrlTemplate: 'https://crm.example/lookup/${input.phone}',
    requestType: 'GET',
    requestTemplate: '${input.rawRequest}',
    headers: {},
  },
  response: { translationMap: { id: '$.id' }, successTemplate: '{"id": ${id}}' },
};

describe('integrations', { concurrency: true }, () => {
  test('credential: create, get, list, update, delete; the fields are never answered', async () => {
    const integrations = await api('IntegrationsApi');
    const name = uniqueName('fidelity credential');
    const body = { name, type: { name: 'basicAuth' }, credentialFields: { userName: 'bot', password: 'secret' } };
    await crud({
      // The SDK takes these bodies as options: postIntegrationsCredentials({ body }).
      create: () => integrations.postIntegrationsCredentials({ body }),
      get: (id) => integrations.getIntegrationsCredential(id),
      listPage: (page) => integrations.getIntegrationsCredentials(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(got.credentialFields, undefined);
      },
      update: (got) => integrations.putIntegrationsCredential(got.id, { body: { ...body, name: `${name} renamed` } }),
      checkUpdated: (after) => assert.equal(after.name, `${name} renamed`),
      remove: (id) => integrations.deleteIntegrationsCredential(id),
    });
  });

  test('integration: create, get, list, update, delete', async () => {
    const integrations = await api('IntegrationsApi');
    const name = uniqueName('fidelity integration');
    await crud({
      // The SDK takes these bodies as options: postIntegrations({ body }), patchIntegration(id, { body }).
      create: () => integrations.postIntegrations({ body: { name, integrationType: { id: 'custom-rest-actions' } } }),
      get: (id) => integrations.getIntegration(id),
      listPage: (page) => integrations.getIntegrations(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.equal(got.integrationType.id, 'custom-rest-actions');
      },
      update: (got) => integrations.patchIntegration(got.id, { body: { intendedState: 'ENABLED', notes: 'updated by the SDK' } }),
      checkUpdated: (after) => {
        assert.equal(after.intendedState, 'ENABLED');
        assert.equal(after.notes, 'updated by the SDK');
      },
      remove: (id) => integrations.deleteIntegration(id),
    });
  });

  test('data action: create, get, list, update, delete', async () => {
    const integrations = await api('IntegrationsApi');
    const integration = await integrations.postIntegrations({
      body: { name: uniqueName('fidelity action host'), integrationType: { id: 'custom-rest-actions' } },
    });
    const name = uniqueName('fidelity action');
    try {
      await crud({
        create: () => integrations.postIntegrationsActions({
          name, category: 'Fidelity', integrationId: integration.id, contract: phoneLookupContract, config: phoneLookupConfig,
        }),
        get: (id) => integrations.getIntegrationsAction(id, { expand: ['contract'], includeConfig: true }),
        listPage: (page) => integrations.getIntegrationsActions(page),
        checkCreated: (got) => {
          assert.equal(got.name, name);
          assert.equal(got.integrationId, integration.id);
          assert.deepEqual(got.contract.input.inputSchema, phoneLookupContract.input.inputSchema);
          assert.equal(got.config.request.requestUrlTemplate, phoneLookupConfig.request.requestUrlTemplate);
        },
        update: (got) => integrations.patchIntegrationsAction(got.id, {
          name: `${name} renamed`, version: got.version,
          config: { ...phoneLookupConfig, timeoutSeconds: 20 },
        }),
        checkUpdated: (after) => {
          assert.equal(after.name, `${name} renamed`);
          assert.equal(after.config.timeoutSeconds, 20);
        },
        remove: (id) => integrations.deleteIntegrationsAction(id),
      });
    } finally {
      await integrations.deleteIntegration(integration.id);
    }
  });
});
