# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step
# of those two. Packages come from scripts/debian-packages.txt (installed only if missing).
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
DB ?= var/jianzheng.db
PORT ?= 8080
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: deps build build-asan run test bench fuzz format clean

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: deps $(BUILD)/CMakeCache.txt
	@cmake --build $(BUILD) -j $(JOBS)

$(ASAN_BUILD)/CMakeCache.txt: | deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DJZ_SANITIZE=ON >/dev/null

build-asan: deps $(ASAN_BUILD)/CMakeCache.txt
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target jz_unit_tests jz_http_tests jz_web_tests jz_i18n_tests jz_search_tests jz_publish_tests jz_monitor_tests jz_mirror_tests \
	  partial_date_fuzz record_json_fuzz csv_reader_fuzz search_query_fuzz multipart_fuzz

# Serves the site on http://127.0.0.1:$(PORT) from $(DB), creating it with the demo data, a
# signing key and the demo list of mirrors first.
run: build
	@mkdir -p $(dir $(DB))
	@test -f $(DB) || { $(BUILD)/jianzheng --db $(DB) init && $(BUILD)/jianzheng --db $(DB) demo; }
	@test -f $(dir $(DB))keys/keys.json || $(BUILD)/jianzheng keys generate --keys $(dir $(DB))keys >/dev/null
	@test -f $(dir $(DB))mirrors.json || cp data/demo/mirrors.json $(dir $(DB))mirrors.json
	@$(BUILD)/jianzheng --db $(DB) serve --port $(PORT)

# Every test: unit, HTTP, fuzz-corpus and integration tests on the normal build, then the
# unit, HTTP and fuzz-corpus tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
test: build build-asan
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L '^(unit|http|fuzz)$$'

# Benchmarks (docs/BENCHMARKS.md); wrk and nginx are the HTTP benchmark's load and anchor.
bench: build
	@scripts/install-deps scripts/debian-packages-bench.txt
	@bench/run $(BUILD)

# libFuzzer (clang) on each parser for FUZZ_SECONDS each, starting from fuzz/corpus; new
# inputs stay in build-fuzz/. Add any crash it finds to fuzz/corpus/ as a regression test.
FUZZ_SECONDS ?= 60
fuzz: deps
	@scripts/install-deps scripts/debian-packages-fuzz.txt
	@CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJZ_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@for t in partial_date record_json csv_reader multipart; do \
	  mkdir -p build-fuzz/corpus/$$t && cp -n fuzz/corpus/$$t/* build-fuzz/corpus/$$t/; \
	  build-fuzz/fuzz/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build-fuzz/$$t- \
	    build-fuzz/corpus/$$t || exit 1; done

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
