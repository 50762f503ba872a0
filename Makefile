# FriendlyGov — the two commands are `make run` and `make test`.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
RELEASE_DIR := build
TEST_DIR := build-test
CMAKE_COMMON := -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON

.PHONY: run test build setup setup-test bench bench-http soak lint fuzz clean

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

# Release build; the server binary is build/friendlygov.
build: setup
	@cmake -S . -B $(RELEASE_DIR) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Release -DFG_TESTS=OFF >/dev/null
	@cmake --build $(RELEASE_DIR) -j $(JOBS)

run: build
	@mkdir -p var
	$(RELEASE_DIR)/friendlygov serve --demo

# Every test, built with AddressSanitizer and UndefinedBehaviorSanitizer.
test: setup-test
	@cmake -S . -B $(TEST_DIR) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Debug -DFG_SANITIZE=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
	@cmake --build $(TEST_DIR) -j $(JOBS)
	@cd $(TEST_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

bench-build: setup
	@scripts/setup.sh --bench
	@cmake -S . -B build-bench $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Release -DFG_TESTS=OFF -DFG_BENCH=ON >/dev/null
	@cmake --build build-bench -j $(JOBS) --target friendlygov store_bench calendar_bench forms_bench stats_bench notify_bench letters_bench ratings_bench scorecards_bench

bench: bench-build
	build-bench/store_bench
	build-bench/calendar_bench
	build-bench/forms_bench
	build-bench/stats_bench
	build-bench/notify_bench
	build-bench/letters_bench
	build-bench/ratings_bench
	build-bench/scorecards_bench

# nginx and wrk side by side with friendlygov, on loopback (bench/http_bench.py).
bench-http: bench-build
	bench/http_bench.py

# Ten minutes of mixed load; memory, latency and errors each minute (bench/soak.py).
soak: bench-build
	bench/soak.py

# clang-format and clang-tidy over the sources (.clang-format, .clang-tidy); must be clean.
lint:
	@scripts/lint.sh

# libFuzzer targets (clang, build-fuzz/), each run FUZZ_SECONDS over its corpus (docs/fuzzing.md).
FUZZ_SECONDS ?= 10
fuzz: setup
	@scripts/setup.sh --fuzz
	@JOBS=$(JOBS) fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(RELEASE_DIR) $(TEST_DIR) build-bench build-fuzz
