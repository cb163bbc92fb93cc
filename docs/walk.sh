#!/usr/bin/env bash
# Walks one forum through the whole BPF methodology over the HTTP API and prints each answer:
# the 2015 forums of the demo data, then a new forum: experts, drafts, a consultation that is extended,
# pre-moderation, a hidden comment, a disposition for every comment, a second round, the session,
# presentation and publication, and finally the forum's history.
# Usage: docs/walk.sh [base-url]   (default http://localhost:8080; demo accounts of the embedded default)
# Deadlines are set seconds ahead; the script waits for the timers. It needs curl and jq.
set -euo pipefail
BASE=${1:-http://localhost:8080}
SEC=secretariat:secretariat
COO=coordinator:coordinator
JSON='Content-Type: application/json'

say() { printf '\n## %s\n' "$*"; }
post() { # user path body -> prints the answer, compact
  curl -sS -u "$1" -H "$JSON" -X POST "$BASE$2" -d "$3" -w '\n' | jq -c "${4:-.}"
}
postid() { # user path body -> prints the new comment's id
  curl -sS -u "$1" -H "$JSON" -X POST "$BASE$2" -d "$3" | jq -r .id
}
get() { curl -sS -u "$SEC" "$BASE$1" | jq -c "${2:-.}"; }
stage() { curl -sS "$BASE$FORUM" | jq -r .stage; }
await() { for _ in $(seq 1 60); do [ "$(stage)" = "$1" ] && break; sleep 1; done; echo "stage now: $(stage)"; }
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

say "The 2015 forums (demo data): coordinators, open calls, links to 2014"
curl -sS "$BASE/api/forums?cycle=2015" | jq -c '.[] | {topic, stage, coordinators, coordinatorDetails: [.coordinatorDetails[] | "\(.name) (\(.kind), \(.role))"], openCallForCoordinators, continuesFrom: (.continuesFrom | if . then "\(.cycle): \(.id)" else null end)}'

say "Open a forum (secretariat); the demo coordinator account coordinates it"
FORUM=$(curl -sS -D - -o /dev/null -u "$SEC" -H "$JSON" -X POST "$BASE/api/forums" \
  -d '{"cycle":2015,"topic":"Walk: IPv6 deployment","coordinatorDetails":[{"name":"Demo Coordinator","kind":"PERSON","role":"MAG_COORDINATOR","account":"coordinator"}]}' \
  | awk 'tolower($1)=="location:"{print $2}' | tr -d '\r')
echo "Location: $FORUM"

say "Experts, discussion, drafting"
post "$COO" "$FORUM/experts" '{"name":"Ana Ribeiro","stakeholderGroup":"GOVERNMENT","organisation":"CGI.br"}'
post "$COO" "$FORUM/experts" '{"name":"Ben Okafor","stakeholderGroup":"CIVIL_SOCIETY","organisation":"APC"}'
post "$COO" "$FORUM/experts" '{"name":"Chen Wei","stakeholderGroup":"TECHNICAL_COMMUNITY","organisation":"APNIC"}'
post "$COO" "$FORUM/advance" '{"from":"EXPERT_RECRUITMENT"}' '{stage, stakeholderBalance}'
post "$COO" "$FORUM/meetings" '{"heldOn":"2015-04-14","attendeeCount":12,"summary":"Scope agreed"}' '{stage, meetings}'
post "$COO" "$FORUM/advance" '{"from":"DISCUSSION"}' '{stage}'
post "$COO" "$FORUM/drafts" '{"title":"Draft outcome","text":"IPv6 adoption is uneven.\n\nOperators share what worked.\n\nGovernments can lead by procurement.","secretariatSupported":true}' '{version, author, secretariatSupported, paragraphs}'

say "Public consultation until 15 s from now, three comments, then pre-moderation and a held comment"
post "$COO" "$FORUM/advance" "{\"from\":\"DRAFTING\",\"consultationClosesAt\":\"$(at '+15 seconds')\"}" '{stage, consultation}'
C1=$(postid "$COO" "$FORUM/comments" '{"author":"Jane Doe","text":"Name the operators.","paragraph":2,"stakeholderGroup":"CIVIL_SOCIETY"}')
C2=$(postid "$COO" "$FORUM/comments" '{"author":"Spam Bot","text":"Cheap pills here!"}')
post "$COO" "$FORUM/moderation" '{"preModeration":true}' '{preModeration}'
C3=$(postid "$COO" "$FORUM/comments" '{"author":"Raj Patel","text":"Add a paragraph on mobile networks.","organisation":"GSMA"}')
echo "comments: $C1 $C2 $C3"
echo "the public sees:"; curl -sS "$BASE$FORUM/comments" | jq -c '[.[] | {author, status}]'

MID=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)   # an instant in the middle of the consultation, for the asOf view below

say "Extend the consultation (the BPMN timer moves with it), hide a comment, approve the held one"
post "$COO" "$FORUM/consultation/extend" "{\"closesAt\":\"$(at '+25 seconds')\",\"reason\":\"Requests from national IGF initiatives\"}" '.consultation'
post "$COO" "$FORUM/comments/$C2/hide" '{"reason":"Advertising"}' '{author, status, hiddenReason}'
post "$COO" "$FORUM/comments/$C3/approve" '' '{author, status}'
echo "the public sees:"; curl -sS "$BASE$FORUM/comments" | jq -c '[.[] | {author, status}]'

say "Waiting for the extended deadline and its timer"
await REVISION

say "Revision: a disposition for every visible comment, the revised version, then a second round"
post "$COO" "$FORUM/advance" "{\"from\":\"REVISION\",\"secondRound\":true,\"consultationClosesAt\":\"$(at '+10 seconds')\"}" '{code, detail}'
post "$COO" "$FORUM/comments/$C1/disposition" '{"disposition":"ACCEPTED","note":"Operators named in paragraph 2."}' '{author, disposition, dispositionNote}'
post "$COO" "$FORUM/comments/$C3/disposition" '{"disposition":"PARTIALLY_ACCEPTED","note":"Mobile networks mentioned; no new paragraph."}' '{author, disposition, dispositionNote}'
post "$COO" "$FORUM/drafts" '{"title":"Revised outcome","text":"IPv6 adoption is uneven, also on mobile networks.\n\nOperators share what worked: named in annex.\n\nGovernments can lead by procurement."}' '{version}'
post "$COO" "$FORUM/advance" "{\"from\":\"REVISION\",\"secondRound\":true,\"consultationClosesAt\":\"$(at '+10 seconds')\"}" '{stage, consultation}'
C4=$(postid "$COO" "$FORUM/comments" '{"author":"Jane Doe","text":"Much better.","paragraph":2}')
post "$COO" "$FORUM/comments/$C4/approve" '' '{author, status}'
await REVISION
post "$COO" "$FORUM/comments/$C4/disposition" '{"disposition":"ACCEPTED","note":"Thanks."}' '{author, disposition}'
post "$COO" "$FORUM/drafts" '{"title":"Final outcome","text":"IPv6 adoption is uneven, also on mobile networks.\n\nOperators share what worked: named in annex.\n\nGovernments can lead by procurement and by example."}' '{version}'
echo "diff 2 -> 3:"; curl -sS "$BASE$FORUM/drafts/2/diff/3" | jq -c '[.changes[] | {kind, fromParagraph, toParagraph}]'
post "$COO" "$FORUM/advance" '{"from":"REVISION"}' '{stage}'

say "Session at the annual meeting, presentation and publication"
post "$COO" "$FORUM/session" '{"title":"BPF on IPv6","startsAt":"2015-11-12T10:00:00Z","roomOrLink":"Room 5, João Pessoa"}' '.session'
post "$COO" "$FORUM/advance" '{"from":"PRESENTATION","presentedAt":"2015-11-12T10:00:00Z","publishedAt":"2015-12-01T00:00:00Z"}' '{stage, presentation, outcome}'

say "The history (secretariat)"
get "$FORUM/history" '.[] | {seq: .sequence, type, occurredAt, actor: "\(.actor.name)/\(.actor.role)", activityId}'

say "The forum as of $MID (mid-consultation, rebuilt from its events up to then)"
curl -sS "$BASE$FORUM?asOf=$MID" | jq -c '{stage, consultation: {draftVersion: .consultation.draftVersion, closesAt: .consultation.closesAt, comments: (.comments | length)}}'

say "Audit (secretariat): verify this forum's hash chain"
get "/api/audit/verify?forum=${FORUM##*/}" '.'
