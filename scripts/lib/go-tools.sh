# shellcheck shell=bash
# Helpers for the install-only tools built with Go or taken from PyPI packages (scripts/services/helm.sh,
# kubeconform.sh, pod-security.sh, compose.sh, gitlab-ci-schema.sh). Sourced by those files, never run.

# Prints the path of a go whose version is at least 1.$1: `go` on the PATH, else the newest Debian golang-1.NN-go.
# With GOTOOLCHAIN=go1.NN.x set (see .gitlab-ci.yml), an older go switches to that toolchain and reports it.
go_at_least() {
  local min=$1 go v
  for go in "$(command -v go || true)" $(printf '%s\n' /usr/lib/go-1.*/bin/go | sort -rV); do
    [[ -n $go && -x $go ]] || continue
    v=$("$go" env GOVERSION 2>/dev/null) || continue # go1.26.8
    v=${v#go}
    if [[ $v =~ ^1\.([0-9]+) ]] && ((BASH_REMATCH[1] >= min)); then
      printf '%s' "$go"
      return
    fi
  done
  return 1
}

# usage: go_install_bin NAME MIN_GO_MINOR DEST PACKAGE@VERSION [LDFLAGS]
# Builds PACKAGE@VERSION with `go install` in a scratch directory (so no go.mod or go.work around has a say) and
# moves the binary to DEST. Static (CGO_ENABLED=0) and reproducible (-trimpath).
go_install_bin() {
  local name=$1 min=$2 dest=$3 pkg=$4 ldflags=${5:--s -w} go gobin t0
  go=$(go_at_least "$min") ||
    die "$name: building $pkg needs Go 1.$min+, found $(go version 2>/dev/null || echo none): install a newer Go (the go.dev tarball in /usr/local/go, or GOTOOLCHAIN=go1.$min.0 with any Go 1.21+)"
  t0=$(now_ms)
  log "$name: building $pkg with $("$go" env GOVERSION) (a few minutes on 2 cores the first time)…"
  mkdir -p "$(dirname "$dest")"
  gobin=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  if ! (cd "$gobin" && CGO_ENABLED=0 GOBIN="$gobin/bin" GOFLAGS=-buildvcs=false "$go" install -trimpath \
    -ldflags "$ldflags" "$pkg" >&2); then
    rm -rf "$gobin"
    die "$name: go install $pkg failed"
  fi
  mv "$gobin/bin/"* "$dest.tmp"
  mv "$dest.tmp" "$dest"
  rm -rf "$gobin"
  log "$name: installed $dest in $(elapsed "$t0")"
}

# usage: pip_fetch NAME REQUIREMENT SHA256 DEST_DIR [pip download options…]
# Downloads one PyPI distribution (no dependencies) into DEST_DIR and checks its sha256: the file is then exactly
# the one this script was written against. Prints the file's path.
pip_fetch() {
  local name=$1 req=$2 sha=$3 dest=$4 py file
  shift 4
  if ! py=$(pip_python); then
    log "$name: pip not found, installing python3-pip"
    apt_install python3-pip
    py=$(pip_python) || die "$name: no python with pip"
  fi
  mkdir -p "$dest"
  "$py" -m pip download --quiet --no-deps --disable-pip-version-check --dest "$dest" "$@" "$req" >&2 ||
    die "$name: pip download $req failed"
  file=$(find "$dest" -maxdepth 1 -type f \( -name '*.whl' -o -name '*.tar.gz' \) | head -n 1)
  [[ -n $file ]] || die "$name: pip download $req left no file in $dest"
  [[ $(sha256sum "$file" | cut -d' ' -f1) == "$sha" ]] ||
    die "$name: $(basename "$file") does not have the pinned sha256 $sha"
  printf '%s' "$file"
}
