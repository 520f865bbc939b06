#!/bin/bash
# pgbouncer in transaction mode in front of a private PostgreSQL 15 cluster (docs/deployment.md,
# "pgbouncer"): init, import, 32 concurrent reschedules for the last 3 stations of a slot through
# 10 server connections, then the counters, the audit chain and pgbouncer's log. As root (the
# servers run as `postgres`); needs Debian's postgresql and pgbouncer.
#   sudo scripts/pgbouncer-check.sh PATH/TO/biosched
set -eu
PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
D=$(mktemp -d /tmp/biosched-pgbouncer.XXXXXX); chown postgres "$D"
B=$(readlink -f "${1:?usage: pgbouncer-check.sh PATH/TO/biosched}")
runuser -u postgres -- $PG/initdb -D $D/data -A trust -U postgres >/dev/null
cat >> $D/data/postgresql.conf <<C
port = 55432
listen_addresses = '127.0.0.1'
unix_socket_directories = '$D'
C
runuser -u postgres -- $PG/pg_ctl -D $D/data -l $D/server.log -w start >/dev/null
runuser -u postgres -- $PG/createdb -h $D -p 55432 viabouncer
cat > $D/pgbouncer.ini <<C
[databases]
viabouncer = host=$D port=55432 dbname=viabouncer user=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = 56432
auth_type = trust
auth_file = $D/users.txt
pool_mode = transaction
default_pool_size = 10
max_client_conn = 200
logfile = $D/pgbouncer.log
pidfile = $D/pgbouncer.pid
unix_socket_dir =
C
echo '"postgres" ""' > $D/users.txt
chown postgres $D/pgbouncer.ini $D/users.txt
runuser -u postgres -- pgbouncer -d $D/pgbouncer.ini
sleep 1
URL="postgresql://postgres@127.0.0.1:56432/viabouncer"
NOW=2026-06-15T09:00:00-04:00
$B init --training --db "$URL" --now $NOW; echo "init exit $?"
python3 - $D/doc.json <<'P'
import json,sys
wk={k:"08:00-16:00" for k in ["mon","tue","wed","thu","fri"]}
d={"centers":[{"code":"TGT","name":"Target ASC","address":"1 Main St","city":"Boston","state":"MA","timeZone":"America/New_York","slotMinutes":30,"stations":3,"hours":wk}],"accounts":[],"cases":[],"appointments":[]}
for i in range(32):
  r="MSC%010d"%i
  d["cases"].append({"receipt":r,"form":"I-485","applicantName":"Bouncer %d"%i})
  d["appointments"].append({"receipt":r,"center":"TGT","start":"2026-06-18T%02d:%02d"%(8+i//4%8,(i%2)*30)})
json.dump(d,open(sys.argv[1],"w"))
P
$B import $D/doc.json --db "$URL" --now $NOW; echo "import exit $?"
start=$(date +%s.%N)
seq 0 31 | xargs -P 32 -I{} sh -c "$B reschedule \$(printf 'MSC%010d' {}) --db '$URL' --now $NOW --as agent --center TGT --to 2026-06-24T09:00 --reason travel --json >/dev/null 2>&1; echo \$?" > $D/codes.txt
end=$(date +%s.%N)
echo "exit codes: $(sort $D/codes.txt | uniq -c | tr '\n' ' ') wall $(echo "$end - $start" | bc) s"
psql -h $D -p 55432 -U postgres -Atc "SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a WHERE a.center=s.center AND a.start=s.start AND a.status IN ('scheduled','attended','missed'))" viabouncer | sed 's/^/counters differing: /'
psql -h $D -p 55432 -U postgres -Atc "SELECT booked||' of '||capacity FROM slots WHERE center='TGT' AND start = (SELECT max(start) FROM slots WHERE center='TGT')" viabouncer | sed 's/^/target slot: /'
$B audit verify --db "$URL" --now $NOW --as officer | tail -1
$B status MSC0000000001 --db "$URL" --now $NOW --as agent | head -3
grep -ci "error\|prepared" $D/pgbouncer.log | sed 's/^/pgbouncer log errors: /' || true
kill $(cat $D/pgbouncer.pid); runuser -u postgres -- $PG/pg_ctl -D $D/data -m fast stop >/dev/null
