#!/bin/sh
# Rebuild data/sample.json, the bundled sample database, from the sourced facts, with the program itself.
# Usage: scripts/build_sample.sh [FACTS.jsonl]   (default: ../shared/sample-facts.jsonl)
set -eu
cd "$(dirname "$0")/.."
facts=${1:-../shared/sample-facts.jsonl}
rm -f data/sample.json
relations --db data/sample.json import "$facts"
relations --db data/sample.json check
