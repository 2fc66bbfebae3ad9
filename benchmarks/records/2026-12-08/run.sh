#!/bin/bash
# Quiet run of record (session 10): one clone, make bench then make bench-archive, load sampled.
set -u
REV=${REV:-main}
rm -rf /work/bench-clone && git clone -q /work/main /work/bench-clone && cd /work/bench-clone && git checkout -q $REV
git log --oneline -1 > /work/bench10/rev.txt
( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 30; done ) > /work/bench10/load.log 2>&1 &
LOADPID=$!
make translations > /work/bench10/setup.log 2>&1
unset PYTHONDONTWRITEBYTECODE
echo "bench start $(date -u +%H:%M:%S)" >> /work/bench10/times.log
make bench BENCH_ARGS="--repeats 3 --workdir /work/bench10/out" > /work/bench10/bench.log 2>&1
echo "bench end rc=$? $(date -u +%H:%M:%S)" >> /work/bench10/times.log
/usr/bin/time -v make bench-archive BENCH_ARGS="--workdir /work/archive10" > /work/bench10/archive2.log 2>&1
echo "archive end rc=$? $(date -u +%H:%M:%S)" >> /work/bench10/times.log
kill $LOADPID
