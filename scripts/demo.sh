#!/usr/bin/env bash
# Install (scripts/setup.sh) and extract the events of the bundled sample articles as a table.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
exec .venv/bin/eventwire extract samples/ --format table "$@"
