#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs relwork with its test extras, installs Debian's
# chromium + chromedriver when missing, downloads (or reuses from ~/.cache/relwork) and starts a real
# Neo4j server on loopback, runs pytest, and stops the server again.
# pytest runs on one worker per CPU (pytest-xdist `-n auto`), each test file on one worker (`--dist loadfile`:
# a module's fixtures are built once); tests on the one Neo4j database take a lock (tests/test_neo4j.py) so they
# never overlap. Arguments go to pytest after these: `bash scripts/test.sh -n 0 tests/test_x.py` runs serially.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
bash scripts/chromium.sh
bash scripts/neo4j.sh start
trap 'bash scripts/neo4j.sh stop >/dev/null 2>&1 || true' EXIT
python3 -m pytest -n auto --dist loadfile "$@"
