#!/bin/sh
# Registers Trellis's custom search attributes (packages/workflows/src/search-attributes.ts) in a
# Temporal namespace. Idempotent: an attribute that already exists counts as registered.
#
#   TEMPORAL_ADDRESS    frontend host:port           (default temporal:7233)
#   TEMPORAL_NAMESPACE  namespace to register in     (default default)
#   WAIT_SECONDS        how long to wait for it      (default 180)
#   SETTLE_SECONDS      pause after a new attribute, so every service's namespace cache (refreshed
#                       every 10 s) knows it before the API starts runs that set it (default 15)
#
# scripts/compose.test.ts reads the `--name X --type Y` pairs below and compares them with the code.
set -eu

ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
WAIT_SECONDS="${WAIT_SECONDS:-180}"
SETTLE_SECONDS="${SETTLE_SECONDS:-15}"

# auto-setup creates the namespace in the background once the server answers.
waited=0
until temporal operator search-attribute list --address "$ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; do
  if [ "$waited" -ge "$WAIT_SECONDS" ]; then
    echo "namespace '$NAMESPACE' not available at $ADDRESS after ${WAIT_SECONDS}s" >&2
    temporal operator search-attribute list --address "$ADDRESS" --namespace "$NAMESPACE" >&2 || true
    exit 1
  fi
  sleep 2
  waited=$((waited + 2))
done

existing=$(temporal operator search-attribute list --address "$ADDRESS" --namespace "$NAMESPACE" 2>/dev/null || true)
created=0
# Runs one `temporal operator search-attribute create ... --name N ...` command unless N is already
# listed; an "already exists" answer (older servers, or a concurrent run) also counts as success.
create() {
  name=''
  previous=''
  for arg in "$@"; do
    if [ "$previous" = '--name' ]; then name=$arg; fi
    previous=$arg
  done
  if printf '%s\n' "$existing" | grep -qw -- "$name"; then
    echo "already registered: $name"
  elif output=$("$@" 2>&1); then
    echo "registered: $name"
    created=1
  elif printf '%s' "$output" | grep -qi 'already exist'; then
    echo "already registered: $name"
  else
    echo "failed: $*" >&2
    echo "$output" >&2
    exit 1
  fi
}

create temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" --name TrellisOwner --type Keyword
create temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" --name TrellisWorkflowId --type Keyword
create temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" --name TrellisWorkflowName --type Keyword
create temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" --name TrellisIsTest --type Bool

if [ "$created" -eq 1 ]; then
  echo "waiting ${SETTLE_SECONDS}s for the namespace cache to pick up the new attributes"
  sleep "$SETTLE_SECONDS"
fi
echo "search attributes ready in namespace '$NAMESPACE'"
