#!/usr/bin/env bash
# Generates the provider documentation in docs/ with tfplugindocs from the provider's own schema
# and examples/ (plus templates/ when present).
#
#   scripts/docs.sh          regenerate docs/index.md, docs/resources/, docs/data-sources/ and
#                            docs/compatibility.md (tools/compatgen)
#   scripts/docs.sh --check  regenerate into a temp dir and fail when docs/ differs
#
# The schema comes from the built plugin through OpenTofu (bin/tofu, or $TOFU) with a CLI config
# whose dev_overrides map mypurecloud/genesyscloud to it, so nothing is fetched from a provider
# registry; tfplugindocs itself comes from the Go module proxy at a pinned version.
set -euo pipefail

# v0.25.0: the newest release the Go module proxy serves; generate takes --providers-schema.
TFPLUGINDOCS=github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs@v0.25.0

check=false
case "${1:-}" in
--check) check=true ;;
"") ;;
*)
	echo "usage: $0 [--check]" >&2
	exit 2
	;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
go="${GO:-go}"
tofu="${TOFU:-$root/bin/tofu}"
if [ ! -x "$tofu" ]; then
	echo "docs: $tofu not found; run 'make tofu' first" >&2
	exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$go" build -o "$tmp/plugins/terraform-provider-genesyscloud" ./cmd/terraform-provider-genesyscloud

cat >"$tmp/tofu.rc" <<EOF
provider_installation {
  dev_overrides {
    "mypurecloud/genesyscloud" = "$tmp/plugins"
  }
  direct {}
}
EOF
mkdir "$tmp/config"
cat >"$tmp/config/main.tf" <<'EOF'
terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
EOF

# dev_overrides need no `tofu init`; a dummy HOME keeps the user's own CLI config and plugin cache out.
(cd "$tmp/config" && HOME="$tmp" TF_CLI_CONFIG_FILE="$tmp/tofu.rc" TF_IN_AUTOMATION=1 \
	"$tofu" providers schema -json) >"$tmp/tofu-schema.json"

# tfplugindocs looks the schema up as "<name>" or "registry.terraform.io/hashicorp/<name>"
# (terraformProviderSchemaFromFile); OpenTofu reports the provider as registry.opentofu.org/mypurecloud/genesyscloud.
from='"registry.opentofu.org/mypurecloud/genesyscloud"'
if ! grep -q "$from" "$tmp/tofu-schema.json"; then
	echo "docs: the schema JSON has no $from provider" >&2
	exit 1
fi
sed "s|$from|\"registry.terraform.io/hashicorp/genesyscloud\"|" "$tmp/tofu-schema.json" >"$tmp/schema.json"

# Generate in a scratch provider dir so the working tree is only touched when all went well,
# and so --check can compare without writing.
site="$tmp/site"
mkdir "$site"
cp -R examples "$site/examples"
if [ -d templates ]; then
	cp -R templates "$site/templates"
fi
(cd "$site" && "$go" run "$TFPLUGINDOCS" generate \
	--provider-name genesyscloud \
	--providers-schema "$tmp/schema.json" \
	--provider-dir "$site") >"$tmp/tfplugindocs.log" 2>&1 || {
	cat "$tmp/tfplugindocs.log" >&2
	exit 1
}

mkdir -p "$site/docs"
"$go" run ./tools/compatgen -o "$site/docs/compatibility.md"

# What the generators own in docs/; the rest (docs/dev) is left alone.
managed=(index.md resources data-sources compatibility.md)

if $check; then
	status=0
	for m in "${managed[@]}"; do
		if [ -e "$site/docs/$m" ] || [ -e "docs/$m" ]; then
			git diff --no-index --exit-code --stat -- "docs/$m" "$site/docs/$m" >&2 || status=1
		fi
	done
	if [ "$status" -ne 0 ]; then
		echo "docs: docs/ is not current; run 'make docs'" >&2
	fi
	exit "$status"
fi

mkdir -p docs
for m in "${managed[@]}"; do
	rm -rf "docs/$m"
	if [ -e "$site/docs/$m" ]; then
		cp -R "$site/docs/$m" "docs/$m"
	fi
done
echo "docs: generated docs/ with $TFPLUGINDOCS"
