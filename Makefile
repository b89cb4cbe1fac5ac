# kubekey's build. `make demo` runs a real login; `make test` runs every test.
SHELL := /bin/bash
PREFIX ?= /usr/local
# The runtime of this machine: linux-x64, linux-arm64, osx-x64 or osx-arm64.
RID ?= $(if $(filter Darwin,$(shell uname -s)),osx,linux)-$(if $(filter arm64 aarch64,$(shell uname -m)),arm64,x64)
CONFIGURATION ?= Release
DOTNET ?= dotnet
STAGE := $(CURDIR)/artifacts/stage
PLUGINS := Cache.File Cache.SecretService Browser.System Templates.Scriban
# ReadyToRun spares the JIT most of its work on every kubectl call; the test stage skips it to
# build faster.
READY_TO_RUN ?= true
PUBLISH_FLAGS := $(if $(filter true,$(READY_TO_RUN)),-r $(RID) --self-contained false -p:PublishReadyToRun=true,)

.PHONY: build test install publish stage clean format demo bench

build:
	$(DOTNET) build kubekey.sln -c $(CONFIGURATION) -nologo -clp:ErrorsOnly

# Installs into $(PREFIX): bin/kubekey (what kubeconfig runs), lib/kubekey/ with the host and its
# plugins/ folder beside it, and the default templates in share/kubekey, one of the folders the
# template plugin searches when PREFIX is /usr or /usr/local.
install:
	$(DOTNET) publish src/KubeKey.Host -c $(CONFIGURATION) $(PUBLISH_FLAGS) -nologo -clp:ErrorsOnly \
	  -o $(DESTDIR)$(PREFIX)/lib/kubekey
	@for plugin in $(PLUGINS); do \
	  $(DOTNET) publish plugins/$$plugin -c $(CONFIGURATION) $(PUBLISH_FLAGS) -nologo -clp:ErrorsOnly \
	    -o $(DESTDIR)$(PREFIX)/lib/kubekey/plugins/KubeKey.$$plugin || exit 1; \
	done
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/kubekey
	install -m 644 templates/*.tmpl $(DESTDIR)$(PREFIX)/share/kubekey/
	# Until the Native AOT launcher exists, bin/kubekey is the host itself.
	ln -sf ../lib/kubekey/kubekey-host $(DESTDIR)$(PREFIX)/bin/kubekey

# The installed layout the end-to-end tests run, inside the work tree.
stage:
	rm -rf $(STAGE)
	$(MAKE) --no-print-directory install PREFIX=$(STAGE) CONFIGURATION=Debug READY_TO_RUN=false

publish:
	$(DOTNET) publish src/KubeKey.Host -c Release -r $(RID) --self-contained false \
	  -p:PublishReadyToRun=true -nologo -clp:ErrorsOnly -o artifacts/publish/$(RID)

format:
	$(DOTNET) format kubekey.sln

test:
	bash scripts/test.sh

demo:
	bash scripts/demo.sh

# What a cache hit costs every kubectl command, with kubectl's own start-up measured beside it.
bench:
	bash scripts/bench.sh

clean:
	rm -rf artifacts
	$(DOTNET) clean kubekey.sln -nologo -v quiet
