#!/usr/bin/env bash
# set_aside.sh TRASH FOLDER: moves FOLDER (if it exists) into TRASH under a new name, so the next
# build starts with no site folder without the cost of deleting one just before it (see run.sh).
set -euo pipefail
[ -e "$2" ] || exit 0
mv "$2" "$(mktemp -d "$1/site.XXXXXX")/"
