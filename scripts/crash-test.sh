#!/usr/bin/env bash
# Kills biosched with SIGKILL at random moments while it writes, and checks every invariant of
# the store after each kill. Commands killed: reschedule (agent, on the demo store), review approve
# (of an escalation made just before), import (a document of new cases: all or nothing), backup,
# and the UI (plain mode driven through a pipe, booking as an applicant).
#
#   scripts/crash-test.sh [KILLS] [BIOSCHED]      KILLS per command (default 60: 300 in all)
#
# Prints one line per command with kills made and kills that landed mid-write, then the checks;
# exits 1 on the first broken invariant. docs/security.md keeps the figures of the last run.
set -euo pipefail
per=${1:-60}
bin=${2:-$(dirname "$0")/../.build/debug/biosched}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=$(mktemp -d /tmp/biosched-crash-XXXXXX)
trap 'rm -rf "$work"' EXIT
# A copy of the binary: a rebuild during the run must not change what is tested.
cp "$bin" "$work/biosched" && bin=$work/biosched
db=$work/store.sqlite
now=2026-11-30T15:00:00Z
"$bin" init --demo --db "$db" --now "$now" >/dev/null 2>&1

q() { sqlite3 "$db" "$1"; }
unlinked_sql="SELECT count(*) FROM appointments WHERE status = 'rescheduled' AND (rescheduled_to IS NULL OR rescheduled_to NOT IN (SELECT id FROM appointments))"
# The demo data imports some past reschedules as history, without a link: those are the baseline.
unlinked_before=$(q "$unlinked_sql")
# Receipts of scheduled appointments at a few busy centers, and their centers.
mapfile -t cases < <(q "SELECT a.receipt || ' ' || a.center FROM appointments a JOIN cases c ON c.receipt = a.receipt
                        WHERE a.status = 'scheduled' AND c.form NOT IN ('I-589','I-600','I-600A','I-800','I-800A') AND c.status = 'pending'
                          AND a.start > strftime('%s','$now') + 86400*2 ORDER BY a.id LIMIT 2000")
# Free slot starts (local) per center from biosched itself.
declare -A slots
slot_for() {
  local center=$1
  if [ -z "${slots[$center]:-}" ]; then
    slots[$center]=$("$bin" slots --center "$center" --days 20 --limit 200 --db "$db" --now "$now" --json 2>/dev/null \
      | python3 -c 'import json,sys; print(" ".join(s["local"] for s in json.load(sys.stdin)["slots"]))')
  fi
  local arr=(${slots[$center]})
  echo "${arr[$((RANDOM % ${#arr[@]}))]}"
}

check() {
  local what=$1
  local integrity over mismatch chain orphans scheduled
  integrity=$(q "PRAGMA integrity_check")
  over=$(q "SELECT count(*) FROM slots WHERE booked > capacity")
  mismatch=$(q "SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'))")
  chain=$(( $(q "$unlinked_sql") - unlinked_before ))
  orphans=$(q "SELECT count(*) FROM requests WHERE decision IN ('booked','approved') AND (new_appointment_id IS NULL OR new_appointment_id NOT IN (SELECT appointment_id FROM notices))")
  scheduled=$(q "SELECT count(*) FROM (SELECT receipt FROM appointments WHERE status = 'scheduled' GROUP BY receipt HAVING count(*) > 1)")
  if [ "$integrity" != ok ] || [ "$over" != 0 ] || [ "$mismatch" != 0 ] || [ "$chain" != 0 ] || [ "$orphans" != 0 ] || [ "$scheduled" != 0 ]; then
    echo "BROKEN after $what: integrity=$integrity over=$over counters=$mismatch chain=$chain requests-without-notice=$orphans doubly-scheduled=$scheduled"
    exit 1
  fi
  if ! "$bin" audit verify --db "$db" --now "$now" >/dev/null 2>&1; then
    echo "BROKEN after $what: the audit chain"; "$bin" audit verify --db "$db" --now "$now"; exit 1
  fi
}

# How long a command takes here, in ms (one run to completion): kills are spread over that time.
ms() { echo $(( $(date +%s%N) / 1000000 )); }
span=100
calibrate() {
  local t0; t0=$(ms); "$@" >/dev/null 2>&1 || true
  span=$(( ($(ms) - t0) * 11 / 10 + 1 ))
}
pause() { local d=$((RANDOM * 32768 + RANDOM)); d=$((d % span)); sleep "$((d / 1000)).$(printf '%03d' $((d % 1000)))"; }

# Kills `cmd...` at a random moment of its run; counts whether it was still running (killed mid-way).
landed=0
killrun() {
  "$@" >/dev/null 2>&1 &
  local pid=$!
  pause
  if kill -KILL "$pid" 2>/dev/null; then landed=$((landed + 1)); fi
  wait "$pid" 2>/dev/null || true
}

total=0
i=0
report() { printf '%-16s %4d kills, %4d while running\n' "$1" "$2" "$3"; }

# reschedule
read -r receipt center <<<"${cases[$((i++))]}"
calibrate "$bin" reschedule "$receipt" --as agent --to "$(slot_for "$center")" --reason medical --notify email --db "$db" --now "$now"
landed=0
for k in $(seq 1 "$per"); do
  read -r receipt center <<<"${cases[$((i++ % ${#cases[@]}))]}"
  killrun "$bin" reschedule "$receipt" --as agent --to "$(slot_for "$center")" --reason medical --notify email --db "$db" --now "$now"
  check "reschedule $receipt"
done
report reschedule "$per" "$landed"; total=$((total + per))

# review approve: escalate (other reason), then approve under the kill
escalate() {
  "$bin" reschedule "$1" --as agent --to "$(slot_for "$2")" --reason other --explain "court date" --db "$db" --now "$now" --json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin).get("requestId",""))' || true
}
read -r receipt center <<<"${cases[$((i++))]}"
calibrate "$bin" review approve "$(escalate "$receipt" "$center")" --note "summons seen" --db "$db" --now "$now"
landed=0
for k in $(seq 1 "$per"); do
  read -r receipt center <<<"${cases[$((i++ % ${#cases[@]}))]}"
  id=$(escalate "$receipt" "$center")
  [ -n "$id" ] || continue
  killrun "$bin" review approve "$id" --note "summons seen" --db "$db" --now "$now"
  check "review approve $id"
done
report "review approve" "$per" "$landed"; total=$((total + per))

# import: a document of 400 new cases with appointments; after a kill, all of them or none
makedoc() {
  python3 - "$1" "$2" <<'PY'
import json, sys
k = int(sys.argv[2])
cases = [{"receipt": "YSC9%02d%07d" % (k % 100, n), "form": "I-90", "applicantName": "Crash Test %d" % n} for n in range(400)]
json.dump({"cases": cases}, open(sys.argv[1], "w"))
PY
}
makedoc "$work/import-0.json" 0
calibrate "$bin" import "$work/import-0.json" --db "$db" --now "$now"
landed=0
for k in $(seq 1 "$per"); do
  doc=$work/import-$k.json
  makedoc "$doc" "$k"
  killrun "$bin" import "$doc" --db "$db" --now "$now"
  n=$(q "SELECT count(*) FROM cases WHERE receipt LIKE 'YSC9$(printf '%02d' $((k % 100)))%'")
  if [ "$n" != 0 ] && [ "$n" != 400 ]; then echo "BROKEN after import $k: $n of 400 cases"; exit 1; fi
  check "import $k"
done
report import "$per" "$landed"; total=$((total + per))

# backup: the named file is absent or a complete, good backup
mkdir -p "$work/backups"
calibrate "$bin" backup "$work/backups/b-0.sqlite" --db "$db" --now "$now"
landed=0
for k in $(seq 1 "$per"); do
  out=$work/backups/b-$k.sqlite
  mkdir -p "$work/backups"
  killrun "$bin" backup "$out" --db "$db" --now "$now"
  if [ -e "$out" ]; then
    "$bin" backup --check "$out" >/dev/null || { echo "BROKEN: backup $out kept but does not check out"; exit 1; }
  fi
  check "backup $k"
done
leftover=$(find "$work/backups" -name '.biosched-backup-*' | wc -l)
report backup "$per" "$landed"; total=$((total + per))
echo "backup temporary files left by kill -9 after the last run: $leftover (each later backup removes those of dead processes)"

# the UI, in plain mode, booking as an applicant
landed=0
mapfile -t applicants < <(q "SELECT c.applicant_account FROM cases c JOIN appointments a ON a.receipt = c.receipt
                             WHERE a.status = 'scheduled' AND c.applicant_account IS NOT NULL AND a.start > strftime('%s','$now') + 86400*2
                               AND a.prior_reschedules < 2 AND c.form NOT IN ('I-600','I-600A','I-800','I-800A') AND c.status = 'pending'
                             GROUP BY c.applicant_account HAVING count(*) = 1 LIMIT 500")
plain() { sh -c 'printf "1\n1\n1\n1\n1\n1\nq\n" | TERM=dumb "$0" tui --db "$1" --now "$2" --as applicant --account "$3" >/dev/null 2>&1' "$bin" "$db" "$now" "$1"; }
calibrate plain "${applicants[0]}"
for k in $(seq 1 "$per"); do
  account=${applicants[$((k % ${#applicants[@]}))]}
  plain "$account" &
  pid=$!
  pause
  pkill -KILL -f -- "[t]ui --db $db --now $now --as applicant --account $account\$" 2>/dev/null && landed=$((landed + 1)) || true
  wait "$pid" 2>/dev/null || true
  check "tui $account"
done
report "tui (plain)" "$per" "$landed"; total=$((total + per))
echo "$(q "SELECT count(*) FROM requests WHERE decision IN ('booked','approved')") bookings and $(q "SELECT count(*) FROM audit") audit rows in the store at the end."

echo "$total kills in all; after every one: integrity ok, no slot over capacity, every counter exact, every chain linked, every booking with its notice, one scheduled appointment per case, audit chain intact."
