// Telephony through the official SDK's TelephonyProvidersEdgeApi: DID pools, extension pools,
// trunk base settings and sites.
'use strict';

const { describe, test } = require('node:test');
const { api, crud, assert } = require('./lib/sdk');

describe('telephony', () => {
  test('DID pool: create, get, list, update, delete', async () => {
    const telephony = await api('TelephonyProvidersEdgeApi');
    // A range of its own (by the run's process id) so that reruns against one org do not overlap.
    const base = 13175550000 + (process.pid % 900) * 10;
    const start = `+${base}`;
    const end = `+${base + 9}`;
    await crud({
      create: () => telephony.postTelephonyProvidersEdgesDidpools({
        startPhoneNumber: start, endPhoneNumber: end, description: 'made by the SDK', provider: 'PURE_CLOUD',
      }),
      get: (id) => telephony.getTelephonyProvidersEdgesDidpool(id),
      listPage: (page) => telephony.getTelephonyProvidersEdgesDidpools(page),
      checkCreated: (got) => {
        assert.equal(got.startPhoneNumber, start);
        assert.equal(got.endPhoneNumber, end);
      },
      update: (got) => telephony.putTelephonyProvidersEdgesDidpool(got.id, {
        startPhoneNumber: start, endPhoneNumber: end, description: 'updated by the SDK', comments: 'fidelity',
        provider: got.provider, version: got.version,
      }),
      checkUpdated: (after) => {
        assert.equal(after.description, 'updated by the SDK');
        assert.equal(after.comments, 'fidelity');
      },
      remove: (id) => telephony.deleteTelephonyProvidersEdgesDidpool(id),
      softDelete: true,
    });
  });

  test('extension pool: create, get, list, update, delete', async () => {
    const telephony = await api('TelephonyProvidersEdgeApi');
    // Extensions of their own per run, so that reruns against one org do not overlap.
    const base = 100000 + (process.pid % 900) * 10;
    await crud({
      create: () => telephony.postTelephonyProvidersEdgesExtensionpools({
        startNumber: `${base}`, endNumber: `${base + 9}`, description: 'made by the SDK',
      }),
      get: (id) => telephony.getTelephonyProvidersEdgesExtensionpool(id),
      listPage: (page) => telephony.getTelephonyProvidersEdgesExtensionpools(page),
      checkCreated: (got) => {
        assert.equal(got.startNumber, `${base}`);
        assert.equal(got.name, `${base}`);
      },
      update: (got) => telephony.putTelephonyProvidersEdgesExtensionpool(got.id, {
        startNumber: got.startNumber, endNumber: got.endNumber, description: 'updated by the SDK', version: got.version,
      }),
      checkUpdated: (after) => assert.equal(after.description, 'updated by the SDK'),
      remove: (id) => telephony.deleteTelephonyProvidersEdgesExtensionpool(id),
    });
  });

  test('trunk base settings: create, get, list, update, delete', async () => {
    const telephony = await api('TelephonyProvidersEdgeApi');
    const name = `SDK trunk ${process.pid}`;
    await crud({
      create: () => telephony.postTelephonyProvidersEdgesTrunkbasesettings({
        name, trunkType: 'EXTERNAL', trunkMetabase: { id: 'external_sip_pcv_byoc_carrier.json' },
        properties: { trunk_label: { value: { instance: 'SDK' } } },
      }),
      get: (id) => telephony.getTelephonyProvidersEdgesTrunkbasesetting(id),
      listPage: (page) => telephony.getTelephonyProvidersEdgesTrunkbasesettings(page),
      checkCreated: (got) => {
        assert.equal(got.trunkType, 'EXTERNAL');
        assert.equal(got.properties.trunk_label.value.instance, 'SDK');
      },
      update: (got) => telephony.putTelephonyProvidersEdgesTrunkbasesetting(got.id, {
        name, trunkType: 'EXTERNAL', trunkMetabase: got.trunkMetabase, description: 'updated by the SDK', version: got.version,
      }),
      checkUpdated: (after) => assert.equal(after.description, 'updated by the SDK'),
      remove: (id) => telephony.deleteTelephonyProvidersEdgesTrunkbasesetting(id),
    });
  });

  test('site: create, get, list, update, delete', async () => {
    const telephony = await api('TelephonyProvidersEdgeApi');
    const locations = await api('LocationsApi');
    const location = await locations.postLocations({ name: `SDK site location ${process.pid}` });
    const name = `SDK site ${process.pid}`;
    try {
      await crud({
        create: () => telephony.postTelephonyProvidersEdgesSites({ name, mediaModel: 'Cloud', location: { id: location.id } }),
        get: (id) => telephony.getTelephonyProvidersEdgesSite(id),
        listPage: (page) => telephony.getTelephonyProvidersEdgesSites(page),
        checkCreated: (got) => assert.equal(got.location.id, location.id),
        update: (got) => telephony.putTelephonyProvidersEdgesSite(got.id, {
          name, mediaModel: 'Cloud', location: { id: location.id }, callerName: 'SDK', version: got.version,
        }),
        checkUpdated: (after) => assert.equal(after.callerName, 'SDK'),
        remove: (id) => telephony.deleteTelephonyProvidersEdgesSite(id),
      });
    } finally {
      await locations.deleteLocation(location.id);
    }
  });
});
