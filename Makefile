# The two commands a newcomer needs: `make run` starts the whole system, `make test` runs every test.
SHELL := bash
MVN := scripts/mvn
GO := GOTOOLCHAIN=local GOFLAGS=-buildvcs=false go

.PHONY: run test tools chromium build format histories deploy-check clean bench chaos

run: tools build
	@scripts/run.sh

test: tools chromium deploy-check
	$(MVN) verify

tools:
	@scripts/tools.sh

# The browser test drives Debian's Chromium: Playwright's own browser download does not work here.
chromium:
	@scripts/chromium.sh

build:
	$(MVN) -DskipTests -Dspotless.check.skip=true package

format:
	$(MVN) spotless:apply

# Validates k8s/, docker-compose.temporal.yml, the Dockerfiles and skaffold.yaml offline.
deploy-check:
	cd deploy-check && $(GO) test ./... && $(GO) run . ..

# Records the histories of a workflow's tests for the replay test, which then guards them for good,
# into a new folder named after the workflow change (its getVersion id); never re-record old ones:
# make histories VERSION=release-alongside-cancel          (the order workflow's tests)
# make histories WORKFLOW=payouts VERSION=initial           (the payout workflow's)
WORKFLOW ?= orders
TESTS_orders = OrderWorkflowTest,ExpiryRaceIntegrationTest
TESTS_payouts = PayoutWorkflowTest
histories:
	@test -n "$(VERSION)" || { echo 'make histories needs VERSION=<the getVersion id of the change>'; exit 2; }
	mkdir -p workflows/src/test/resources/histories/$(WORKFLOW)/$(VERSION)
	$(MVN) -pl workflows -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='$(TESTS_$(WORKFLOW))' \
	  -Dticketing.record-histories=$(CURDIR)/workflows/src/test/resources/histories/$(WORKFLOW)/$(VERSION)

clean:
	$(MVN) clean

# Benchmark and chaos runs on a stack of their own, on free ports (see bench/README.md).
BENCH_JAVA = $$(scripts/jdk.sh)/bin/java -cp 'bench/target/ticketing-bench.jar:bench/target/lib/*'

bench: tools build
	$(BENCH_JAVA) dev.ticketing.bench.Bench

chaos: tools build
	$(BENCH_JAVA) dev.ticketing.bench.chaos.Chaos
