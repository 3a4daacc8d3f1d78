import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Re-lays out the BPMN diagram (the bpmndi:BPMNDiagram section) of BPMN files, in place.
 *
 * <pre>
 *   java tools/BpmnLayout.java processes/a.bpmn [more.bpmn ...]   lay out, rewrite, then check
 *   java tools/BpmnLayout.java --check processes/a.bpmn [...]      only check the existing diagram
 * </pre>
 *
 * Pure JDK 17, no dependencies. Only the text of the BPMNDiagram element is replaced; everything before and
 * after it (the process semantics, namespaces, prefixes) stays byte-for-byte the same. Output is deterministic.
 *
 * Layout: layered left to right. Columns are the longest path from the start event(s) over the flow graph
 * without its back edges (found by DFS). The main path (at each split the branch that the other branches
 * rejoin, else the one reaching furthest right, else the first) stays on row 0; every other branch gets the
 * nearest row below (or, leaving the main row and without boundary events of its own, above) whose cells it can
 * have to itself; a path leaving a boundary event always goes below its host. Branches are placed from right to
 * left so that nested branches do not cross.
 * Edges are orthogonal, chosen among many candidate routes by a score (no shape crossed, few bends, no
 * overlap with other edges); back edges go around above or below. Labels of events, gateways and named
 * flows are placed at the best free candidate position.
 *
 * The check (run after every layout, or alone with --check) reports overlapping shapes, edges passing
 * through shapes, non-orthogonal segments, elements without DI, overlapping labels; it fails (exit 1) on
 * overlaps, edges through shapes or missing DI.
 */
public class BpmnLayout {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

    static final int COL_GAP = 60;
    static final int ROW_GAP = 64;
    static final int MIN_ROW_H = 80;
    static final int LABEL_MAX_W = 90;
    static final int LINE_H = 14;

    public static void main(String[] args) throws Exception {
        boolean checkOnly = false;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--check")) {
                checkOnly = true;
            } else if (a.startsWith("-")) {
                usage("unknown option " + a);
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            usage("no BPMN file given");
        }
        boolean ok = true;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                System.err.println("LAYOUT-001 no such file: " + f);
                ok = false;
                continue;
            }
            try {
                if (!checkOnly) {
                    String in = Files.readString(f, StandardCharsets.UTF_8);
                    String out = layoutDocument(in);
                    if (!out.equals(in)) {
                        Files.writeString(f, out, StandardCharsets.UTF_8);
                    }
                }
                ok &= Check.run(f);
            } catch (LayoutException e) {
                System.err.println(f + ": " + e.getMessage());
                ok = false;
            }
        }
        System.exit(ok ? 0 : 1);
    }

    static void usage(String why) {
        System.err.println("BpmnLayout: " + why);
        System.err.println("usage: java tools/BpmnLayout.java [--check] file.bpmn [more.bpmn ...]");
        System.exit(2);
    }

    static final class LayoutException extends RuntimeException {
        LayoutException(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ model

    static final class Rect {
        double x, y, w, h;

        Rect(double x, double y, double w, double h) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }

        double cx() {
            return x + w / 2;
        }

        double cy() {
            return y + h / 2;
        }

        boolean overlaps(Rect o, double tol) {
            return x + tol < o.x + o.w && o.x + tol < x + w && y + tol < o.y + o.h && o.y + tol < y + h;
        }
    }

    static final class Pt {
        double x, y;

        Pt(double x, double y) {
            this.x = x;
            this.y = y;
        }
    }

    static final class FNode {
        final String id, tag, name;
        final Element el;
        final int order;
        Cont parent;
        Cont sub;
        FNode host;
        final List<FNode> boundaries = new ArrayList<>();
        final List<Flow> out = new ArrayList<>();
        final List<Flow> in = new ArrayList<>();
        double x, y, w, h;
        int col = -1, row;
        boolean placed;
        long reach;
        Rect label;

        FNode(String id, String tag, String name, Element el, int order) {
            this.id = id;
            this.tag = tag;
            this.name = name;
            this.el = el;
            this.order = order;
        }

        Rect rect() {
            return new Rect(x, y, w, h);
        }

        boolean isEvent() {
            return tag.endsWith("Event");
        }

        boolean isGateway() {
            return tag.endsWith("Gateway");
        }
    }

    static final class Flow {
        final String id, name;
        final Element el;
        final int order;
        FNode src, tgt;
        boolean back;
        List<Pt> wps = new ArrayList<>();
        Rect label;

        Flow(String id, String name, Element el, int order) {
            this.id = id;
            this.name = name;
            this.el = el;
            this.order = order;
        }

        FNode from() {
            return src.host != null ? src.host : src;
        }
    }

    static final class Cont {
        final String id;
        final List<FNode> nodes = new ArrayList<>();
        final List<Flow> flows = new ArrayList<>();
        Rect bbox = new Rect(0, 0, 0, 0);

        Cont(String id) {
            this.id = id;
        }
    }

    static boolean isFlowNodeTag(String t) {
        return t.endsWith("Event") || t.endsWith("Gateway") || t.endsWith("Task") || t.equals("task")
            || t.equals("callActivity") || isSubTag(t);
    }

    static boolean isSubTag(String t) {
        return t.equals("subProcess") || t.equals("transaction") || t.equals("adHocSubProcess");
    }

    static final class Model {
        final Map<String, FNode> nodes = new LinkedHashMap<>();
        final Map<String, Flow> flows = new LinkedHashMap<>();
        Cont root;
        int counter;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element e) {
        List<Element> r = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                r.add((Element) n);
            }
        }
        return r;
    }

    static Model readModel(Document doc) {
        Element defs = doc.getDocumentElement();
        Element process = null;
        for (Element c : children(defs)) {
            if (!BPMN.equals(c.getNamespaceURI())) {
                continue;
            }
            if (c.getLocalName().equals("collaboration")) {
                throw new LayoutException("LAYOUT-002 collaborations (pools/lanes) are not supported");
            }
            if (c.getLocalName().equals("process")) {
                if (process != null) {
                    throw new LayoutException("LAYOUT-003 more than one process in one file is not supported");
                }
                process = c;
            }
        }
        if (process == null) {
            throw new LayoutException("LAYOUT-004 no process element found");
        }
        Model m = new Model();
        m.root = readCont(m, process);
        for (FNode n : m.nodes.values()) {
            String att = n.el.getAttribute("attachedToRef");
            if (n.tag.equals("boundaryEvent") && !att.isEmpty()) {
                FNode host = m.nodes.get(att);
                if (host == null) {
                    throw new LayoutException("LAYOUT-005 boundary event " + n.id + " attached to unknown " + att);
                }
                n.host = host;
                host.boundaries.add(n);
            }
        }
        for (Flow f : m.flows.values()) {
            f.src = m.nodes.get(f.el.getAttribute("sourceRef"));
            f.tgt = m.nodes.get(f.el.getAttribute("targetRef"));
            if (f.src == null || f.tgt == null) {
                throw new LayoutException("LAYOUT-006 sequence flow " + f.id + " has an unknown source or target");
            }
            f.src.out.add(f);
            f.tgt.in.add(f);
        }
        // outgoing order: as listed in the node's <outgoing> children, else document order
        for (FNode n : m.nodes.values()) {
            List<String> listed = new ArrayList<>();
            for (Element c : children(n.el)) {
                if (BPMN.equals(c.getNamespaceURI()) && c.getLocalName().equals("outgoing")) {
                    listed.add(c.getTextContent().trim());
                }
            }
            n.out.sort(Comparator.comparingInt((Flow f) -> {
                int i = listed.indexOf(f.id);
                return i < 0 ? Integer.MAX_VALUE : i;
            }).thenComparingInt(f -> f.order));
        }
        return m;
    }

    static Cont readCont(Model m, Element container) {
        Cont c = new Cont(container.getAttribute("id"));
        for (Element e : children(container)) {
            if (!BPMN.equals(e.getNamespaceURI())) {
                continue;
            }
            String tag = e.getLocalName();
            if (tag.equals("sequenceFlow")) {
                Flow f = new Flow(e.getAttribute("id"), e.getAttribute("name").trim(), e, m.counter++);
                m.flows.put(f.id, f);
                c.flows.add(f);
            } else if (isFlowNodeTag(tag)) {
                FNode n = new FNode(e.getAttribute("id"), tag, e.getAttribute("name").trim(), e, m.counter++);
                n.parent = c;
                m.nodes.put(n.id, n);
                c.nodes.add(n);
                if (isSubTag(tag)) {
                    n.sub = readCont(m, e);
                }
                sizeOf(n);
            }
        }
        return c;
    }

    static void sizeOf(FNode n) {
        if (n.isEvent()) {
            n.w = n.h = 36;
        } else if (n.isGateway()) {
            n.w = n.h = 50;
        } else {
            n.w = 100;
            n.h = 80;
        }
    }

    // ------------------------------------------------------------------ document rewrite

    static final Pattern DIAGRAM = Pattern.compile(
        "<([A-Za-z_][\\w.-]*:)?BPMNDiagram\\b.*</\\1?BPMNDiagram\\s*>", Pattern.DOTALL);

    static String layoutDocument(String xml) throws Exception {
        Document doc = parse(xml);
        Model m = readModel(doc);
        layoutContainer(m.root, true);
        finalizeCoords(m.root, 0, 0);
        String nl = xml.contains("\r\n") ? "\r\n" : "\n";
        Element defs = doc.getDocumentElement();
        Prefixes p = new Prefixes(defs);
        Existing ex = new Existing(doc);
        Matcher mt = DIAGRAM.matcher(xml);
        if (mt.find()) {
            int lineStart = xml.lastIndexOf('\n', mt.start()) + 1;
            String indent = xml.substring(lineStart, mt.start());
            if (!indent.isBlank()) {
                indent = "  ";
            }
            String di = writeDiagram(m, p, ex, indent, nl);
            return xml.substring(0, mt.start()) + di + xml.substring(mt.end());
        }
        int close = xml.lastIndexOf("</");
        if (close < 0) {
            throw new LayoutException("LAYOUT-007 cannot find the end of the definitions element");
        }
        String di = writeDiagram(m, p, ex, "  ", nl);
        return xml.substring(0, close) + "  " + di.substring(0) + nl + xml.substring(close);
    }

    static final class Prefixes {
        String bpmndi = "bpmndi", dc = "dc", di = "di";
        boolean declBpmndi = true, declDc = true, declDi = true;

        Prefixes(Element defs) {
            NamedNodeMap attrs = defs.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String name = a.getName();
                if (!name.startsWith("xmlns:")) {
                    continue;
                }
                String pre = name.substring(6);
                switch (a.getValue()) {
                    case BPMNDI -> { if (declBpmndi) { bpmndi = pre; declBpmndi = false; } }
                    case DC -> { if (declDc) { dc = pre; declDc = false; } }
                    case DI -> { if (declDi) { di = pre; declDi = false; } }
                    default -> { }
                }
            }
        }
    }

    /** Ids and extra attributes of the DI being replaced, kept so that a re-layout changes only geometry. */
    static final class Existing {
        String diagramId, planeId;
        final Map<String, Element> shapes = new LinkedHashMap<>();
        final Map<String, Element> edges = new LinkedHashMap<>();
        final Set<String> allIds = new LinkedHashSet<>();

        Existing(Document doc) {
            var all = doc.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (!e.getAttribute("id").isEmpty()) {
                    allIds.add(e.getAttribute("id"));
                }
                if (!BPMNDI.equals(e.getNamespaceURI())) {
                    continue;
                }
                switch (e.getLocalName()) {
                    case "BPMNDiagram" -> { if (diagramId == null) diagramId = e.getAttribute("id"); }
                    case "BPMNPlane" -> { if (planeId == null) planeId = e.getAttribute("id"); }
                    case "BPMNShape" -> shapes.putIfAbsent(e.getAttribute("bpmnElement"), e);
                    case "BPMNEdge" -> edges.putIfAbsent(e.getAttribute("bpmnElement"), e);
                    default -> { }
                }
            }
        }

        String idOr(Element e, String fallback) {
            if (e != null && !e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
            String id = fallback;
            int i = 2;
            while (allIds.contains(id)) {
                id = fallback + "_" + i++;
            }
            allIds.add(id);
            return id;
        }
    }

    static String writeDiagram(Model m, Prefixes p, Existing ex, String ind, String nl) {
        StringBuilder sb = new StringBuilder();
        String d = p.bpmndi.isEmpty() ? "" : p.bpmndi + ":";
        String dc = p.dc.isEmpty() ? "" : p.dc + ":";
        String di = p.di.isEmpty() ? "" : p.di + ":";
        String i1 = ind + "  ", i2 = i1 + "  ", i3 = i2 + "  ", i4 = i3 + "  ";
        sb.append('<').append(d).append("BPMNDiagram id=\"").append(esc(ex.diagramId != null ? ex.diagramId
            : ex.idOr(null, "BPMNDiagram_1"))).append('"');
        if (p.declBpmndi) sb.append(" xmlns:bpmndi=\"").append(BPMNDI).append('"');
        if (p.declDc) sb.append(" xmlns:dc=\"").append(DC).append('"');
        if (p.declDi) sb.append(" xmlns:di=\"").append(DI).append('"');
        sb.append('>').append(nl);
        sb.append(i1).append('<').append(d).append("BPMNPlane bpmnElement=\"").append(esc(m.root.id))
            .append("\" id=\"").append(esc(ex.planeId != null ? ex.planeId : ex.idOr(null, "BPMNPlane_1")))
            .append("\">").append(nl);
        for (FNode n : m.nodes.values()) {
            Element old = ex.shapes.get(n.id);
            sb.append(i2).append('<').append(d).append("BPMNShape bpmnElement=\"").append(esc(n.id))
                .append("\" id=\"").append(esc(ex.idOr(old, "BPMNShape_" + n.id))).append('"');
            Map<String, String> extra = extraAttrs(old);
            if (n.tag.equals("exclusiveGateway")) extra.put("isMarkerVisible", "true");
            if (n.sub != null) extra.put("isExpanded", "true");
            extra.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(esc(v)).append('"'));
            sb.append('>').append(nl);
            sb.append(i3).append(bounds(dc, new Rect(n.x, n.y, n.w, n.h))).append(nl);
            if (n.label != null) {
                sb.append(i3).append('<').append(d).append("BPMNLabel>").append(nl);
                sb.append(i4).append(bounds(dc, n.label)).append(nl);
                sb.append(i3).append("</").append(d).append("BPMNLabel>").append(nl);
            }
            sb.append(i2).append("</").append(d).append("BPMNShape>").append(nl);
        }
        for (Flow f : m.flows.values()) {
            Element old = ex.edges.get(f.id);
            sb.append(i2).append('<').append(d).append("BPMNEdge bpmnElement=\"").append(esc(f.id))
                .append("\" id=\"").append(esc(ex.idOr(old, "BPMNEdge_" + f.id))).append('"');
            extraAttrs(old).forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(esc(v)).append('"'));
            sb.append('>').append(nl);
            for (Pt pt : f.wps) {
                sb.append(i3).append('<').append(di).append("waypoint x=\"").append(num(pt.x)).append("\" y=\"")
                    .append(num(pt.y)).append("\"/>").append(nl);
            }
            if (f.label != null) {
                sb.append(i3).append('<').append(d).append("BPMNLabel>").append(nl);
                sb.append(i4).append(bounds(dc, f.label)).append(nl);
                sb.append(i3).append("</").append(d).append("BPMNLabel>").append(nl);
            }
            sb.append(i2).append("</").append(d).append("BPMNEdge>").append(nl);
        }
        sb.append(i1).append("</").append(d).append("BPMNPlane>").append(nl);
        sb.append(ind).append("</").append(d).append("BPMNDiagram>");
        return sb.toString();
    }

    static Map<String, String> extraAttrs(Element old) {
        Map<String, String> r = new java.util.TreeMap<>();
        if (old == null) {
            return r;
        }
        NamedNodeMap attrs = old.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String n = a.getName();
            if (n.equals("id") || n.equals("bpmnElement") || n.equals("isExpanded") || n.startsWith("xmlns")) {
                continue;
            }
            r.put(n, a.getValue());
        }
        return r;
    }

    static String bounds(String dc, Rect r) {
        return "<" + dc + "Bounds height=\"" + num(r.h) + "\" width=\"" + num(r.w) + "\" x=\"" + num(r.x)
            + "\" y=\"" + num(r.y) + "\"/>";
    }

    static String num(double v) {
        long l = Math.round(v);
        return Long.toString(l == 0 ? 0 : l);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ------------------------------------------------------------------ layout of one container

    static final int FREE = 0, EDGE_H = 1, EDGE_V = 2, NODE = 3;

    static final class Grid {
        final java.util.TreeMap<Integer, int[]> rows = new java.util.TreeMap<>();
        final int ncols;

        Grid(int ncols) {
            this.ncols = ncols;
        }

        int get(int c, int r) {
            if (c < 0 || c >= ncols) return NODE;
            int[] row = rows.get(r);
            return row == null ? FREE : row[c];
        }

        void set(int c, int r, int v) {
            int[] row = rows.computeIfAbsent(r, k -> new int[ncols]);
            row[c] = Math.max(row[c], v);
        }
    }

    static final class Layouter {
        final Cont cont;
        final List<FNode> nodes = new ArrayList<>();   // not boundary events
        final List<FNode> all = new ArrayList<>();     // including boundary events
        final List<Flow> flows;
        Grid grid;
        int ncols, nrows;
        double[] colX, colW, rowY, rowH;

        Layouter(Cont c) {
            this.cont = c;
            for (FNode n : c.nodes) {
                all.add(n);
                if (n.host == null) nodes.add(n);
            }
            this.flows = c.flows;
        }

        List<Flow> outAll(FNode u) {
            List<Flow> r = new ArrayList<>(u.out);
            for (FNode b : u.boundaries) r.addAll(b.out);
            return r;
        }

        boolean inCont(FNode n) {
            return n.parent == cont;
        }

        void findBackEdges() {
            Map<FNode, Integer> color = new LinkedHashMap<>();
            List<FNode> roots = new ArrayList<>();
            for (FNode n : nodes) if (n.tag.equals("startEvent")) roots.add(n);
            for (FNode n : nodes) if (n.in.isEmpty() && !roots.contains(n)) roots.add(n);
            for (FNode n : nodes) if (!roots.contains(n)) roots.add(n);
            for (FNode r : roots) if (!color.containsKey(r)) dfs(r, color);
        }

        void dfs(FNode u, Map<FNode, Integer> color) {
            color.put(u, 1);
            for (Flow f : outAll(u)) {
                FNode v = f.tgt;
                if (!inCont(v) || v.host != null) continue;
                Integer c = color.get(v);
                if (c == null) {
                    dfs(v, color);
                } else if (c == 1) {
                    f.back = true;
                }
            }
            color.put(u, 2);
        }

        List<FNode> fwdSucc(FNode u) {
            List<FNode> r = new ArrayList<>();
            for (Flow f : u.out) if (!f.back && inCont(f.tgt) && f.tgt.host == null && !r.contains(f.tgt)) r.add(f.tgt);
            return r;
        }

        void columns() {
            Map<FNode, Integer> indeg = new LinkedHashMap<>();
            for (FNode n : nodes) indeg.put(n, 0);
            for (Flow f : flows) if (!f.back && f.tgt.host == null) indeg.merge(f.tgt, 1, Integer::sum);
            List<FNode> queue = new ArrayList<>();
            for (FNode n : nodes) if (indeg.get(n) == 0) { queue.add(n); n.col = 0; }
            List<FNode> topo = new ArrayList<>();
            for (int i = 0; i < queue.size(); i++) {
                FNode u = queue.get(i);
                topo.add(u);
                for (Flow f : outAll(u)) {
                    if (f.back || f.tgt.host != null || !inCont(f.tgt)) continue;
                    FNode v = f.tgt;
                    v.col = Math.max(v.col, u.col + 1);
                    if (indeg.merge(v, -1, Integer::sum) == 0) queue.add(v);
                }
            }
            if (topo.size() != nodes.size()) {
                throw new LayoutException("LAYOUT-008 internal error: cycle left after removing back edges");
            }
            ncols = 0;
            for (FNode n : nodes) ncols = Math.max(ncols, n.col + 1);
            for (int i = topo.size() - 1; i >= 0; i--) {
                FNode u = topo.get(i);
                u.reach = u.col;
                for (FNode s : fwdSucc(u)) u.reach = Math.max(u.reach, s.reach);
            }
        }

        boolean reachable(FNode from, FNode to) {
            List<FNode> seen = new ArrayList<>();
            seen.add(from);
            for (int i = 0; i < seen.size(); i++) {
                FNode u = seen.get(i);
                if (u == to) return true;
                for (FNode s : fwdSucc(u)) if (!seen.contains(s)) seen.add(s);
            }
            return false;
        }

        FNode chooseNext(FNode v, Set<FNode> taken) {
            List<FNode> cands = new ArrayList<>();
            for (FNode s : fwdSucc(v)) if (!s.placed && !taken.contains(s)) cands.add(s);
            if (cands.isEmpty()) return null;
            List<FNode> joins = new ArrayList<>();
            for (FNode s : cands) {
                for (FNode t : cands) {
                    if (t != s && reachable(t, s)) { joins.add(s); break; }
                }
            }
            List<FNode> pool = joins.isEmpty() ? cands : joins;
            FNode best = pool.get(0);
            for (FNode s : pool) if (s.reach > best.reach) best = s;
            return best;
        }

        List<FNode> buildChain(FNode s) {
            List<FNode> chain = new ArrayList<>();
            Set<FNode> taken = new LinkedHashSet<>();
            FNode v = s;
            while (v != null) {
                chain.add(v);
                taken.add(v);
                v = chooseNext(v, taken);
            }
            return chain;
        }

        int endSpan(List<FNode> chain) {
            FNode last = chain.get(chain.size() - 1);
            int end = last.col;
            for (FNode t : fwdSucc(last)) {
                if (t.placed && t.col > last.col) { end = Math.max(end, t.col - 1); break; }
            }
            return end;
        }

        boolean rowFits(int r, int from, int to) {
            for (int c = from; c <= to; c++) if (grid.get(c, r) != FREE) return false;
            return true;
        }

        void placeChain(List<FNode> chain, int r, int from, int to) {
            for (FNode n : chain) { n.row = r; n.placed = true; grid.set(n.col, r, NODE); }
            for (int c = from; c <= to; c++) grid.set(c, r, EDGE_H);
        }

        boolean verticalClear(int col, int r0, int r1) {
            for (int rr = Math.min(r0, r1) + 1; rr < Math.max(r0, r1); rr++) {
                if (grid.get(col, rr) == NODE) return false;
            }
            return true;
        }

        /**
         * First row from origin.row + dir on whose cells [from..to] the branch fits. Returns {row, 1} when the
         * branch can drop straight down (or up) from the origin, {row, 0} when a node is in the way and the
         * branch must leave the origin sideways (then the origin's own column is not reserved).
         */
        int[] findRow(FNode origin, int from, int to, int dir) {
            for (int r = origin.row + dir; ; r += dir) {
                if (verticalClear(origin.col, origin.row, r)) {
                    if (rowFits(r, from, to)) return new int[] {r, 1};
                } else if (rowFits(r, from + 1, to)) {
                    return new int[] {r, 0};
                }
            }
        }

        void placeBranch(FNode origin, FNode s, boolean fromBoundary) {
            if (s.placed) return;
            List<FNode> chain = buildChain(s);
            int from = origin.col, to = endSpan(chain);
            int[] found;
            if (fromBoundary || origin.row == 0) {
                found = findRow(origin, from, to, 1);
                // a branch may go above the main row, unless paths must leave it downwards (boundary events)
                boolean mayGoUp = !fromBoundary;
                for (FNode n : chain) mayGoUp &= n.boundaries.isEmpty();
                if (mayGoUp) {
                    int[] above = findRow(origin, from, to, -1);
                    if (origin.row - above[0] < found[0] - origin.row) found = above;
                }
            } else {
                found = findRow(origin, from, to, origin.row < 0 ? -1 : 1);
            }
            int r = found[0];
            if (found[1] == 1) {
                for (int rr = Math.min(r, origin.row) + 1; rr < Math.max(r, origin.row); rr++) grid.set(origin.col, rr, EDGE_V);
            } else {
                from++;
            }
            placeChain(chain, r, from, to);
            placeBranches(chain);
        }

        void placeBranches(List<FNode> chain) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                FNode v = chain.get(i);
                for (Flow f : v.out) {
                    if (!f.back && inCont(f.tgt) && f.tgt.host == null) placeBranch(v, f.tgt, false);
                }
                for (int b = v.boundaries.size() - 1; b >= 0; b--) {
                    for (Flow f : v.boundaries.get(b).out) {
                        if (!f.back && inCont(f.tgt) && f.tgt.host == null) placeBranch(v, f.tgt, true);
                    }
                }
            }
        }

        void rows() {
            grid = new Grid(Math.max(1, ncols));
            FNode root = null;
            for (FNode n : nodes) if (n.tag.equals("startEvent") && n.in.isEmpty()) { root = n; break; }
            while (true) {
                if (root == null) {
                    for (FNode n : nodes) {
                        if (!n.placed && (root == null || n.col < root.col)) root = n;
                    }
                }
                if (root == null) break;
                List<FNode> chain = buildChain(root);
                int from = chain.get(0).col, to = endSpan(chain);
                int r = 0;
                while (!rowFits(r, from, to)) r++;
                placeChain(chain, r, from, to);
                placeBranches(chain);
                root = null;
            }
            int minRow = grid.rows.firstKey();
            nrows = grid.rows.lastKey() - minRow + 1;
            for (FNode n : nodes) n.row -= minRow;
        }

        void geometry() {
            colW = new double[ncols];
            colX = new double[ncols];
            rowH = new double[nrows];
            rowY = new double[nrows];
            java.util.Arrays.fill(rowH, 40);
            for (FNode n : nodes) {
                colW[n.col] = Math.max(colW[n.col], n.w);
                rowH[n.row] = Math.max(rowH[n.row], Math.max(MIN_ROW_H, n.h));
            }
            for (int c = 1; c < ncols; c++) colX[c] = colX[c - 1] + colW[c - 1] + COL_GAP;
            for (int r = 1; r < nrows; r++) rowY[r] = rowY[r - 1] + rowH[r - 1] + ROW_GAP;
            for (FNode n : nodes) {
                n.x = colX[n.col] + Math.floor((colW[n.col] - n.w) / 2);
                n.y = rowY[n.row] + Math.floor((rowH[n.row] - n.h) / 2);
            }
            for (FNode n : nodes) {
                int k = n.boundaries.size();
                for (int i = 0; i < k; i++) {
                    FNode b = n.boundaries.get(i);
                    b.x = Math.round(n.x + n.w / 2 + (i - (k - 1) / 2.0) * 46 - b.w / 2);
                    b.y = n.y + n.h - b.h / 2;
                }
            }
        }

        void run(boolean isRoot) {
            for (FNode n : nodes) {
                if (n.sub != null && !n.sub.nodes.isEmpty()) {
                    layoutContainer(n.sub, false);
                    Rect b = n.sub.bbox;
                    n.w = Math.max(100, b.w);
                    n.h = Math.max(80, b.h);
                }
            }
            if (nodes.isEmpty()) {
                cont.bbox = new Rect(0, 0, 0, 0);
                return;
            }
            findBackEdges();
            columns();
            rows();
            geometry();
            new Router(this).routeAll();
            new Labeler(this).placeAll();
            normalize(isRoot);
        }

        void normalize(boolean isRoot) {
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            List<Rect> rs = new ArrayList<>();
            for (FNode n : all) { rs.add(n.rect()); if (n.label != null) rs.add(n.label); }
            for (Flow f : flows) {
                for (Pt p : f.wps) rs.add(new Rect(p.x, p.y, 0, 0));
                if (f.label != null) rs.add(f.label);
            }
            for (Rect r : rs) {
                minX = Math.min(minX, r.x);
                minY = Math.min(minY, r.y);
                maxX = Math.max(maxX, r.x + r.w);
                maxY = Math.max(maxY, r.y + r.h);
            }
            double padL = isRoot ? 150 : 30, padT = isRoot ? 80 : 40, padR = 30, padB = 30;
            double dx = Math.round(padL - minX), dy = Math.round(padT - minY);
            translate(cont, dx, dy, false);
            cont.bbox = new Rect(0, 0, Math.ceil(maxX - minX + padL + padR), Math.ceil(maxY - minY + padT + padB));
        }
    }

    static void layoutContainer(Cont c, boolean isRoot) {
        new Layouter(c).run(isRoot);
    }

    /** Moves the contents of a container (and, if deep, the contents of its subprocesses) by dx, dy. */
    static void translate(Cont c, double dx, double dy, boolean deep) {
        for (FNode n : c.nodes) {
            n.x += dx;
            n.y += dy;
            if (n.label != null) { n.label.x += dx; n.label.y += dy; }
            if (deep && n.sub != null) translate(n.sub, dx, dy, true);
        }
        for (Flow f : c.flows) {
            for (Pt p : f.wps) { p.x += dx; p.y += dy; }
            if (f.label != null) { f.label.x += dx; f.label.y += dy; }
        }
    }

    /** Subprocess contents were laid out relative to the subprocess' own top-left corner: move them there. */
    static void finalizeCoords(Cont c, double ox, double oy) {
        for (FNode n : c.nodes) {
            if (n.sub != null) {
                translate(n.sub, n.x, n.y, false);
                finalizeCoords(n.sub, n.x, n.y);
            }
        }
    }

    // ------------------------------------------------------------------ edge routing

    static final class Seg {
        final double x1, y1, x2, y2;
        final Flow flow;
        final boolean first, last;

        Seg(Pt a, Pt b, Flow f, boolean first, boolean last) {
            x1 = a.x; y1 = a.y; x2 = b.x; y2 = b.y;
            flow = f;
            this.first = first;
            this.last = last;
        }

        boolean horizontal() {
            return y1 == y2;
        }

        double lo() {
            return horizontal() ? Math.min(x1, x2) : Math.min(y1, y2);
        }

        double hi() {
            return horizontal() ? Math.max(x1, x2) : Math.max(y1, y2);
        }

        double at() {
            return horizontal() ? y1 : x1;
        }

        double len() {
            return Math.abs(x2 - x1) + Math.abs(y2 - y1);
        }
    }

    /** Does the axis-parallel segment pass through the interior of the rectangle (shrunk by inset)? */
    static boolean hits(Seg s, Rect r, double inset) {
        double l = r.x + inset, t = r.y + inset, rr = r.x + r.w - inset, b = r.y + r.h - inset;
        if (s.horizontal()) {
            return s.y1 > t && s.y1 < b && s.hi() > l && s.lo() < rr;
        }
        return s.x1 > l && s.x1 < rr && s.hi() > t && s.lo() < b;
    }

    static boolean hitsRect(Seg s, Rect r) {
        double l = r.x, t = r.y, rr = r.x + r.w, b = r.y + r.h;
        if (s.horizontal()) {
            return s.y1 >= t && s.y1 <= b && s.hi() >= l && s.lo() <= rr;
        }
        return s.x1 >= l && s.x1 <= rr && s.hi() >= t && s.lo() <= b;
    }

    /** A port: a point on a shape's border and the outward direction (dx, dy). */
    record Port(double x, double y, int dx, int dy, int penalty) {
    }

    static final class Router {
        final Layouter lay;
        final List<Seg> routed = new ArrayList<>();
        final List<Double> channels = new ArrayList<>();
        final List<Double> lanes = new ArrayList<>();

        Router(Layouter lay) {
            this.lay = lay;
            for (int c = 0; c <= lay.ncols; c++) {
                double xg = c == 0 ? lay.colX[0] - 30
                    : c == lay.ncols ? lay.colX[c - 1] + lay.colW[c - 1] + 30
                    : lay.colX[c] - COL_GAP / 2.0;
                for (double o : new double[] {0, -14, 14}) channels.add(xg + o);
            }
            for (int r = 0; r < lay.nrows; r++) {
                lanes.add(lay.rowY[r] + lay.rowH[r] / 2);
                double g = lay.rowY[r] + lay.rowH[r] + ROW_GAP / 2.0;
                for (double o : new double[] {0, -14, 14}) lanes.add(g + o);
            }
            double top = lay.rowY[0];
            double bottom = lay.rowY[lay.nrows - 1] + lay.rowH[lay.nrows - 1];
            for (FNode n : lay.all) bottom = Math.max(bottom, n.y + n.h);
            for (int k = 0; k < 6; k++) {
                lanes.add(top - 30 - 16.0 * k);
                lanes.add(bottom + 40 + 16.0 * k);
            }
            dedupe(channels);
            dedupe(lanes);
        }

        static void dedupe(List<Double> l) {
            List<Double> r = new ArrayList<>(new LinkedHashSet<>(l));
            l.clear();
            l.addAll(r);
        }

        void routeAll() {
            List<Flow> order = new ArrayList<>(lay.flows);
            order.removeIf(f -> !lay.inCont(f.tgt) || !lay.inCont(f.src));
            order.sort(Comparator.comparingInt((Flow f) -> f.back ? 0 : 1)
                .thenComparingInt(f -> Math.abs(f.tgt.col - f.from().col) + Math.abs(f.tgt.row - f.from().row))
                .thenComparingInt(f -> f.order));
            for (Flow f : order) {
                route(f);
            }
        }

        List<Port> sourcePorts(FNode n) {
            Rect r = n.rect();
            List<Port> p = new ArrayList<>();
            if (n.host != null) {
                p.add(new Port(r.cx(), r.y + r.h, 0, 1, 0));
                return p;
            }
            p.add(new Port(r.x + r.w, r.cy(), 1, 0, 0));
            p.add(new Port(r.cx(), r.y + r.h, 0, 1, n.isGateway() ? 0 : 15));
            p.add(new Port(r.cx(), r.y, 0, -1, n.isGateway() ? 0 : 15));
            return p;
        }

        List<Port> targetPorts(FNode n, boolean back) {
            Rect r = n.rect();
            List<Port> p = new ArrayList<>();
            p.add(new Port(r.x, r.cy(), 1, 0, back ? 40 : 0));          // entered moving right
            p.add(new Port(r.cx(), r.y, 0, 1, back ? 0 : 30));          // entered from above moving down
            p.add(new Port(r.cx(), r.y + r.h, 0, -1, back ? 0 : 30));  // entered from below moving up
            return p;
        }

        void route(Flow f) {
            FNode s = f.src, t = f.tgt;
            List<Pt> best = null;
            double bestScore = Double.MAX_VALUE;
            // lanes just above / below the shapes in the x-range the edge spans (for going around)
            double lo = Math.min(s.x, t.x) - COL_GAP, hi = Math.max(s.x + s.w, t.x + t.w) + COL_GAP;
            double top = Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
            for (FNode n : lay.all) {
                if (n.x + n.w < lo || n.x > hi) continue;
                top = Math.min(top, n.y);
                bottom = Math.max(bottom, n.y + n.h);
            }
            List<Double> myLanes = new ArrayList<>(lanes);
            for (int k = 0; k < 4; k++) {
                myLanes.add(top - 30 - 16.0 * k);
                myLanes.add(bottom + 30 + 16.0 * k);
            }
            dedupe(myLanes);
            for (Port sp : sourcePorts(s)) {
                for (Port tp : targetPorts(t, f.back)) {
                    double pen = sp.penalty() + tp.penalty();
                    for (List<Pt> cand : candidates(sp, tp, myLanes)) {
                        double sc = score(cand, f, bestScore - pen) + pen;
                        if (sc < bestScore) {
                            bestScore = sc;
                            best = cand;
                        }
                    }
                }
            }
            if (best == null) {
                Port sp = sourcePorts(s).get(0);
                Port tp = targetPorts(t, f.back).get(0);
                best = List.of(new Pt(sp.x(), sp.y()), new Pt(tp.x(), tp.y()));
            }
            f.wps = new ArrayList<>(best);
            for (int i = 0; i + 1 < best.size(); i++) {
                routed.add(new Seg(best.get(i), best.get(i + 1), f, i == 0, i + 2 == best.size()));
            }
        }

        List<List<Pt>> candidates(Port sp, Port tp, List<Double> lanes) {
            List<List<Pt>> out = new ArrayList<>();
            Pt a = new Pt(sp.x(), sp.y()), b = new Pt(tp.x(), tp.y());
            boolean sH = sp.dx() != 0, tH = tp.dx() != 0;
            // straight
            if (sH && tH && a.y == b.y && b.x > a.x) out.add(List.of(a, b));
            if (!sH && !tH && a.x == b.x && sp.dy() == tp.dy() && (b.y - a.y) * sp.dy() > 0) out.add(List.of(a, b));
            // one bend
            if (sH && !tH) {
                Pt c = new Pt(b.x, a.y);
                if ((c.x - a.x) * sp.dx() > 10 && (b.y - c.y) * tp.dy() > 10) out.add(List.of(a, c, b));
            }
            if (!sH && tH) {
                Pt c = new Pt(a.x, b.y);
                if ((c.y - a.y) * sp.dy() > 10 && (b.x - c.x) * tp.dx() > 10) out.add(List.of(a, c, b));
            }
            // two bends
            if (sH && tH) {
                for (double x : channels) {
                    if ((x - a.x) * sp.dx() > 10 && (b.x - x) * tp.dx() > 10 && a.y != b.y) {
                        out.add(List.of(a, new Pt(x, a.y), new Pt(x, b.y), b));
                    }
                }
            }
            if (!sH && !tH) {
                for (double y : lanes) {
                    if ((y - a.y) * sp.dy() > 10 && (b.y - y) * tp.dy() > 10 && a.x != b.x) {
                        out.add(List.of(a, new Pt(a.x, y), new Pt(b.x, y), b));
                    }
                }
            }
            // three bends
            if (!sH && tH) {
                for (double y : lanes) {
                    if ((y - a.y) * sp.dy() <= 10 || y == b.y) continue;
                    for (double x : channels) {
                        if ((b.x - x) * tp.dx() > 10 && x != a.x && Math.abs(b.x - x) < 2 * COL_GAP + 40) {
                            out.add(List.of(a, new Pt(a.x, y), new Pt(x, y), new Pt(x, b.y), b));
                        }
                    }
                }
            }
            if (sH && !tH) {
                for (double x : channels) {
                    if ((x - a.x) * sp.dx() <= 10 || Math.abs(x - a.x) > 2 * COL_GAP + 40 || x == b.x) continue;
                    for (double y : lanes) {
                        if ((b.y - y) * tp.dy() > 10 && y != a.y) {
                            out.add(List.of(a, new Pt(x, a.y), new Pt(x, y), new Pt(b.x, y), b));
                        }
                    }
                }
            }
            // four bends: around, through a lane
            if (sH && tH) {
                for (double x1 : channels) {
                    if ((x1 - a.x) * sp.dx() <= 10 || Math.abs(x1 - a.x) > 2 * COL_GAP + 40) continue;
                    for (double x2 : channels) {
                        if ((b.x - x2) * tp.dx() <= 10 || Math.abs(b.x - x2) > 2 * COL_GAP + 40) continue;
                        for (double y : lanes) {
                            if (y == a.y || y == b.y || x1 == x2) continue;
                            out.add(List.of(a, new Pt(x1, a.y), new Pt(x1, y), new Pt(x2, y), new Pt(x2, b.y), b));
                        }
                    }
                }
            }
            return out;
        }

        double score(List<Pt> path, Flow f, double limit) {
            int n = path.size() - 1;
            double sc = 25.0 * (n - 1);
            double len = 0;
            for (int i = 0; i < n; i++) {
                len += Math.abs(path.get(i + 1).x - path.get(i).x) + Math.abs(path.get(i + 1).y - path.get(i).y);
            }
            sc += 0.04 * len;
            if (sc >= limit) return sc;
            List<Seg> segs = new ArrayList<>();
            for (int i = 0; i < n; i++) segs.add(new Seg(path.get(i), path.get(i + 1), f, i == 0, i == n - 1));
            for (Seg s : segs) {
                for (FNode node : lay.all) {
                    if (s.first && (node == f.src || node == f.src.host)) continue;
                    if (s.last && node == f.tgt) continue;
                    if (hits(s, node.rect(), 1)) sc += 10000;
                    else if (node != f.src && node != f.tgt && node != f.src.host && hits(s, node.rect(), -8)) sc += 40;
                }
            }
            if (sc >= limit) return sc;
            for (Seg s : segs) {
                for (Seg o : routed) {
                    sc += interaction(s, o);
                }
            }
            return sc;
        }

        double interaction(Seg s, Seg o) {
            boolean sameSrc = s.flow.src == o.flow.src, sameTgt = s.flow.tgt == o.flow.tgt;
            if (s.horizontal() == o.horizontal()) {
                double d = Math.abs(s.at() - o.at());
                double ov = Math.min(s.hi(), o.hi()) - Math.max(s.lo(), o.lo());
                if (d < 3 && ov > 2) {
                    if (sameTgt && s.last && o.last) return 30;
                    if (sameSrc && s.first && o.first) return 400;
                    return 900;
                }
                if (d < 10 && ov > 8) return 120;
                return 0;
            }
            Seg h = s.horizontal() ? s : o, v = s.horizontal() ? o : s;
            if (v.x1 > h.lo() + 1 && v.x1 < h.hi() - 1 && h.y1 > v.lo() + 1 && h.y1 < v.hi() - 1) {
                return 70;
            }
            return 0;
        }
    }

    // ------------------------------------------------------------------ labels

    static double textWidth(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            w += ch >= 0x2E80 ? 12 : Character.isUpperCase(ch) ? 7.5 : 6.5;
        }
        return w;
    }

    /** Size of an external label as bpmn-js renders it: wrapped at 90px, 11px font. */
    static double[] labelSize(String text) {
        double lineW = 0, maxW = 0;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            double cw = textWidth(String.valueOf(text.charAt(i)));
            if (lineW + cw > LABEL_MAX_W) {
                lines++;
                maxW = Math.max(maxW, lineW);
                lineW = 0;
            }
            lineW += cw;
        }
        maxW = Math.max(maxW, lineW);
        return new double[] {Math.ceil(Math.min(LABEL_MAX_W, maxW)), lines * LINE_H};
    }

    static final class Labeler {
        final Layouter lay;
        final List<Rect> placed = new ArrayList<>();
        final List<Seg> segs = new ArrayList<>();

        Labeler(Layouter lay) {
            this.lay = lay;
            for (Flow f : lay.flows) {
                for (int i = 0; i + 1 < f.wps.size(); i++) {
                    segs.add(new Seg(f.wps.get(i), f.wps.get(i + 1), f, i == 0, i + 2 == f.wps.size()));
                }
            }
        }

        void placeAll() {
            List<FNode> byConstraint = new ArrayList<>();
            for (FNode n : lay.all) if (n.host != null) byConstraint.add(n);
            for (FNode n : lay.all) if (n.host == null) byConstraint.add(n);
            for (FNode n : byConstraint) {
                if (n.name.isEmpty() || !(n.isEvent() || n.isGateway())) continue;
                double[] sz = labelSize(n.name);
                double w = sz[0], h = sz[1];
                Rect r = n.rect();
                List<Rect> c = new ArrayList<>();
                if (n.host != null) {
                    double y = n.host.y + n.host.h + 4;
                    c.add(new Rect(r.x + r.w + 2, y, w, h));
                    c.add(new Rect(r.x - 2 - w, y, w, h));
                    c.add(new Rect(r.cx() - w / 2, r.y + r.h + 4, w, h));
                    c.add(new Rect(r.x + r.w + 2, y + 12, w, h));
                    c.add(new Rect(r.x - 2 - w, y + 12, w, h));
                } else {
                    c.add(new Rect(r.cx() - w / 2, r.y + r.h + 5, w, h));
                    c.add(new Rect(r.cx() - w / 2, r.y - 5 - h, w, h));
                    c.add(new Rect(r.cx() - 6 - w, r.y + r.h + 3, w, h));
                    c.add(new Rect(r.cx() + 6, r.y + r.h + 3, w, h));
                    c.add(new Rect(r.cx() - 6 - w, r.y - 3 - h, w, h));
                    c.add(new Rect(r.cx() + 6, r.y - 3 - h, w, h));
                    c.add(new Rect(r.cx() - w / 2, r.y + r.h + 20, w, h));
                }
                n.label = pick(c, n, null);
            }
            List<Flow> named = new ArrayList<>();
            for (Flow f : lay.flows) if (!f.name.isEmpty() && f.wps.size() >= 2) named.add(f);
            for (Flow f : named) {
                double[] sz = labelSize(f.name);
                double w = sz[0], h = sz[1];
                List<Rect> c = new ArrayList<>();
                for (int i = 0; i + 1 < f.wps.size() && i < 3; i++) {
                    Pt p = f.wps.get(i), q = f.wps.get(i + 1);
                    double seglen = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
                    for (double off : new double[] {6, 26}) {
                        if (off > 6 && seglen < off + 40) continue;
                        if (p.y == q.y) {
                            double x = q.x > p.x ? p.x + off : p.x - off - w;
                            c.add(new Rect(x, p.y - 3 - h, w, h));
                            c.add(new Rect(x, p.y + 3, w, h));
                        } else {
                            double y = q.y > p.y ? p.y + off - 2 : p.y - off + 2 - h;
                            c.add(new Rect(p.x + 5, y, w, h));
                            c.add(new Rect(p.x - 5 - w, y, w, h));
                        }
                    }
                }
                f.label = pick(c, null, f);
            }
        }

        Rect pick(List<Rect> cands, FNode owner, Flow flow) {
            Rect best = null;
            double bestScore = Double.MAX_VALUE;
            for (int i = 0; i < cands.size(); i++) {
                Rect r = cands.get(i);
                double sc = 4.0 * i;
                for (FNode n : lay.all) {
                    if (r.overlaps(n.rect(), 0)) sc += n == owner ? 3000 : 1000;
                }
                for (Rect o : placed) if (r.overlaps(o, -2)) sc += 1000;
                for (Seg s : segs) if (hitsRect(s, r)) sc += s.flow == flow ? 150 : 90;
                if (sc < bestScore) {
                    bestScore = sc;
                    best = r;
                }
            }
            if (best != null) {
                best = new Rect(Math.round(best.x), Math.round(best.y), best.w, best.h);
                placed.add(best);
            }
            return best;
        }
    }

    // ------------------------------------------------------------------ check

    static final class Check {

        /** Checks the diagram of a file and prints a one-line report; false if it has overlaps or gaps. */
        static boolean run(Path file) throws Exception {
            Document doc = parse(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, Element> sem = new LinkedHashMap<>();
            Map<String, String> parentOf = new LinkedHashMap<>();
            collect(doc.getDocumentElement(), null, sem, parentOf);
            Map<String, Rect> shapes = new LinkedHashMap<>();
            Map<String, Rect> labels = new LinkedHashMap<>();
            Map<String, List<Pt>> edges = new LinkedHashMap<>();
            var all = doc.getElementsByTagNameNS(BPMNDI, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                String ref = e.getAttribute("bpmnElement");
                if (e.getLocalName().equals("BPMNShape")) {
                    for (Element c : children(e)) {
                        if (c.getLocalName().equals("Bounds")) shapes.put(ref, rect(c));
                        if (c.getLocalName().equals("BPMNLabel")) {
                            for (Element lb : children(c)) if (lb.getLocalName().equals("Bounds")) labels.put(ref, rect(lb));
                        }
                    }
                } else if (e.getLocalName().equals("BPMNEdge")) {
                    List<Pt> pts = new ArrayList<>();
                    for (Element c : children(e)) {
                        if (c.getLocalName().equals("waypoint")) {
                            pts.add(new Pt(Double.parseDouble(c.getAttribute("x")), Double.parseDouble(c.getAttribute("y"))));
                        }
                        if (c.getLocalName().equals("BPMNLabel")) {
                            for (Element lb : children(c)) if (lb.getLocalName().equals("Bounds")) labels.put(ref, rect(lb));
                        }
                    }
                    edges.put(ref, pts);
                }
            }
            int missingShapes = 0, missingEdges = 0, overlaps = 0, through = 0, nonOrtho = 0, labelHits = 0, edgeOverlaps = 0;
            List<String> details = new ArrayList<>();
            for (var en : sem.entrySet()) {
                String tag = en.getValue().getLocalName();
                if (tag.equals("sequenceFlow") && !edges.containsKey(en.getKey())) { missingEdges++; details.add("no edge: " + en.getKey()); }
                if (isFlowNodeTag(tag) && !shapes.containsKey(en.getKey())) { missingShapes++; details.add("no shape: " + en.getKey()); }
            }
            List<String> ids = new ArrayList<>(shapes.keySet());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String a = ids.get(i), b = ids.get(j);
                    if (related(a, b, sem, parentOf) || related(b, a, sem, parentOf)) continue;
                    if (shapes.get(a).overlaps(shapes.get(b), 0.5)) { overlaps++; details.add("overlap: " + a + " / " + b); }
                }
            }
            List<Seg> allSegs = new ArrayList<>();
            for (var en : edges.entrySet()) {
                Element fl = sem.get(en.getKey());
                String src = fl == null ? "" : fl.getAttribute("sourceRef");
                String tgt = fl == null ? "" : fl.getAttribute("targetRef");
                Element srcEl = sem.get(src);
                String host = srcEl == null ? "" : srcEl.getAttribute("attachedToRef");
                List<Pt> pts = en.getValue();
                for (int k = 0; k + 1 < pts.size(); k++) {
                    Pt p = pts.get(k), q = pts.get(k + 1);
                    if (p.x != q.x && p.y != q.y) { nonOrtho++; continue; }
                    Seg s = new Seg(p, q, null, k == 0, k + 2 == pts.size());
                    allSegs.add(s);
                    for (var sh : shapes.entrySet()) {
                        String id = sh.getKey();
                        if (s.first && (id.equals(src) || id.equals(host))) continue;
                        if (s.last && id.equals(tgt)) continue;
                        if (isAncestor(id, en.getKey(), parentOf)) continue;
                        if (hits(s, sh.getValue(), 1)) { through++; details.add("edge " + en.getKey() + " through " + id); }
                    }
                }
            }
            List<String> lids = new ArrayList<>(labels.keySet());
            for (int i = 0; i < lids.size(); i++) {
                Rect l = labels.get(lids.get(i));
                for (var sh : shapes.entrySet()) {
                    if (sh.getKey().equals(lids.get(i)) || isAncestor(sh.getKey(), lids.get(i), parentOf)) continue;
                    if (l.overlaps(sh.getValue(), 0.5)) { labelHits++; details.add("label of " + lids.get(i) + " on " + sh.getKey()); }
                }
                for (int j = i + 1; j < lids.size(); j++) {
                    if (l.overlaps(labels.get(lids.get(j)), 0.5)) { labelHits++; details.add("label of " + lids.get(i) + " on label of " + lids.get(j)); }
                }
            }
            List<String> eids = new ArrayList<>(edges.keySet());
            for (int i = 0; i < eids.size(); i++) {
                for (int j = i + 1; j < eids.size(); j++) {
                    Element a = sem.get(eids.get(i)), b = sem.get(eids.get(j));
                    if (a != null && b != null && (a.getAttribute("sourceRef").equals(b.getAttribute("sourceRef"))
                        || a.getAttribute("targetRef").equals(b.getAttribute("targetRef")))) continue;
                    if (collinearOverlap(edges.get(eids.get(i)), edges.get(eids.get(j)))) edgeOverlaps++;
                }
            }
            boolean ok = overlaps == 0 && through == 0 && missingShapes == 0 && missingEdges == 0 && nonOrtho == 0;
            System.out.printf(Locale.ROOT, "%s: %s shapes=%d edges=%d overlappingShapes=%d edgesThroughShapes=%d "
                    + "nonOrthogonalSegments=%d missingShapes=%d missingEdges=%d labelOverlaps=%d overlappingEdges=%d%n",
                file, ok ? "OK" : "FAIL", shapes.size(), edges.size(), overlaps, through, nonOrtho, missingShapes,
                missingEdges, labelHits, edgeOverlaps);
            for (String d : details) System.out.println("  " + d);
            return ok;
        }

        static boolean collinearOverlap(List<Pt> a, List<Pt> b) {
            for (int i = 0; i + 1 < a.size(); i++) {
                for (int j = 0; j + 1 < b.size(); j++) {
                    Pt p = a.get(i), q = a.get(i + 1), r = b.get(j), s = b.get(j + 1);
                    if (p.y == q.y && r.y == s.y && p.y == r.y) {
                        if (Math.min(Math.max(p.x, q.x), Math.max(r.x, s.x)) - Math.max(Math.min(p.x, q.x), Math.min(r.x, s.x)) > 2) return true;
                    }
                    if (p.x == q.x && r.x == s.x && p.x == r.x) {
                        if (Math.min(Math.max(p.y, q.y), Math.max(r.y, s.y)) - Math.max(Math.min(p.y, q.y), Math.min(r.y, s.y)) > 2) return true;
                    }
                }
            }
            return false;
        }

        static Rect rect(Element b) {
            return new Rect(Double.parseDouble(b.getAttribute("x")), Double.parseDouble(b.getAttribute("y")),
                Double.parseDouble(b.getAttribute("width")), Double.parseDouble(b.getAttribute("height")));
        }

        static void collect(Element e, String parent, Map<String, Element> sem, Map<String, String> parentOf) {
            for (Element c : children(e)) {
                if (!BPMN.equals(c.getNamespaceURI())) continue;
                String id = c.getAttribute("id");
                String tag = c.getLocalName();
                if (tag.equals("process")) {
                    collect(c, null, sem, parentOf);
                    continue;
                }
                if (id.isEmpty()) continue;
                if (isFlowNodeTag(tag) || tag.equals("sequenceFlow")) {
                    sem.put(id, c);
                    if (parent != null) parentOf.put(id, parent);
                }
                if (isSubTag(tag)) collect(c, id, sem, parentOf);
            }
        }

        /** a is b's host or b's enclosing subprocess. */
        static boolean related(String a, String b, Map<String, Element> sem, Map<String, String> parentOf) {
            Element eb = sem.get(b);
            if (eb != null && eb.getAttribute("attachedToRef").equals(a)) return true;
            return isAncestor(a, b, parentOf);
        }

        static boolean isAncestor(String a, String b, Map<String, String> parentOf) {
            for (String p = parentOf.get(b); p != null; p = parentOf.get(p)) if (p.equals(a)) return true;
            return false;
        }
    }
}
