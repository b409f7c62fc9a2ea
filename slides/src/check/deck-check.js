// What a person at the back of the room would see, measured on every slide of a
// reveal.js deck by slides/check-screenshots.sh (headless Chromium, 1280x720).
// It writes one line per fault into <pre id="deck-check">, which the script reads:
//
//  - something taller or wider than the slide, or code that would need a scroll bar;
//  - text smaller than 24 px on the 1280x720 slide: code, output, table cells, list
//    items, and the labels and chart text inside SVG pictures;
//  - text whose contrast against what is behind it is below 4.5:1 (WCAG AA), in HTML
//    and in SVG pictures alike (a white label on a white box is 1:1);
//  - an element covered by another one that is not part of it (a navigation arrow or
//    a slide number over code, a picture over a table), and labels of a picture that
//    overlap each other.
//
// SVG pictures are read as SVG (the browser must be started with
// --allow-file-access-from-files) and put into the page in place of their <img>, at the
// same size, so that their texts can be measured where they are drawn.
(function () {
  var MIN_PX = 24, MIN_CONTRAST = 4.5;

  function rgba(text) {
    var m = /rgba?\(([^)]+)\)/.exec(text || "");
    if (!m) return null;
    var p = m[1].split(",").map(function (s) { return parseFloat(s); });
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function luminance(c) {
    function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function hex(c) {
    return "#" + [c.r, c.g, c.b].map(function (v) { return ("0" + Math.round(v).toString(16)).slice(-2); }).join("");
  }
  function short(text) {
    text = text.replace(/\s+/g, " ").trim();
    return text.length > 40 ? text.slice(0, 37) + "..." : text;
  }
  function visible(el) {
    var s = getComputedStyle(el);
    if (s.display === "none" || s.visibility === "hidden" || parseFloat(s.opacity) === 0) return false;
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }
  // The background an HTML element's text is drawn on: the first opaque one up the tree.
  function htmlBackground(el) {
    for (; el && el.nodeType === 1; el = el.parentElement) {
      var c = rgba(getComputedStyle(el).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  // The fill of the topmost shape of the same picture under a point, other than text
  // (something else on top of the picture is the covered check's business).
  function svgBackground(svg, x, y) {
    var under = document.elementsFromPoint(x, y);
    for (var i = 0; i < under.length; i++) {
      var el = under[i];
      if (!svg.contains(el) || !(el instanceof SVGGraphicsElement) || el instanceof SVGTextContentElement || el instanceof SVGSVGElement) {
        continue;
      }
      var s = getComputedStyle(el);
      if (s.fill === "none" || parseFloat(s.fillOpacity) === 0) continue;
      var c = rgba(s.fill);
      if (c) return c;
    }
    return htmlBackground(svg.parentElement);
  }

  function inlineSvgs(slide) {
    slide.querySelectorAll("img").forEach(function (img) {
      if (!/\.svg($|\?)/.test(img.getAttribute("src") || "") || !visible(img)) return;
      var xhr = new XMLHttpRequest();
      try {
        xhr.open("GET", img.src, false);
        xhr.send();
      } catch (e) {
        return;
      }
      var doc = new DOMParser().parseFromString(xhr.responseText, "image/svg+xml");
      var svg = doc.documentElement;
      if (!svg || svg.nodeName !== "svg") return;
      if (!svg.getAttribute("viewBox") && svg.getAttribute("width")) {
        svg.setAttribute("viewBox", "0 0 " + parseFloat(svg.getAttribute("width")) + " " + parseFloat(svg.getAttribute("height")));
      }
      svg.setAttribute("width", img.offsetWidth);
      svg.setAttribute("height", img.offsetHeight);
      svg.setAttribute("data-src", img.getAttribute("src"));
      svg.style.cssText = img.style.cssText;
      svg.style.display = "block";
      svg.style.margin = getComputedStyle(img).margin;
      img.replaceWith(document.importNode(svg, true));
    });
  }

  function checkSlide(slide, name, scale, lines) {
    var cfg = Reveal.getConfig();
    if (slide.scrollHeight > cfg.height + 2) lines.push(name + ": " + slide.scrollHeight + "px tall, the slide is " + cfg.height + "px");
    if (slide.scrollWidth > cfg.width + 2) lines.push(name + ": " + slide.scrollWidth + "px wide, the slide is " + cfg.width + "px");
    slide.querySelectorAll("pre, pre code, table, .imageblock").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) {
        lines.push(name + ": a " + el.tagName.toLowerCase() + " is cut off (" + el.scrollWidth + "x" + el.scrollHeight + " in " + el.clientWidth + "x" + el.clientHeight + ")");
      }
    });

    // HTML text: every element that holds text of its own.
    var walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    var seen = new Set();
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var el = node.parentElement;
      if (!node.textContent.trim() || seen.has(el) || el.closest("aside.notes") || el.closest("svg")) continue;
      seen.add(el);
      if (!visible(el)) continue;
      var s = getComputedStyle(el), px = parseFloat(s.fontSize);
      if (px < MIN_PX - 0.5) lines.push(name + ": text \"" + short(node.textContent) + "\" is " + px.toFixed(1) + "px (at least " + MIN_PX + ")");
      var fg = rgba(s.color), bg = htmlBackground(el), ratio = contrast(fg, bg);
      if (ratio < MIN_CONTRAST) lines.push(name + ": text \"" + short(node.textContent) + "\" is " + hex(fg) + " on " + hex(bg) + ", contrast " + ratio.toFixed(1) + ":1 (at least " + MIN_CONTRAST + ")");
    }

    // Text inside SVG pictures: its size as drawn on the slide, and what is behind it.
    slide.querySelectorAll("svg").forEach(function (svg) {
      var picture = svg.getAttribute("data-src") || "an svg";
      svg.querySelectorAll("text").forEach(function (text) {
        var label = text.textContent;
        if (!label.trim() || !visible(text)) return;
        var box = text.getBoundingClientRect();
        var ctm = text.getScreenCTM();
        var drawn = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) / scale;
        if (drawn < MIN_PX - 0.5) lines.push(name + ": label \"" + short(label) + "\" in " + picture + " is drawn at " + drawn.toFixed(1) + "px (at least " + MIN_PX + ")");
        var fg = rgba(getComputedStyle(text).fill);
        if (!fg) return;
        var bg = svgBackground(svg, box.left + box.width / 2, box.top + box.height / 2), ratio = contrast(fg, bg);
        if (ratio < MIN_CONTRAST) lines.push(name + ": label \"" + short(label) + "\" in " + picture + " is " + hex(fg) + " on " + hex(bg) + ", contrast " + ratio.toFixed(1) + ":1 (at least " + MIN_CONTRAST + ")");
      });
    });

    // Labels of a picture that overlap each other (a chart's labels at lines that end close).
    slide.querySelectorAll("svg").forEach(function (svg) {
      var boxes = [];
      svg.querySelectorAll("text").forEach(function (text) {
        if (text.textContent.trim() && visible(text)) boxes.push({text: text.textContent, r: text.getBoundingClientRect()});
      });
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i].r, b = boxes[j].r;
          var w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 2 && h > Math.min(a.height, b.height) * 0.25) {
            lines.push(name + ": labels \"" + short(boxes[i].text) + "\" and \"" + short(boxes[j].text) + "\" in " + (svg.getAttribute("data-src") || "an svg") + " overlap");
          }
        }
      }
    });

    // Covered: the topmost thing at each corner and the middle of an element must be
    // the element itself, something inside it, or something it is inside.
    slide.querySelectorAll("h1, h2, h3, p, li, pre, table, img, svg, .imageblock").forEach(function (el) {
      if (el.closest("aside.notes") || el.parentElement.closest("svg") || !visible(el)) return;
      var r = el.getBoundingClientRect(), inset = 4;
      var points = [[r.left + inset, r.top + inset], [r.right - inset, r.top + inset], [r.left + inset, r.bottom - inset],
        [r.right - inset, r.bottom - inset], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
      for (var i = 0; i < points.length; i++) {
        var x = points[i][0], y = points[i][1];
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        var top = document.elementFromPoint(x, y);
        if (!top || el.contains(top) || top.contains(el)) continue;
        var what = top.className && typeof top.className === "string" ? top.tagName.toLowerCase() + "." + top.className.split(" ")[0] : top.tagName.toLowerCase();
        lines.push(name + ": a " + el.tagName.toLowerCase() + " (\"" + short(el.textContent || el.getAttribute("src") || "") + "\") is covered by " + what);
        break;
      }
    });
  }

  function run() {
    var lines = [], slides = Reveal.getSlides(), scale = Reveal.getScale();
    slides.forEach(function (slide, i) {
      var idx = Reveal.getIndices(slide);
      Reveal.slide(idx.h, idx.v);
      var h2 = slide.querySelector("h1, h2, h3");
      var name = "slide " + (i + 1) + " (" + (h2 ? h2.textContent.trim() : "untitled") + ")";
      inlineSvgs(slide);
      checkSlide(slide, name, scale, lines);
    });
    var pre = document.createElement("pre");
    pre.id = "deck-check";
    pre.textContent = "slides: " + slides.length + "\n" + (lines.length ? lines.join("\n") : "everything fits and reads");
    document.body.appendChild(pre);
  }
  if (Reveal.isReady()) run(); else Reveal.on("ready", run);
})();
