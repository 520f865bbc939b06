#!/bin/sh
# The PostgreSQL failover drill (docs/deployment.md, "Failover drill"): a primary and a streaming
# replica on loopback ports (synchronous replication: a commit waits for the replica), a load of
# reschedules, the primary stopped at once in the middle of it, the replica promoted, biosched
# pointed at it, and a check that every booking reported as done is there and none is doubled.
#   sudo scripts/failover-drill.sh PATH/TO/biosched        (as root: the servers run as `postgres`)
set -eu
B=$(readlink -f "${1:?usage: failover-drill.sh PATH/TO/biosched}")
PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
D=$(mktemp -d /tmp/biosched-failover.XXXXXX)
chown postgres "$D"
as_pg() { runuser -u postgres -- "$@"; }
cleanup() {
  as_pg "$PG/pg_ctl" -D "$D/replica" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$PG/pg_ctl" -D "$D/primary" -m immediate stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
NOW=2026-06-15T09:00:00-04:00
P1=57432; P2=57433
PRIMARY="postgresql://postgres@127.0.0.1:$P1/drill"; REPLICA="postgresql://postgres@127.0.0.1:$P2/drill"

echo "== primary on $P1, synchronous replica on $P2"
as_pg "$PG/initdb" -D "$D/primary" -A trust -U postgres >/dev/null
cat >> "$D/primary/postgresql.conf" <<EOF
port = $P1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$D'
wal_level = replica
max_wal_senders = 4
EOF
echo "host replication postgres 127.0.0.1/32 trust" >> "$D/primary/pg_hba.conf"
as_pg "$PG/pg_ctl" -D "$D/primary" -l "$D/primary.log" -w start >/dev/null
as_pg "$PG/createdb" -h "$D" -p $P1 drill
as_pg "$PG/pg_basebackup" -h 127.0.0.1 -p $P1 -U postgres -D "$D/replica" -R -X stream -c fast
sed -i "s/^port = $P1/port = $P2/" "$D/replica/postgresql.conf"
as_pg "$PG/pg_ctl" -D "$D/replica" -l "$D/replica.log" -w start >/dev/null
# Synchronous from now on (set before the replica runs, the createdb above would wait for it forever).
as_pg psql -h "$D" -p $P1 -U postgres -Atqc "ALTER SYSTEM SET synchronous_standby_names = '*'" drill
as_pg psql -h "$D" -p $P1 -U postgres -Atqc "SELECT pg_reload_conf()" drill >/dev/null
sleep 1
echo "   replication: $(as_pg psql -h "$D" -p $P1 -U postgres -Atc "SELECT application_name || ' ' || state || ' ' || sync_state FROM pg_stat_replication" drill)"

echo "== a store with 240 cases at one center (4 stations), Tuesday to Friday 2026-06-16 to 19"
"$B" init --training --db "$PRIMARY" --now $NOW >/dev/null
python3 - "$D/doc.json" <<'EOF'
import json, sys
d = {"centers": [{"code": "BOS", "name": "Boston ASC", "address": "170 Tremont St", "city": "Boston", "state": "MA",
                  "timeZone": "America/New_York", "slotMinutes": 30, "stations": 4,
                  "hours": {k: "08:00-16:00" for k in ["mon", "tue", "wed", "thu", "fri"]}}],
     "accounts": [], "cases": [], "appointments": []}
for i in range(240):
    r = "EAC26%08d" % i
    d["cases"].append({"receipt": r, "form": "I-485", "applicantName": "Drill %d" % i})
    d["appointments"].append({"receipt": r, "center": "BOS", "start": "2026-06-%02dT%02d:%02d" % (16 + i // 64, 8 + (i % 64) // 8, (i % 2) * 30 if False else ((i % 64) // 4 % 2) * 30)})
json.dump(d, open(sys.argv[1], "w"))
EOF
"$B" import "$D/doc.json" --db "$PRIMARY" --now $NOW >/dev/null

echo "== load: 4 streams of 60 reschedules each (each case to its own slot the next week); the primary stops after 4 s"
: > "$D/done.txt"
for s in 0 1 2 3; do
  (
    i=$s
    while [ $i -lt 240 ]; do
      r=$(printf 'EAC26%08d' $i)
      day=$((22 + (i / 64) % 4)); slot=$(( (i % 64) / 4 ))
      to=$(printf '2026-06-%02dT%02d:%02d' $day $((8 + slot / 2)) $(( (slot % 2) * 30 )))
      if "$B" reschedule "$r" --to "$to" --reason medical --as agent --request-id "drill-$i" --db "$PRIMARY" --now $NOW >/dev/null 2>&1; then
        echo "$r $to" >> "$D/done.txt"
      fi
      i=$((i + 4))
    done
  ) &
done
sleep 4
as_pg "$PG/pg_ctl" -D "$D/primary" -m immediate stop >/dev/null
echo "   primary stopped (immediate) with $(wc -l < "$D/done.txt") bookings reported done"
wait
echo "   the load ended: $(wc -l < "$D/done.txt") bookings reported done in all"

echo "== promote the replica; biosched now points at it"
as_pg "$PG/pg_ctl" -D "$D/replica" -w promote >/dev/null
missing=0
while read -r r to; do
  got=$("$B" status "$r" --json --as agent --db "$REPLICA" --now $NOW | python3 -c 'import json,sys; print(json.load(sys.stdin)["appointment"]["local"])')
  [ "$got" = "$to" ] || { echo "   MISSING: $r reported at $to, the replica has $got"; missing=$((missing + 1)); }
done < "$D/done.txt"
q() { as_pg psql -h "$D" -p $P2 -U postgres drill -Atc "$1"; }
doubled=$(q "SELECT count(*) FROM (SELECT receipt FROM appointments WHERE status = 'scheduled' GROUP BY receipt HAVING count(*) > 1) x")
over=$(q "SELECT count(*) FROM slots WHERE booked > capacity")
off=$(q "SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a WHERE a.center = s.center AND a.start = s.start AND a.status IN ('scheduled','attended','missed'))")
rescheduled=$(q "SELECT count(*) FROM appointments WHERE status = 'rescheduled'")
echo "   reported done: $(wc -l < "$D/done.txt"); on the replica: $rescheduled rescheduled; missing: $missing; cases with two scheduled: $doubled; slots over capacity: $over; counters off: $off"
"$B" audit verify --db "$REPLICA" --now $NOW
if "$B" reschedule EAC2600000000 --to 2026-06-29T15:30 --reason medical --as agent --db "$REPLICA" --now $NOW >/dev/null; then
  echo "   the promoted replica takes new bookings"; takes=1
else
  echo "   the promoted replica REFUSED a new booking"; takes=0
fi
looked=$(q "SELECT count(*) FROM audit WHERE action = 'case-viewed'")
echo "   look-ups audited on the promoted replica: $looked of $(wc -l < "$D/done.txt")"
[ $missing -eq 0 ] && [ "$doubled" = 0 ] && [ "$over" = 0 ] && [ "$off" = 0 ] && [ $takes = 1 ] && echo "== drill passed" || { echo "== drill FAILED"; exit 1; }
