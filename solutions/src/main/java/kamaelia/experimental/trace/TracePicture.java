package kamaelia.experimental.trace;

import axon.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link Trace} as a sequence picture: one lifeline per microprocess, top to
 * bottom in the order things happened; a put is an arrow from the one that ran to the
 * owner of the box where the message was stored, cycles are bands of alternating shade,
 * and what was left waiting at the end is marked in red.
 *
 * <p>Two forms: an SVG of the last {@value #SVG_EVENTS} events, for a document, and a
 * self-contained HTML page (no network needed) that holds every kept event and draws only
 * the rows on screen, so a trace of 100,000 events scrolls without freezing the page.
 *
 * <pre>{@code
 * Trace trace = Trace.start(10_000);
 * scheduler.run();
 * Trace.stop();
 * TracePicture.write(trace, Path.of("target/pipeline"));   // pipeline.html, pipeline.svg, pipeline.txt
 * }</pre>
 *
 * {@link Trace} (in axon) only records; drawing is here, so that the core holds no
 * pictures. {@code -Daxon.trace=FILE} finds {@link #write} by name when the program ends,
 * and the live view serves {@link #html} as its {@code /trace} page.
 */
public final class TracePicture {
    /** The most events an SVG shows: the last ones. */
    static final int SVG_EVENTS = 400;
    private static final int ROW = 20;
    private static final int LANE = 150;
    private static final int TOP = 40;
    private static final int TEXT_COLUMN = 520;

    private TracePicture() {
    }

    /**
     * Writes the trace next to {@code file}, named after it without its extension:
     * {@code NAME.html} (a page to open in a browser, which draws only what is on screen),
     * {@code NAME.svg} (the last events, for a document) and {@code NAME.txt}.
     *
     * @return the page's path
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Path write(Trace trace, Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.(html|svg|txt)$", "");
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            List<Trace.Event> events = trace.events();
            Path page = folder.resolve(name + ".html");
            Files.writeString(page, html(events, trace.dropped()), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(name + ".svg"), svg(events, trace.dropped()), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(name + ".txt"), trace.toText(), StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the trace to " + folder.resolve(name) + ".html: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Draws an empty trace once, so that every class that writing needs is loaded now: a
     * program run by a tool (exec:java) may lose its class loader before the end, when
     * {@code -Daxon.trace} writes.
     */
    public static void prepare() {
        svg(List.of(new Trace.Event(0, Trace.Kind.CYCLE, 0, "", "", "", "", "")), 0);
        html(List.of(), 0);
    }

    /** The lifelines, in the order they first appear: those that ran, and the owners of the boxes used. */
    public static List<String> lifelines(List<Trace.Event> events) {
        Map<String, Boolean> lanes = new LinkedHashMap<>();
        for (Trace.Event e : events) {
            for (String name : List.of(e.who(), Trace.Event.ownerOf(e.box()), Trace.Event.ownerOf(e.to()))) {
                if (!name.isEmpty()) {
                    lanes.putIfAbsent(name, true);
                }
            }
        }
        return new ArrayList<>(lanes.keySet());
    }

    /** An SVG of the last {@value #SVG_EVENTS} events. */
    public static String svg(List<Trace.Event> all, long dropped) {
        List<Trace.Event> events = all.size() <= SVG_EVENTS ? all : all.subList(all.size() - SVG_EVENTS, all.size());
        long before = dropped + (all.size() - events.size());
        List<String> lanes = lifelines(events);
        int longest = events.stream().mapToInt(e -> e.line().length()).max().orElse(0);
        int width = lanes.size() * LANE + Math.max(TEXT_COLUMN, longest * 6 + 20); // about 6 pixels a character
        int height = TOP + events.size() * ROW + (before > 0 ? ROW : 0) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1d4ed8\"/>"
                + "</marker></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        int y0 = TOP + (before > 0 ? ROW : 0);
        if (before > 0) {
            svg.append(text(8, TOP + 14, "(" + before + " earlier events not shown)", "#6b7280", "start"));
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).cycle() % 2 == 1) {
                svg.append("<rect x=\"0\" y=\"").append(y0 + i * ROW).append("\" width=\"").append(width)
                        .append("\" height=\"").append(ROW).append("\" fill=\"#f3f4f6\"/>\n");
            }
        }
        for (int l = 0; l < lanes.size(); l++) {
            int x = laneX(l);
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 8).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"#9ca3af\" stroke-dasharray=\"4 3\"/>\n");
            svg.append(text(x, 16, lanes.get(l), "#111827", "middle").replace("<text ", "<text font-weight=\"bold\" "));
        }
        for (int i = 0; i < events.size(); i++) {
            row(svg, events.get(i), lanes, y0 + i * ROW, lanes.size() * LANE + 10);
        }
        return svg.append("</svg>\n").toString();
    }

    private static int laneX(int lane) {
        return lane * LANE + LANE / 2;
    }

    private static void row(StringBuilder svg, Trace.Event e, List<String> lanes, int y, int textX) {
        int mid = y + ROW / 2;
        int who = lanes.indexOf(e.who());
        int owner = lanes.indexOf(Trace.Event.ownerOf(e.box()));
        int dest = lanes.indexOf(Trace.Event.ownerOf(e.to()));
        String line = e.line().substring(e.line().indexOf('\t') + 1);
        String colour = "#374151";
        switch (e.kind()) {
            case CYCLE -> {
                svg.append(text(8, mid + 4, "cycle " + e.cycle(), "#6b7280", "start"));
                line = "";
            }
            case STEP -> circle(svg, laneX(who), mid, 4, "#111827");
            case PUT -> {
                int from = who >= 0 ? who : owner;
                if (dest < 0 || e.strayed()) {
                    colour = "#b91c1c";
                    svg.append(text(laneX(owner), mid + 4, "✗", colour, "middle"));
                }
                if (dest >= 0 && dest == from) {
                    svg.append("<path d=\"M").append(laneX(from)).append(',').append(y + 4).append(" h24 v12 h-24\"")
                            .append(" fill=\"none\" stroke=\"#1d4ed8\" marker-end=\"url(#arrow)\"/>\n");
                } else if (dest >= 0) {
                    arrow(svg, laneX(from), laneX(dest), mid, false);
                }
            }
            case TAKE -> circle(svg, laneX(owner), mid, 4, "#15803d");
            case LINK, UNLINK -> {
                colour = "#6b7280";
                if (owner != dest) {
                    arrow(svg, laneX(owner), laneX(dest), mid, true);
                }
            }
            case ASLEEP -> svg.append(text(laneX(who) + 8, mid + 4, "z", "#6b7280", "start"));
            case WOKEN -> svg.append(text(laneX(who) + 8, mid + 4, "!", "#c2410c", "start"));
            case FINISHED -> svg.append("<line x1=\"").append(laneX(who) - 6).append("\" y1=\"").append(mid)
                    .append("\" x2=\"").append(laneX(who) + 6).append("\" y2=\"").append(mid)
                    .append("\" stroke=\"#111827\" stroke-width=\"3\"/>\n");
            case LEFT -> {
                colour = "#b91c1c";
                svg.append("<rect x=\"").append(laneX(owner) - 6).append("\" y=\"").append(mid - 6)
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/>\n");
            }
        }
        if (!line.isEmpty()) {
            svg.append(text(textX, mid + 4, line, colour, "start"));
        }
    }

    private static void circle(StringBuilder svg, int x, int y, int r, String fill) {
        svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(r)
                .append("\" fill=\"").append(fill).append("\"/>\n");
    }

    private static void arrow(StringBuilder svg, int x1, int x2, int y, boolean dashed) {
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2)
                .append("\" y2=\"").append(y).append("\" stroke=\"").append(dashed ? "#6b7280" : "#1d4ed8")
                .append('"').append(dashed ? " stroke-dasharray=\"5 3\"" : "")
                .append(" marker-end=\"url(#arrow)\"/>\n");
    }

    private static String text(int x, int y, String text, String fill, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + fill + "\" text-anchor=\"" + anchor + "\">"
                + xml(text) + "</text>\n";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The events as a JSON array of arrays: [number, kind, cycle, who, box, to, text, line]. */
    private static String json(List<Trace.Event> events) {
        StringBuilder json = new StringBuilder(events.size() * 80).append('[');
        for (Trace.Event e : events) {
            if (json.length() > 1) {
                json.append(",\n");
            }
            json.append('[').append(e.number()).append(',').append(e.kind().ordinal()).append(',').append(e.cycle());
            for (String s : List.of(e.who(), e.box(), e.to(), e.line().substring(e.line().indexOf('\t') + 1))) {
                json.append(',').append(jsonString(s));
            }
            json.append(']');
        }
        return json.append(']').toString();
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c"); // so no text can close the script element
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A page that draws the rows on screen only, so any kept trace scrolls smoothly. */
    public static String html(List<Trace.Event> events, long dropped) {
        StringBuilder lanes = new StringBuilder("[");
        for (String lane : lifelines(events)) {
            lanes.append(lanes.length() > 1 ? "," : "").append(jsonString(lane));
        }
        lanes.append(']');
        return PAGE.replace("/*DROPPED*/0", String.valueOf(dropped))
                .replace("/*LANES*/[]", lanes.toString())
                .replace("/*EVENTS*/[]", json(events));
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Trace: what ran</title>
            <style>
            body{margin:0;font:12px sans-serif;color:#111827}
            #bar{position:sticky;top:0;background:#fff;border-bottom:1px solid #d1d5db;padding:6px 8px;z-index:2}
            #heads{position:relative;height:22px;white-space:nowrap}
            #heads span{position:absolute;top:4px;width:146px;text-align:center;font-weight:bold;overflow:hidden;text-overflow:ellipsis}
            #scroll{position:relative}
            #view{position:sticky;top:0;display:block}
            </style></head><body>
            <div id="bar"><b>What ran</b> <span id="count"></span>
             &nbsp; find: <input id="find" size="24" placeholder="a message, box or component"> <button id="next">next</button>
             <span id="found"></span>
             <div id="heads"></div></div>
            <div id="scroll"><canvas id="view"></canvas></div>
            <script>
            const DROPPED = /*DROPPED*/0;
            const LANES = /*LANES*/[];
            const EVENTS = /*EVENTS*/[];
            const KIND = ["CYCLE","STEP","PUT","TAKE","LINK","UNLINK","ASLEEP","WOKEN","FINISHED","LEFT"];
            const ROW = 20, LANE = 150;
            const TEXT_WIDTH = Math.max(560, 20 + 6 * EVENTS.reduce((most, e) => Math.max(most, e[6].length), 0));
            const laneOf = new Map(LANES.map((name, i) => [name, i]));
            const owner = box => { const dot = box.lastIndexOf("."); return dot < 0 ? box : box.substring(0, dot); };
            const x = lane => lane * LANE + LANE / 2;
            const scroll = document.getElementById("scroll"), canvas = document.getElementById("view");
            const bar = document.getElementById("bar"), ctx = canvas.getContext("2d");
            const width = LANES.length * LANE + TEXT_WIDTH;
            let marked = -1;
            document.getElementById("count").textContent = EVENTS.length + " events"
                + (DROPPED > 0 ? " (the " + DROPPED + " before them were dropped: the trace keeps the last ones)" : "")
                + ", " + LANES.length + " lifelines. Blue: a message put and where it was stored;"
                + " green: taken; grey dashes: links; red: left waiting at the end, or stored nowhere.";
            const heads = document.getElementById("heads");
            LANES.forEach((name, i) => { const s = document.createElement("span"); s.textContent = name; s.title = name;
                s.style.left = (i * LANE + 2) + "px"; heads.appendChild(s); });
            scroll.style.height = (EVENTS.length * ROW + 40) + "px";
            scroll.style.width = width + "px";
            function arrow(x1, x2, y, colour, dashed) {
              ctx.strokeStyle = colour; ctx.fillStyle = colour; ctx.setLineDash(dashed ? [5, 3] : []);
              ctx.beginPath(); ctx.moveTo(x1, y); ctx.lineTo(x2, y); ctx.stroke(); ctx.setLineDash([]);
              const d = x2 > x1 ? -1 : 1;
              ctx.beginPath(); ctx.moveTo(x2, y); ctx.lineTo(x2 + 7 * d, y - 4); ctx.lineTo(x2 + 7 * d, y + 4); ctx.fill();
            }
            function dot(lane, y, colour) { ctx.fillStyle = colour; ctx.beginPath(); ctx.arc(x(lane), y, 4, 0, 7); ctx.fill(); }
            function draw() {
              const top = Math.max(0, window.scrollY - scroll.offsetTop);
              const height = window.innerHeight - bar.offsetHeight;
              const scale = window.devicePixelRatio || 1;
              canvas.width = width * scale; canvas.height = height * scale;
              canvas.style.width = width + "px"; canvas.style.height = height + "px";
              ctx.setTransform(scale, 0, 0, scale, 0, 0);
              ctx.font = "11px sans-serif"; ctx.textBaseline = "middle";
              const first = Math.floor(top / ROW), last = Math.min(EVENTS.length, Math.ceil((top + height) / ROW) + 1);
              const offset = first * ROW - top;
              for (let i = first; i < last; i++) {
                const y = offset + (i - first) * ROW;
                if (EVENTS[i][2] % 2 === 1) { ctx.fillStyle = "#f3f4f6"; ctx.fillRect(0, y, width, ROW); }
                if (i === marked) { ctx.fillStyle = "#fef08a"; ctx.fillRect(0, y, width, ROW); }
              }
              ctx.strokeStyle = "#9ca3af"; ctx.setLineDash([4, 3]);
              for (let l = 0; l < LANES.length; l++) { ctx.beginPath(); ctx.moveTo(x(l), 0); ctx.lineTo(x(l), height); ctx.stroke(); }
              ctx.setLineDash([]);
              for (let i = first; i < last; i++) {
                const [number, kind, cycle, who, box, to, line] = EVENTS[i];
                const y = offset + (i - first) * ROW + ROW / 2;
                const w = laneOf.get(who), o = laneOf.get(owner(box)), d = laneOf.get(owner(to));
                let colour = "#374151", text = line;
                switch (KIND[kind]) {
                  case "CYCLE": ctx.fillStyle = "#6b7280"; ctx.fillText("cycle " + cycle, 6, y); text = ""; break;
                  case "STEP": dot(w, y, "#111827"); break;
                  case "PUT": {
                    const from = w !== undefined ? w : o;
                    if (d === undefined || line.includes("did not follow the link")) {
                      colour = "#b91c1c"; ctx.fillStyle = colour; ctx.fillText("\\u2717", x(o) - 4, y); }
                    if (d === undefined) break;
                    if (d === from) { ctx.strokeStyle = "#1d4ed8"; ctx.strokeRect(x(from), y - 6, 22, 12); }
                    else arrow(x(from), x(d), y, "#1d4ed8", false);
                    break;
                  }
                  case "TAKE": dot(o, y, "#15803d"); break;
                  case "LINK": case "UNLINK": colour = "#6b7280"; if (o !== d) arrow(x(o), x(d), y, colour, true); break;
                  case "ASLEEP": ctx.fillStyle = "#6b7280"; ctx.fillText("z", x(w) + 8, y); break;
                  case "WOKEN": ctx.fillStyle = "#c2410c"; ctx.fillText("!", x(w) + 8, y); break;
                  case "FINISHED": ctx.fillStyle = "#111827"; ctx.fillRect(x(w) - 6, y - 1, 12, 3); break;
                  case "LEFT": colour = "#b91c1c"; ctx.fillStyle = colour; ctx.fillRect(x(o) - 6, y - 6, 12, 12); break;
                }
                if (text) { ctx.fillStyle = colour; ctx.fillText(number + "  " + text, LANES.length * LANE + 10, y); }
              }
            }
            let pending = false;
            const redraw = () => { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; draw(); }); } };
            window.addEventListener("scroll", redraw); window.addEventListener("resize", redraw);
            function findNext() {
              const wanted = document.getElementById("find").value.toLowerCase();
              if (!wanted) return;
              for (let k = 1; k <= EVENTS.length; k++) {
                const i = (marked + k) % EVENTS.length;
                if (EVENTS[i][6].toLowerCase().includes(wanted)) {
                  marked = i; document.getElementById("found").textContent = "event " + EVENTS[i][0];
                  window.scrollTo(0, scroll.offsetTop + i * ROW - 3 * ROW); redraw(); return;
                }
              }
              document.getElementById("found").textContent = "not found";
            }
            document.getElementById("next").onclick = findNext;
            document.getElementById("find").onkeydown = e => { if (e.key === "Enter") findNext(); };
            draw();
            </script></body></html>
            """;
}
