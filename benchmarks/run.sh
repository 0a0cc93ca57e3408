#!/usr/bin/env bash
# Runs the end-to-end benchmark (raw Whack vs Kindling, each in its own JVM) and, unless
# JMH=false, the JMH microbenchmarks. Extra arguments go to the runner, e.g.
#   benchmarks/run.sh --warmup=5s --measure=10s --windows=1,64,256,1024 --workloads=chat,ping
# "benchmarks/run.sh startup [options]" measures JVM start to handshake alone (StartupBenchmark).
# With `toetem` first, runs the Toetem referee load benchmark instead (docs/performance.md), e.g.
#   benchmarks/run.sh toetem --games=100,1000,10000 --modes=paced,saturated --rate=200 --runs=2
# With `scaleout` first, runs the multi-process benchmark instead: echo-bot replicas as child JVMs on
# a real ejabberd (N = 1, 2, 3, domain_balancing bare_source) and Prosody (hand-over), loaded by XMPP
# clients through the server (docs/performance.md), e.g.
#   benchmarks/run.sh scaleout                       # everything (about 6 min)
#   benchmarks/run.sh scaleout --smoke=true          # N = 1 and a kill -9, well under a minute
#   benchmarks/run.sh scaleout --scenarios=kill,restart --rate=2000 --nodes=2
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${OFFLINE:--o}
if [ "${1:-}" = "toetem" ]; then
  shift
  # The scenario's smoke tests first (against the real referee in-process; the Toetem driver does
  # not use Session, so LoadGeneratorSmokeTests are not needed here); the
  # same reactor build writes each module's runtime classpath with the reactor's own classes, so the
  # referee runs this worktree's sample and framework, never an artifact from ~/.m2.
  ./mvnw -B -q $OFFLINE -pl benchmarks -am test \
    -Dtest='ToetemLoadSmokeTests' -Dsurefire.failIfNoSpecifiedTests=false \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
  echo "sample-bots/tictactoe/target/classes:$(cat sample-bots/tictactoe/target/classpath.txt)" \
    > benchmarks/target/referee-classpath.txt
  mkdir -p benchmarks/target/results
  exec java -Xmx1g -Xms1g -cp "$CP" dev.kindling.bench.ToetemBenchmark \
    --referee-classpath=@benchmarks/target/referee-classpath.txt \
    --log-dir=benchmarks/target/results --out=benchmarks/target/results/toetem.md "$@"
fi
if [ "${1:-}" = "scaleout" ]; then
  shift
  # The client load's smoke tests first (a scripted component on a real Prosody); the same reactor
  # build writes the echo-bot sample's runtime classpath, so the replicas run this work tree's
  # sample and framework, never an artifact from ~/.m2.
  ./mvnw -B -q $OFFLINE -pl benchmarks,sample-bots/echo-bot -am test \
    -Dtest='ClientLoadSmokeTests' -Dsurefire.failIfNoSpecifiedTests=false \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
  echo "sample-bots/echo-bot/target/classes:$(cat sample-bots/echo-bot/target/classpath.txt)" \
    > benchmarks/target/replica-classpath.txt
  mkdir -p benchmarks/target/results
  exec java -Xmx1g -Xms1g -cp "$CP" dev.kindling.bench.ScaleOutBenchmark \
    --replica-classpath=@benchmarks/target/replica-classpath.txt --log-dir=benchmarks/target/results \
    --out=benchmarks/target/results/scale-out.md --json=benchmarks/target/results/scale-out.json "$@"
fi
# The generator's own smoke tests first: a benchmark is only as good as its counting.
# The class path in the same reactor build (-am): Kindling's modules from this work tree's
# target/classes, never an older copy installed in ~/.m2.
./mvnw -B -q $OFFLINE -pl benchmarks -am test dependency:build-classpath -Dtest='LoadGeneratorSmokeTests' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
mkdir -p benchmarks/target/results
if [ "${1:-}" = "startup" ]; then
  # JVM start to handshake alone, e.g. benchmarks/run.sh startup --runs=5 --variant.kindling= --variant.whack=
  shift
  exec java -cp "$CP" dev.kindling.bench.StartupBenchmark --log-dir=benchmarks/target/results "$@"
fi
java -Xmx1g -Xms1g -cp "$CP" dev.kindling.bench.BenchmarkRunner \
  --log-dir=benchmarks/target/results --out=benchmarks/target/results/end-to-end.md "$@"
if [ "${JMH:-true}" = "true" ]; then
  java -cp "$CP" org.openjdk.jmh.Main ${JMH_ARGS:--f 1 -wi 5 -w 1s -i 5 -r 1s} -jvmArgsAppend -Dkindling.bench.log=WARN \
    -prof gc -rf text -rff benchmarks/target/results/jmh.txt
fi
