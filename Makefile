# The two commands a newcomer needs: `make run` starts the whole system, `make test` runs every test.
SHELL := bash
MVN := scripts/mvn

.PHONY: run test tools build format histories clean bench chaos

run: tools build
	@scripts/run.sh

test: tools
	$(MVN) verify

tools:
	@scripts/tools.sh

build:
	$(MVN) -DskipTests -Dspotless.check.skip=true package

format:
	$(MVN) spotless:apply

# Records the order workflow's histories for the replay test; commit them with a workflow change.
histories:
	$(MVN) -pl workflows test -Dtest=OrderWorkflowTest -Dticketing.record-histories=$(CURDIR)/workflows/src/test/resources/histories

clean:
	$(MVN) clean

# Benchmark and chaos runs on a stack of their own, on free ports (see bench/README.md).
BENCH_JAVA = $$(scripts/jdk.sh)/bin/java -cp 'bench/target/ticketing-bench.jar:bench/target/lib/*'

bench: tools build
	$(BENCH_JAVA) dev.ticketing.bench.Bench

chaos: tools build
	$(BENCH_JAVA) dev.ticketing.bench.chaos.Chaos
