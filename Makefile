# Builds and installs rolegen (docs/ecosystem.md).
#   make install PREFIX=/usr/local     a release build, installed under PREFIX
#   make install PREFIX=/tmp/x CONFIG=debug   (what the install test does: debug builds are faster)
#   make uninstall PREFIX=/usr/local
PREFIX ?= /usr/local
CONFIG ?= release
DESTDIR ?=
SWIFT ?= swift

root := $(DESTDIR)$(PREFIX)
share := $(root)/share/rolegen

.PHONY: build install uninstall

build:
	$(SWIFT) build -c $(CONFIG) --product rolegen

install: build
	@bin=$$($(SWIFT) build -c $(CONFIG) --show-bin-path) && set -e && \
	install -d "$(root)/bin" "$(share)" "$(root)/share/man/man1" \
	  "$(root)/share/bash-completion/completions" "$(root)/share/zsh/site-functions" "$(root)/share/fish/vendor_completions.d" && \
	install -m 0755 "$$bin/rolegen" "$(root)/bin/rolegen" && \
	install -m 0644 Sources/RolegenCore/Resources/catalog.rolegen "$(share)/catalog.rolegen" && \
	rm -rf "$(share)/templates" "$(share)/personas" "$(share)/schemas" && \
	cp -R templates personas schemas "$(share)/" && \
	install -m 0644 docs/rolegen.1 "$(root)/share/man/man1/rolegen.1" && \
	"$$bin/rolegen" --generate-completion-script bash > "$(root)/share/bash-completion/completions/rolegen" && \
	"$$bin/rolegen" --generate-completion-script zsh > "$(root)/share/zsh/site-functions/_rolegen" && \
	"$$bin/rolegen" --generate-completion-script fish > "$(root)/share/fish/vendor_completions.d/rolegen.fish" && \
	echo "installed $(root)/bin/rolegen ($(CONFIG)); library in $(share)"

uninstall:
	rm -f "$(root)/bin/rolegen" "$(root)/share/man/man1/rolegen.1" "$(root)/share/bash-completion/completions/rolegen" \
	  "$(root)/share/zsh/site-functions/_rolegen" "$(root)/share/fish/vendor_completions.d/rolegen.fish"
	rm -rf "$(share)"
