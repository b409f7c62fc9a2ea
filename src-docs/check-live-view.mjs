// Opens the live view of a running demo in headless Chromium and checks what a person
// would see: called by check-live-view.sh, which starts the demo and passes its address.
//
//   node check-live-view.mjs small|large|flag|trace URL SCREENSHOT.png
//
// small, large: the page of LiveDemo and of LiveCapstone. flag: a stage demo run with
// -Daxon.view (paused at its first cycle; its backplane drawn as a badge). trace: the
// /trace page of LiveDemo run with -Daxon.trace, once it holds 100,000 events.
//
// Exits 0 when every check passed, 1 (with a sentence on stderr) when one failed.
import { chromium } from "playwright-core";

const [mode, url, screenshot] = process.argv.slice(2);
const base = url.slice(0, url.indexOf("/?token="));
const failures = [];
function check(ok, sentence) {
  console.log((ok ? "  ok    " : "  FAIL  ") + sentence);
  if (!ok) failures.push(sentence);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
try {
  if (mode === "trace") {
    await checkTrace();
  } else if (mode === "flag") {
    await checkFlag();
  } else {
    await checkView();
  }
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error("The live view check failed: " + failures.join("; "));
  process.exit(1);
}

// The trace page, behind the view's token: refused without it; with it, lifelines and events
// drawn, and 100,000 events load and scroll without freezing the page.
async function checkTrace() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const token = url.slice(url.indexOf("?token=") + 7);
  for (const [what, address] of [["no token", base + "/trace"], ["a wrong token", base + "/trace?token=" + "0".repeat(32)],
                                 ["an empty token", base + "/trace?token="]]) {
    const response = await page.goto(address);
    const body = await page.content();
    check(response.status() === 403 && !body.includes("LANES"),
          "the trace page with " + what + " is refused (" + response.status() + ") and shows nothing of the trace");
  }
  const run = await page.request.post(base + "/control?token=" + token + "&do=run");
  check(run.status() === 200, "Run is accepted (" + run.status() + ")");
  let events = 0, loadMillis = 0;
  for (let tries = 0; tries < 40 && events < 100000; tries++) {
    await page.waitForTimeout(tries === 0 ? 500 : 2000);
    const started = Date.now();
    const response = await page.goto(base + "/trace?token=" + token, { timeout: 60000 });
    if (response.status() !== 200) continue;
    await page.waitForFunction(() => typeof EVENTS !== "undefined", null, { timeout: 60000 });
    loadMillis = Date.now() - started;
    events = await page.evaluate(() => EVENTS.length);
  }
  check(events === 100000, "the trace page holds the last 100,000 events (" + events + ")");
  check(loadMillis < 15000, "it loads and draws in " + loadMillis + " ms (under 15 s)");
  const lanes = await page.evaluate(() => LANES.length);
  const heads = await page.$$eval("#heads span", spans => spans.map(s => s.textContent));
  check(lanes >= 4 && heads.length === lanes, heads.length + " lifelines are drawn, one per component: "
        + heads.slice(0, 6).join(", "));
  check(heads.some(h => h.startsWith("ThreadedTransformer#")), "the worker has a lifeline");
  const inked = async () => page.evaluate(() => {
    const canvas = document.getElementById("view");
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 200) n++;
    return n;
  });
  check(await inked() > 1000, "events are drawn on the canvas");
  const redraw = await page.evaluate(async () => {
    const times = [];
    for (const at of [0.25, 0.5, 0.75, 1]) {
      const started = performance.now();
      window.scrollTo(0, at * (document.body.scrollHeight - window.innerHeight));
      await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
      times.push(performance.now() - started);
    }
    return Math.max(...times);
  });
  check(redraw < 500, "scrolling through it redraws in " + Math.round(redraw) + " ms at most (the page does not freeze)");
  check(await inked() > 1000, "events are drawn where it was scrolled to");
  await page.fill("#find", "done");
  await page.click("#next");
  check((await page.textContent("#found")).startsWith("event "), "find goes to a message: " + await page.textContent("#found"));
  await page.screenshot({ path: screenshot });
}

// A demo that knows nothing of the view, run with -Daxon.view: its page, paused before the
// first cycle, its backplane drawn as a badge, and the system run to its end from the page.
async function checkFlag() {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const response = await page.goto(url);
  check(response.status() === 200, "-Daxon.view serves the page of a program that opens no view itself");
  await page.waitForSelector("g.component", { timeout: 15000 });
  check(await page.evaluate(() => document.body.dataset.paused) === "true", "it starts paused, before the first cycle");
  check(Number(await page.evaluate(() => document.body.dataset.cycles)) <= 1, "no cycle has run");
  for (let i = 0; i < 4 && (await page.$$("g.badge.backplane")).length === 0; i++) {
    const before = Number(await page.evaluate(() => document.body.dataset.cycles));
    await page.click("#step");
    await page.waitForFunction(c => Number(document.body.dataset.cycles) > c, before, { timeout: 10000 });
  }
  const badges = await page.$$eval("g.badge", gs => gs.map(g => g.getAttribute("class") + ": " + g.dataset.service));
  console.log("  badges: " + badges.join("; "));
  check(badges.some(b => b.startsWith("badge backplane: backplane weather")), "the backplane is marked with a badge");
  await page.screenshot({ path: screenshot });
  const stepped = Number(await page.evaluate(() => document.body.dataset.cycles));
  await page.click("#run");
  await page.waitForFunction(c => Number(document.body.dataset.cycles) > c, stepped, { timeout: 15000 });
  check(true, "after Run, the system runs on (cycle " + await page.evaluate(() => document.body.dataset.cycles) + ")");
}

async function checkView() {
  const page = await browser.newPage({ viewport: mode === "small" ? { width: 1240, height: 500 }
                                                                  : { width: 1900, height: 1000 },
                                       deviceScaleFactor: mode === "small" ? 2 : 1 });
  const names = async () => page.$$eval("g.component", gs => gs.map(g => g.dataset.name));
  const waiting = async box => page.$$eval("g.port", (ps, box) => {
    const p = ps.find(p => p.dataset.box.startsWith(box.split("#")[0]) && p.dataset.box.endsWith("." + box.split(".")[1]));
    return p ? Number(p.dataset.waiting) : -1;
  }, box);
  const frame = async () => Number(await page.evaluate(() => document.body.dataset.frame || 0));
  const nextFrame = async () => {
    const seen = await frame();
    await page.waitForFunction(seen => Number(document.body.dataset.frame || 0) > seen, seen, { timeout: 10000 });
  };

  if (mode === "small") {
    for (const [what, address] of [["no token", base + "/"], ["a wrong token", base + "/?token=0123456789abcdef"],
                                   ["an empty token", base + "/?token="]]) {
      const response = await page.goto(address);
      await page.waitForTimeout(500);
      const shown = await page.$$eval("g.component", gs => gs.length);
      check(response.status() === 403 && shown === 0,
            "with " + what + ", the page is refused (" + response.status() + ") and shows no component (" + shown + ")");
    }
  }

  const response = await page.goto(url);
  check(response.status() === 200, "with the token, the page is served (" + response.status() + ")");
  await page.waitForSelector("g.component", { timeout: 15000 });
  await nextFrame();
  const shown = await names();
  console.log("  shown: " + shown.join(", "));
  const expected = mode === "small"
      ? ["Graphline", "Source", "Pipeline", "ThreadedTransformer", "Grep", "ConsolePrinter"]
      : ["Graphline", "FindFiles", "Sort", "NameFilter", "Tee", "Balancer", "Transcoder", "Uploader", "Progress",
         "StopButton"];
  for (const type of expected) {
    check(shown.some(name => name.startsWith(type + "#")), "a " + type + " is drawn");
  }
  const links = await page.$$eval("path.link", ps => ps.map(p => p.dataset.link));
  check(links.length >= (mode === "small" ? 8 : 20), links.length + " links are drawn");
  if (mode === "small") {
    check(links.some(l => /^Source#\d+\.outbox -> Pipeline#\d+\.inbox$/.test(l)),
          "the link from the jobs to the worker's pipeline is drawn");
    const ports = await page.$$eval("g.port", ps => ps.length);
    check(ports >= 6 * 4, ports + " boxes are drawn as ports");
    check(await page.evaluate(() => document.body.dataset.paused) === "true", "the demo starts paused");
    const cycles = async () => Number(await page.evaluate(() => document.body.dataset.cycles));
    for (let i = 0; i < 3; i++) {
      const before = await cycles();
      await page.click("#step");
      await page.waitForFunction(c => Number(document.body.dataset.cycles) !== c, before, { timeout: 10000 });
      const after = await cycles();
      check(after === before + 1, "Step one cycle runs one cycle (" + before + " then " + after + ")");
    }
    await page.click("#run");
    const seen = [];
    let most = 0, shot = false;
    for (let i = 0; i < 150; i++) {
      await page.waitForTimeout(100);
      const now = await waiting("ThreadedTransformer#.inbox");
      if (now < 0) break;                     // the worker has finished
      seen.push(now);
      most = Math.max(most, now);
      if (!shot && now >= 10) {
        await page.screenshot({ path: screenshot, fullPage: true });
        shot = true;
        const crossed = await page.$$eval("path.link", ps => ps.reduce((n, p) => n + Number(p.dataset.crossed || 0), 0));
        check(crossed > 0, crossed + " messages are shown crossing links in this picture");
      }
      if (most >= 10 && now < most - 5) break;
    }
    console.log("  waiting in the worker's inbox, every 100 ms: " + seen.join(" "));
    check(most > 0 && seen[seen.length - 1] < most,
          "running, jobs pile up in the worker's inbox and the count falls as it takes them");
    check(shot, "a screenshot was taken while ten jobs or more waited");
  } else {
    await page.screenshot({ path: screenshot, fullPage: true });
    const before = Number(await page.evaluate(() => document.body.dataset.cycles));
    await page.click("#run");
    await page.waitForFunction(c => Number(document.body.dataset.cycles) > c + 5, before, { timeout: 15000 });
    check(true, "after Run, the picture follows the running batch");
    const lanes = await page.$$eval("g.component", gs => gs.filter(g => /^(Transcoder|Uploader)#/.test(g.dataset.name)
        && g.dataset.asleep === "false").length);
    console.log("  " + lanes + " transcoders and uploaders awake now");
  }
}
