// Opens the live view of a running demo in headless Chromium and checks what a person
// would see: called by check-live-view.sh, which starts the demo and passes its address.
//
//   node check-live-view.mjs small|large URL SCREENSHOT.png
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
  const page = await browser.newPage({ viewport: mode === "small" ? { width: 1500, height: 560 }
                                                                  : { width: 1900, height: 1000 } });
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
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error("The live view check failed: " + failures.join("; "));
  process.exit(1);
}
