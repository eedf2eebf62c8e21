// Telephony through the official SDK's TelephonyProvidersEdgeApi: DID pools.
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
});
