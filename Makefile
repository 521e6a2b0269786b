# recoupe - front door. Everything is built by CMake under build/ (build-asan/, build-fuzz/ for
# the instrumented variants); this file only names the common tasks.
#
#   make          build build/recoupe
#   make run      install missing Debian packages, build, write the dossier of examples/
#   make test     build and run every test through CTest
#   make asan     the test suite again under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench    throughput and peak memory on a corpus built from examples/
#   make fuzz     build the libFuzzer targets and run each for FUZZ_SECONDS (default 30)
#   make deps     install missing Debian packages only (.ci/packages lists them)

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 30
CMAKE_FLAGS ?=

.PHONY: all configure run test asan bench fuzz deps clean format

all: $(BUILD)/recoupe

# build/Makefile is written last by a configure that succeeded: one that stopped (a package was
# missing) leaves a cache behind and is run again.
$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

$(BUILD)/recoupe: $(BUILD)/Makefile FORCE
	cmake --build $(BUILD) -j $(JOBS)

FORCE:

deps:
	@sh scripts/deps.sh

run: deps all
	./$(BUILD)/recoupe report --lexicon examples/lexicon -o $(BUILD)/dossier.html examples/
	@echo "$$(cd $(BUILD) && pwd)/dossier.html"

test: all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan:
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRC_SANITIZE=ON -DRC_WERROR=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		ctest --output-on-failure -j $(JOBS)

bench: all
	sh bench/run.sh $(BUILD)

fuzz:
	CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRC_FUZZ=ON -DBUILD_TESTING=OFF
	cmake --build build-fuzz -j $(JOBS)
	sh fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.c' '*.h' | grep -v 'lang/fr/.*\.c$$')

clean:
	rm -rf build build-asan build-fuzz
