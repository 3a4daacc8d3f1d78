#!/usr/bin/env bash
# Dev aid (not part of the build): renders a BPMN file to PNG with bpmn-js in headless Chromium,
# so a person can look at the diagram layout produced by tools/BpmnLayout.java.
#   tools/render-bpmn.sh processes/enforcement-case.bpmn /tmp/enforcement-case.png [width] [height]
# Set VIEWBOX="x y w h" (diagram coordinates) to render only that part, e.g. to look at a wide diagram in pieces.
# Needs chromium (apt-get install -y chromium) and npm. bpmn-js is installed at use time into
# $BPMNVIEW_DIR (default /tmp/bpmnview), outside the repository; nothing from npm is committed.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 file.bpmn out.png [width] [height]" >&2; exit 2; }
in=$(realpath "$1"); out=$(realpath -m "$2"); width=${3:-3000}; height=${4:-1400}
dir=${BPMNVIEW_DIR:-/tmp/bpmnview}
mkdir -p "$dir"
if [ ! -f "$dir/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js" ]; then
  (cd "$dir" && npm install --silent --no-audit --no-fund bpmn-js >/dev/null)
fi
command -v chromium >/dev/null || { echo "chromium missing: apt-get install -y chromium" >&2; exit 1; }
# The XML is embedded as a JS string literal so the page needs no fetch() of a file:// URL.
xml_js=$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1],encoding="utf-8").read()))' "$in")
page="$dir/index.html"
cat > "$page" <<HTML
<!doctype html>
<html><head><meta charset="utf-8">
<style>html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}
.djs-label{font-family:'LXGW WenKai','Noto Sans CJK SC',sans-serif !important}</style>
<script src="node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"></script>
</head><body><div id="canvas"></div>
<script>
const viewer = new BpmnJS({ container: '#canvas' });
viewer.importXML(${xml_js}).then(r => {
  const vb = '${VIEWBOX:-}'.split(' ').filter(Boolean).map(Number);
  if (vb.length === 4) viewer.get('canvas').viewbox({ x: vb[0], y: vb[1], width: vb[2], height: vb[3] });
  else viewer.get('canvas').zoom('fit-viewport');
  if (r.warnings.length) document.title = 'WARN ' + r.warnings.length;
}).catch(e => { document.body.innerHTML = '<pre style="font-size:30px;color:red">' + e + '</pre>'; });
</script></body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --allow-file-access-from-files \
  --window-size="$width,$height" --virtual-time-budget=5000 --screenshot="$out" "file://$page" 2>/dev/null
echo "wrote $out"
