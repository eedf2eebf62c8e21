// Outbound through the official SDK's OutboundApi: contact lists, their filters, DNC lists,
// rule sets and campaigns.
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, crud, expectError, assert } = require('./lib/sdk');

describe('outbound', () => {
  test('contact list: create, get, list, update, delete', async () => {
    const outbound = await api('OutboundApi');
    const name = uniqueName('fidelity contact list');
    await crud({
      create: () => outbound.postOutboundContactlists({
        name, columnNames: ['first_name', 'phone'], phoneColumns: [{ columnName: 'phone', type: 'cell' }],
      }),
      get: (id) => outbound.getOutboundContactlist(id),
      listPage: (page) => outbound.getOutboundContactlists(page),
      checkCreated: (got) => {
        assert.equal(got.name, name);
        assert.deepEqual(got.columnNames, ['first_name', 'phone']);
        assert.equal(got.version, 1);
      },
      update: (got) => outbound.putOutboundContactlist(got.id, {
        name: `${name} renamed`, columnNames: got.columnNames, phoneColumns: got.phoneColumns,
        previewModeColumnName: 'first_name', version: got.version,
      }),
      checkUpdated: (after) => assert.equal(after.previewModeColumnName, 'first_name'),
      remove: (id) => outbound.deleteOutboundContactlist(id),
    });
  });

  test('contact list: the columns are required, the attempt limits must exist', async () => {
    const outbound = await api('OutboundApi');
    let body = await expectError(outbound.postOutboundContactlists({ name: uniqueName('fidelity no columns') }), 400, 'bad.request');
    assert.match(body.message, /columnNames/);
    body = await expectError(outbound.postOutboundContactlists({
      name: uniqueName('fidelity bad limits'), columnNames: ['phone'], attemptLimits: { id: 'no-such-limit' },
    }), 400, 'bad.request');
    assert.match(body.message, /attemptLimits\.id/);
  });

  test('contact list filter: create, get, list, update, delete', async () => {
    const outbound = await api('OutboundApi');
    const list = await outbound.postOutboundContactlists({ name: uniqueName('fidelity filtered list'), columnNames: ['state'] });
    const name = uniqueName('fidelity filter');
    try {
      await crud({
        create: () => outbound.postOutboundContactlistfilters({
          name, contactList: { id: list.id },
          clauses: [{ filterType: 'AND', predicates: [{ column: 'state', columnType: 'alphabetic', operator: 'EQUALS', value: 'IN' }] }],
        }),
        get: (id) => outbound.getOutboundContactlistfilter(id),
        listPage: (page) => outbound.getOutboundContactlistfilters(page),
        checkCreated: (got) => assert.equal(got.contactList.id, list.id),
        update: (got) => outbound.putOutboundContactlistfilter(got.id, { ...got, filterType: 'OR' }),
        checkUpdated: (after) => assert.equal(after.filterType, 'OR'),
        remove: (id) => outbound.deleteOutboundContactlistfilter(id),
      });
    } finally {
      await outbound.deleteOutboundContactlist(list.id);
    }
  });

  test('DNC list: create, get, list, update, delete, add numbers', async () => {
    const outbound = await api('OutboundApi');
    const name = uniqueName('fidelity dnc list');
    await crud({
      create: () => outbound.postOutboundDnclists({ name, dncSourceType: 'rds' }),
      get: (id) => outbound.getOutboundDnclist(id),
      listPage: (page) => outbound.getOutboundDnclists(page),
      checkCreated: (got) => assert.equal(got.dncSourceType, 'rds'),
      update: async (got) => {
        await outbound.postOutboundDnclistPhonenumbers(got.id, ['+13175550100']);
        return outbound.putOutboundDnclist(got.id, { name: got.name, dncSourceType: 'rds', contactMethod: 'Phone', version: got.version });
      },
      checkUpdated: (after) => assert.equal(after.contactMethod, 'Phone'),
      remove: (id) => outbound.deleteOutboundDnclist(id),
    });
  });

  test('rule set: create, get, list, update, delete', async () => {
    const outbound = await api('OutboundApi');
    const list = await outbound.postOutboundContactlists({ name: uniqueName('fidelity rule list'), columnNames: ['state'] });
    const name = uniqueName('fidelity rule set');
    try {
      await crud({
        create: () => outbound.postOutboundRulesets({
          name, contactList: { id: list.id },
          rules: [{
            name: 'Skip other states', category: 'DIALER_PRECALL',
            conditions: [{ type: 'contactAttributeCondition', attributeName: 'state', operator: 'equals', value: 'IN', inverted: true }],
            actions: [{ type: 'Action', actionTypeName: 'DO_NOT_DIAL' }],
          }],
        }),
        get: (id) => outbound.getOutboundRuleset(id),
        listPage: (page) => outbound.getOutboundRulesets(page),
        checkCreated: (got) => {
          assert.equal(got.contactList.id, list.id);
          assert.equal(got.rules[0].actions[0].actionTypeName, 'DO_NOT_DIAL');
        },
        update: (got) => outbound.putOutboundRuleset(got.id, { ...got, name: `${name} renamed` }),
        checkUpdated: (after) => assert.equal(after.name, `${name} renamed`),
        remove: (id) => outbound.deleteOutboundRuleset(id),
      });
    } finally {
      await outbound.deleteOutboundContactlist(list.id);
    }
  });

  test('campaign: create, get, list, update, delete; the contact list must exist', async () => {
    const outbound = await api('OutboundApi');
    const list = await outbound.postOutboundContactlists({ name: uniqueName('fidelity campaign list'), columnNames: ['phone'] });
    const name = uniqueName('fidelity campaign');
    const campaign = (contactList) => ({
      name, dialingMode: 'preview', contactList: { id: contactList }, callerName: 'Fidelity', callerAddress: '+13175550100',
      phoneColumns: [{ columnName: 'phone' }],
    });
    try {
      const body = await expectError(outbound.postOutboundCampaigns(campaign('no-such-list')), 400, 'bad.request');
      assert.match(body.message, /contactList\.id/);
      await crud({
        create: () => outbound.postOutboundCampaigns(campaign(list.id)),
        get: (id) => outbound.getOutboundCampaign(id),
        listPage: (page) => outbound.getOutboundCampaigns(page),
        checkCreated: (got) => assert.equal(got.dialingMode, 'preview'),
        update: (got) => outbound.putOutboundCampaign(got.id, { ...got, priority: 2 }),
        checkUpdated: (after) => assert.equal(after.priority, 2),
        remove: (id) => outbound.deleteOutboundCampaign(id),
      });
    } finally {
      await outbound.deleteOutboundContactlist(list.id);
    }
  });
});
