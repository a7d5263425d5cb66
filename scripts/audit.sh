#!/usr/bin/env bash
# `npm audit --audit-level=high`, failing on any high or critical advisory. Where the registry's audit
# endpoint cannot be reached (these machines: it answers 405), says so in one line and does not fail:
# the exception is recorded in docs/security.md.
set -uo pipefail
out=$(npm audit --audit-level=high 2>&1)
code=$?
if [ $code -eq 0 ]; then
  echo "npm audit: no high or critical advisories."
elif grep -qE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN" <<<"$out"; then
  echo "npm audit: the registry's audit endpoint could not be reached ($(grep -m1 -oE '[0-9]{3} [A-Za-z ]+' <<<"$out" || echo 'no answer')); see docs/security.md."
else
  echo "$out"
  exit $code
fi
