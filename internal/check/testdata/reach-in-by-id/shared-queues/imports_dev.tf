# The id of an import block names the object in one org on purpose (cx export writes one
# such file per environment): it is not a by-id reference, nor a hard-coded value.
import {
  to = genesyscloud_routing_queue.claims
  id = "8d1e5c8a-4b8e-4a52-9a51-6f0e2b7f4c11"
}
