#!/usr/bin/env bash
# Walks one forum through every stage over the HTTP API and prints each answer.
# Usage: docs/walk.sh [base-url]   (default http://localhost:8080; demo accounts of the embedded default)
# The consultation deadline is set 10 s ahead; the script waits for the timer to close it.
set -euo pipefail
BASE=${1:-http://localhost:8080}
SEC=secretariat:secretariat
COO=coordinator:coordinator
JSON='Content-Type: application/json'

say() { printf '\n## %s\n' "$*"; }
post() { # user path body
  curl -sS -u "$1" -H "$JSON" -X POST "$BASE$2" -d "$3" -w '\n-> HTTP %{http_code}\n'
}
stage() { curl -sS "$BASE$FORUM" | sed -E 's/.*"stage":"([A-Z_]+)".*/\1/'; }

say "Open a forum (secretariat)"
FORUM=$(curl -sS -D - -o /dev/null -u "$SEC" -H "$JSON" -X POST "$BASE/api/forums" \
  -d '{"cycle":2015,"topic":"IPv6","coordinators":["coordinator"]}' | awk 'tolower($1)=="location:"{print $2}' | tr -d '\r')
echo "Location: $FORUM"

say "Register three experts from three stakeholder groups"
post "$COO" "$FORUM/experts" '{"name":"Ana Ribeiro","stakeholderGroup":"GOVERNMENT","organisation":"CGI.br"}'
post "$COO" "$FORUM/experts" '{"name":"Ben Okafor","stakeholderGroup":"CIVIL_SOCIETY","organisation":"APC"}'
post "$COO" "$FORUM/experts" '{"name":"Chen Wei","stakeholderGroup":"TECHNICAL_COMMUNITY","organisation":"APNIC"}'

say "EXPERT_RECRUITMENT -> DISCUSSION -> DRAFTING"
post "$COO" "$FORUM/advance" '{"from":"EXPERT_RECRUITMENT"}' | cut -c1-160
post "$COO" "$FORUM/advance" '{"from":"DISCUSSION"}' | cut -c1-160

say "Add a draft, open the public consultation until 10 s from now"
post "$COO" "$FORUM/drafts" '{"title":"Draft outcome","text":"IPv6 adoption is uneven.\n\nOperators share what worked."}'
CLOSES=$(date -u -d '+10 seconds' +%Y-%m-%dT%H:%M:%SZ)
post "$COO" "$FORUM/advance" "{\"from\":\"DRAFTING\",\"consultationClosesAt\":\"$CLOSES\"}" | cut -c1-160
post "$COO" "$FORUM/comments" '{"author":"Jane Doe","text":"Name the operators.","paragraph":2}'
MID=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
echo "mid-consultation instant: $MID"

say "Waiting for the consultation deadline ($CLOSES) and its timer"
for _ in $(seq 1 40); do [ "$(stage)" = REVISION ] && break; sleep 1; done
echo "stage now: $(stage)"

say "Revise, REVISION -> PRESENTATION -> CONCLUDED"
post "$COO" "$FORUM/drafts" '{"title":"Revised outcome","text":"IPv6 adoption is uneven across regions.\n\nOperators share what worked."}'
post "$COO" "$FORUM/advance" '{"from":"REVISION"}' | cut -c1-160
post "$COO" "$FORUM/advance" '{"from":"PRESENTATION","presentedAt":"2015-11-12T10:00:00Z","session":"BPF IPv6, Joao Pessoa"}' | cut -c1-160
echo "stage now: $(stage)"

say "History (secretariat): sequence, type, occurredAt, actor"
curl -sS -u "$SEC" "$BASE$FORUM/history" | sed 's/},{"sequence"/}\n{"sequence"/g' \
  | sed -E 's/.*"sequence":([0-9]+),"type":"([A-Za-z]+)","occurredAt":"([^"]+)".*"actor":\{"name":"([^"]+)","role":"([^"]+)"\}.*/\1 \2 \3 \4 (\5)/'
echo

say "The forum as of $MID (mid-consultation)"
curl -sS "$BASE$FORUM?asOf=$MID" | sed -E 's/.*"stage":"([A-Z_]+)".*"consultation":\{([^}]*)\}.*/stage \1, consultation {\2}/'
echo

say "Audit (secretariat): verify this forum's hash chain"
curl -sS -u "$SEC" "$BASE/api/audit/verify?forum=${FORUM##*/}"
echo
