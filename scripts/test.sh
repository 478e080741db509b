#!/usr/bin/env bash
# Install (scripts/setup.sh) and run the whole test suite. Arguments go to pytest:
#   ./scripts/test.sh tests/unit -x
# A run that collects no tests fails (pytest exits 5).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
status=0
.venv/bin/python -m pytest -q "$@" || status=$?
if [[ $status -eq 5 ]]; then
    echo "test: pytest collected no tests; that is a failure" >&2
fi
exit "$status"
