#!/usr/bin/env bash
# Runs the end-to-end benchmark (raw Whack vs Kindling, each in its own JVM) and, unless
# JMH=false, the JMH microbenchmarks. Extra arguments go to the runner, e.g.
#   benchmarks/run.sh --warmup=5s --measure=10s --windows=1,64,256,1024 --workloads=chat,ping
# "benchmarks/run.sh startup [options]" measures JVM start to handshake alone (StartupBenchmark).
# With `toetem` first, runs the Toetem referee load benchmark instead (docs/performance.md), e.g.
#   benchmarks/run.sh toetem --games=100,1000,10000 --modes=paced,saturated --rate=200 --runs=2
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
