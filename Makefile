# The two commands the README promises: `make demo` and `make test`. The rest serve them.
GO          ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
TOFU        := bin/tofu

# tofu, the provider and cx are built without cgo, as released OpenTofu and providers are:
# static binaries start without the dynamic loader and libc's thread set-up, which is a
# tenth of a `tofu` start (cx starts one tofu and one provider per project and command).
# Every build and test here uses the same setting, so they share one build cache; `make
# race` needs cgo and turns it back on.
export CGO_ENABLED ?= 0

# Acceptance tests drive the OpenTofu built from tools/tofu; these variables make
# terraform-plugin-testing accept it as the provider registry host and namespace.
TEST_ENV := TF_ACC=1 TF_ACC_TERRAFORM_PATH=$(CURDIR)/$(TOFU) \
	TF_ACC_PROVIDER_HOST=registry.opentofu.org TF_ACC_PROVIDER_NAMESPACE=hashicorp

.PHONY: build demo test lint bench tofu clean docs race

build:
	$(GO) build -o bin/cx ./cmd/cx
	@if [ -d cmd/terraform-provider-genesyscloud ]; then \
		echo "$(GO) build -o bin/terraform-provider-genesyscloud ./cmd/terraform-provider-genesyscloud"; \
		$(GO) build -o bin/terraform-provider-genesyscloud ./cmd/terraform-provider-genesyscloud; \
	fi

# The main job: deploy examples/contact-center to a local org (dev, re-plan, then test) with
# the OpenTofu of bin/tofu, built on first use.
demo: $(TOFU)
	$(GO) run ./cmd/cx demo --tofu $(TOFU)

# The whole suite, as CI runs it: tests (acceptance included, the fidelity suite, which
# runs the official JavaScript SDK with node, the console's browser tests, which drive a
# headless Chromium, and the pg state tests, which start throwaway PostgreSQL clusters: each
# installed first if missing), then lint (gofmt,
# go vet, staticcheck) and the check that the generated provider docs are up to date. The
# provider's acceptance tests (one OpenTofu run per kind and step) take several minutes, more
# than go test's default 10-minute limit per package on a busy machine.
test: $(TOFU)
	scripts/install-node.sh
	scripts/postgres.sh install
	scripts/install-chromium.sh
	$(TEST_ENV) $(GO) test -timeout 30m ./...
	$(MAKE) --no-print-directory lint
	GO=$(GO) scripts/docs.sh --check

# The local org and the platform client under load with every fault on, watched by the race
# detector (the race build takes a few minutes, so `make test` runs the same test without it).
race:
	CGO_ENABLED=1 $(GO) test -race -count=1 -run 'TestConcurrentLoadUnderFaults|TestTokenIsReusedAcrossConcurrentCalls|TestCreateSkillsUnderFaultsNeverDuplicates' ./internal/orgserver/ ./internal/platform/

tofu: $(TOFU)

# Built once from the Go module proxy (3-5 minutes); the file target skips it afterwards.
$(TOFU):
	@mkdir -p bin
	cd tools/tofu && $(GO) build -ldflags "-X github.com/opentofu/opentofu/version.dev=no" \
		-o ../../$(TOFU) github.com/opentofu/opentofu/cmd/tofu

lint:
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Every benchmark script, one after another (each prints its figures, ratios and goals and
# fails when a goal is missed or its run measured errors). Takes about 15 minutes.
bench: $(TOFU)
	@status=0; for b in bench/*.sh; do echo "== $$b"; $$b || status=1; echo; done; exit $$status

# Provider docs (docs/index.md, docs/resources, docs/data-sources) from the schema and examples/;
# `scripts/docs.sh --check` fails when they are stale.
docs: $(TOFU)
	GO=$(GO) scripts/docs.sh

clean:
	rm -rf bin/cx bin/terraform-provider-genesyscloud
