#!/usr/bin/env bash
# Documents generated per second: fill a DOCX template, render the PDF (PDFBox, embedded CJK subset font)
# and store both rows in an in-memory H2 case_document table; the eight document types in turn.
# Usage: bench/documents-bench.sh [documents=200] [threads=2]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
cd "$BENCH_DIR/../app"
COUNT="${1:-200}"
THREADS="${2:-2}"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  -Dlogback.configurationFile="$BENCH_DIR/logback-bench.xml" \
  cn.ecolaw.platform.documents.DocumentBench "$COUNT" "$THREADS" 2>&1 | grep -E '^documents=' 
