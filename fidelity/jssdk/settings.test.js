// The org's settings through the official SDK: objects every org has exactly one of, read
// and written at one path (outbound settings, routing utilization, wrap-up code mappings).
'use strict';

const { describe, test } = require('node:test');
const { api, uniqueName, assert } = require('./lib/sdk');

// The scenarios change org-wide objects, so they run one after another.
describe('settings', { concurrency: false }, () => {
  test('outbound settings: get, patch one setting, the others stay', async () => {
    const outbound = await api('OutboundApi');
    const before = await outbound.getOutboundSettings();
    assert.ok(before.maxCallsPerAgent > 0, `settings: ${JSON.stringify(before)}`);
    await outbound.patchOutboundSettings({ abandonSeconds: before.abandonSeconds + 1 });
    const after = await outbound.getOutboundSettings();
    assert.equal(after.abandonSeconds, before.abandonSeconds + 1);
    assert.equal(after.maxCallsPerAgent, before.maxCallsPerAgent);
    await outbound.patchOutboundSettings({ abandonSeconds: before.abandonSeconds });
  });

  test('routing utilization: put replaces, delete restores the defaults', async () => {
    const routing = await api('RoutingApi');
    const defaults = await routing.getRoutingUtilization();
    await routing.putRoutingUtilization({ utilization: { call: { maximumCapacity: 1, includeNonAcd: true } } });
    const custom = await routing.getRoutingUtilization();
    assert.deepEqual(Object.keys(custom.utilization), ['call']);
    assert.equal(custom.utilization.call.includeNonAcd, true);
    await routing.deleteRoutingUtilization();
    assert.deepEqual(await routing.getRoutingUtilization(), defaults);
  });

  test('wrap-up code mappings: put a code\'s flags, get them back', async () => {
    const outbound = await api('OutboundApi');
    const routing = await api('RoutingApi');
    const code = await routing.postRoutingWrapupcodes({ name: uniqueName('fidelity mapped code') });
    try {
      const before = await outbound.getOutboundWrapupcodemappings();
      const mapping = { ...(before.mapping || {}), [code.id]: ['Business_Success'] };
      await outbound.putOutboundWrapupcodemappings({ defaultSet: before.defaultSet, mapping });
      const after = await outbound.getOutboundWrapupcodemappings();
      assert.deepEqual(after.mapping[code.id], ['Business_Success']);
      await outbound.putOutboundWrapupcodemappings({ defaultSet: before.defaultSet, mapping: before.mapping || {} });
    } finally {
      await routing.deleteRoutingWrapupcode(code.id);
    }
  });
});
