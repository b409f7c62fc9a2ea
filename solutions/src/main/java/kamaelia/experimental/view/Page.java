package kamaelia.experimental.view;

/**
 * The live view's page: HTML, a style sheet and a script, all in this one text, served by
 * the program itself (nothing is fetched from anywhere else, so it works offline).
 *
 * <p>The script reads the token from its own address, listens to {@code /events} (one
 * frame of JSON per update, see {@link Frames}) and draws each frame as SVG: the places
 * come from the frame, so the page does no layout of its own. The buttons post to
 * {@code /control}. Each component, port and link carries {@code data-} attributes
 * (name, box, waiting, link, crossed) so that a test in a browser can read what is shown;
 * a link that messages crossed since the previous frame has one dot running along it per
 * message (five at most).
 */
final class Page {
    private Page() {
    }

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Live view</title>
            <style>
              body { margin: 0; font-family: Helvetica, Arial, sans-serif; background: #fff; color: #202124; }
              header { position: sticky; top: 0; background: #f8f9fa; border-bottom: 1px solid #dadce0;
                       padding: 6px 12px; display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center;
                       font-size: 14px; }
              header b { font-size: 15px; }
              button { font-size: 14px; padding: 3px 12px; white-space: nowrap; }
              #status { color: #5f6368; white-space: nowrap; }
              #status.gone { color: #b3261e; }
              #legend { color: #5f6368; font-size: 12px; flex-basis: 100%; }
              #trace { white-space: nowrap; }
              #picture { padding: 8px; }
              svg text { font-size: 12px; }
              .link { fill: none; stroke: #3c4043; stroke-width: 1.3; transition: stroke .25s, stroke-width .25s; }
              .link.control { stroke: #9aa0a6; stroke-width: 1; stroke-dasharray: 4 3; }
              .link.moved { stroke: #f29900; stroke-width: 3; }
              .head { fill: #3c4043; }
              .head.control { fill: #9aa0a6; }
              .head.moved { fill: #f29900; }
              .message { fill: #f29900; stroke: #fff; stroke-width: 1; }
            </style>
            </head>
            <body>
            <header>
              <b id="title">Live view</b>
              <button id="pause" type="button">Pause</button>
              <button id="step" type="button">Step one cycle</button>
              <button id="run" type="button">Run</button>
              <a id="trace" href="#" target="_blank" rel="noopener">What ran (trace)</a>
              <span id="status">connecting...</span>
              <span id="legend">green: awake, grey: asleep, blue: chassis, dashed: threaded;
                inboxes left, outboxes right, (n): messages waiting; orange dot: a message crossing a link;
                purple badge: a service, orange badge: a backplane</span>
            </header>
            <div id="picture"></div>
            <script>
            "use strict";
            const token = new URLSearchParams(location.search).get("token") || "";
            const q = "?token=" + encodeURIComponent(token);
            const picture = document.getElementById("picture");
            document.getElementById("trace").href = "trace" + q;
            const statusLine = document.getElementById("status");
            function esc(text) {
              return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
                  .replace(/"/g, "&quot;");
            }
            function draw(f) {
              const out = [];
              out.push('<svg xmlns="http://www.w3.org/2000/svg" width="' + f.width + '" height="' + f.height
                  + '" font-family="Helvetica, Arial, sans-serif">');
              for (const s of f.shapes) {
                const fill = s.chassis ? "#f8fbff" : s.asleep ? "#f1f3f4" : "#e6f4ea";
                const stroke = s.chassis ? "#1a73e8" : s.asleep ? "#80868b" : "#2e7d32";
                out.push('<g class="component" data-name="' + esc(s.name) + '" data-asleep="' + s.asleep
                    + '" data-kind="' + esc(s.kind) + '">');
                out.push('<rect x="' + s.x + '" y="' + s.y + '" width="' + s.w + '" height="' + s.h
                    + '" rx="6" fill="' + fill + '" stroke="' + stroke + '" stroke-width="1.2"'
                    + (s.kind === "threaded component" ? ' stroke-dasharray="5,3"' : '') + '/>');
                const left = s.x + 10 + s.indent;
                let line = s.y + 22;
                out.push('<text x="' + left + '" y="' + line + '" font-weight="bold">' + esc(s.name) + '</text>');
                line += 16;
                out.push('<text x="' + left + '" y="' + line + '" fill="#5f6368" font-size="11">'
                    + esc(s.kind + ", " + (s.asleep ? "asleep" : "awake")) + '</text>');
                for (const note of s.notes) {
                  // A service the component stands for: a badge, orange for a backplane, purple for another service.
                  line += 14;
                  const backplane = note.startsWith("backplane ");
                  out.push('<g class="badge ' + (backplane ? "backplane" : "service") + '" data-service="' + esc(note)
                      + '"><rect x="' + left + '" y="' + (line - 10) + '" width="' + (note.length * 6.4 + 12)
                      + '" height="13" rx="6.5" fill="' + (backplane ? "#c2410c" : "#6d28d9") + '"/><text x="'
                      + (left + 6) + '" y="' + line + '" fill="#ffffff" font-size="10.5" font-weight="bold">'
                      + esc(note) + '</text></g>');
                }
                for (const p of s.ports) {
                  const waiting = p.waiting > 0;
                  out.push('<g class="port" data-box="' + esc(s.name + "." + p.box) + '" data-waiting="' + p.waiting + '">');
                  out.push('<rect x="' + (p.x - 4) + '" y="' + (p.y - 4) + '" width="8" height="8" fill="'
                      + (waiting ? "#fbbc04" : "#ffffff") + '" stroke="#3c4043"/>');
                  const label = waiting ? p.box + " (" + p.waiting + ")" : p.box;
                  out.push('<text x="' + (p.inbox ? p.x + 8 : p.x - 8) + '" y="' + (p.y + 4) + '"'
                      + (p.inbox ? '' : ' text-anchor="end"')
                      + (waiting ? ' font-weight="bold" fill="#b3261e"' : ' fill="#202124"') + '>' + esc(label) + '</text>');
                  out.push('</g>');
                }
                out.push('</g>');
              }
              for (const r of f.routes) {
                const pts = r.points;
                if (pts.length < 2) continue;
                const cls = (r.control ? " control" : "") + (r.moved ? " moved" : "");
                const d = "M" + pts.map(p => p[0] + "," + p[1]).join(" L");
                out.push('<path class="link' + cls + '" data-link="' + esc(r.link) + '" data-crossed="' + r.crossed
                    + '" d="' + d + '"><title>' + esc(r.link) + (r.crossed > 0 ? ": " + r.crossed
                    + " message" + (r.crossed === 1 ? "" : "s") + " crossed since the last picture" : "") + '</title></path>');
                // One dot runs along the link for each message that crossed it (five at most), in the time between two pictures.
                for (let i = 0; i < Math.min(r.crossed, 5); i++) {
                  out.push('<circle class="message" r="4" opacity="0"><animateMotion dur="0.18s" begin="' + (i * 0.035)
                      + 's" fill="freeze" path="' + d + '"/><set attributeName="opacity" to="1" begin="' + (i * 0.035)
                      + 's" dur="0.18s"/></circle>');
                }
                const [ex, ey] = pts[pts.length - 1], [bx, by] = pts[pts.length - 2];
                const len = Math.max(1e-9, Math.hypot(ex - bx, ey - by)), ux = (ex - bx) / len, uy = (ey - by) / len;
                out.push('<path class="head' + cls + '" d="M' + ex + ',' + ey + ' L' + (ex - 7 * ux - 3.5 * uy) + ','
                    + (ey - 7 * uy + 3.5 * ux) + ' L' + (ex - 7 * ux + 3.5 * uy) + ',' + (ey - 7 * uy - 3.5 * ux) + ' Z"/>');
              }
              out.push('</svg>');
              picture.innerHTML = out.join("");
              document.getElementById("title").textContent = f.scheduler;
              statusLine.className = "";
              statusLine.textContent = "cycle " + f.cycles + ", " + f.count + " microprocesses, " + f.asleep
                  + " asleep" + (f.paused ? ", PAUSED" : ", running");
              document.body.dataset.frame = f.frame;
              document.body.dataset.cycles = f.cycles;
              document.body.dataset.paused = f.paused;
            }
            function control(what) {
              fetch("control" + q + "&do=" + what, { method: "POST" });
            }
            document.getElementById("pause").onclick = () => control("pause");
            document.getElementById("step").onclick = () => control("step");
            document.getElementById("run").onclick = () => control("run");
            const events = new EventSource("events" + q);
            events.onmessage = e => draw(JSON.parse(e.data));
            events.onerror = () => {
              statusLine.className = "gone";
              statusLine.textContent = "not connected: the program has ended or closed its view";
            };
            </script>
            </body>
            </html>
            """;
}
