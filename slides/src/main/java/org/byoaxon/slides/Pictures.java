package org.byoaxon.slides;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The decks' and the attendee handout's pictures that are made from data at build time,
 * so that they never go stale:
 *
 * <ul>
 * <li>{@code kit-qr.svg}: a QR code of the kit's address (the {@code kit.url} property of
 * the top pom.xml, the {@code kit-url} attribute of the documents);
 * <li>{@code hackysack-scheduler.svg/.png}: the hackysack results of the kit's
 * round-robin and event-driven schedulers against the hand-written loop, from the
 * handbook's CSV file;
 * <li>{@code hackysack-threads.svg/.png}: the event-driven scheduler against threads,
 * virtual threads and actors (Pekko at its best here, on a dispatcher of one thread),
 * from the same file.
 * </ul>
 *
 * A chart made for a slide says one thing: at most four series, each labelled at its
 * end instead of in a legend, and every text 26 units high on a picture that the slide
 * shows 1100 units wide, so 26 px on a 1280 x 720 slide. The full chart, with all seven
 * models, stays in the handbook.
 *
 * <pre>
 * Pictures OUTPUT-DIR KIT-URL HACKYSACK-CSV
 * </pre>
 */
public final class Pictures {
    static final int WIDTH = 1100;
    static final int HEIGHT = 560;
    static final float TEXT = 26f;
    /** Line ends nearer than this, in powers of ten, have their labels set apart. */
    static final double CLOSE = 0.35;

    private Pictures() {
    }

    public static void main(String[] args) throws IOException, WriterException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Pictures OUTPUT-DIR KIT-URL HACKYSACK-CSV");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("kit-qr.svg"), qrCode(args[1]));
        Map<String, Map<Integer, Double>> results = read(Path.of(args[2]));
        chart(out, "hackysack-scheduler", results, List.of(
                new Line("HAND_LOOP", "hand-written loop", new Color(0x404040)),
                new Line("EVENT_DRIVEN", "event-driven", new Color(0x1b7837)),
                new Line("ROUND_ROBIN", "round robin", new Color(0xb2182b))));
        chart(out, "hackysack-threads", results, List.of(
                new Line("EVENT_DRIVEN", "event-driven, 1 thread", new Color(0x1b7837)),
                new Line("PEKKO_ONE_THREAD", "Pekko, 1 thread", new Color(0x762a83)),
                new Line("VIRTUAL_THREADS", "virtual threads", new Color(0x2166ac)),
                new Line("THREADED", "a thread each", new Color(0xb2182b))));
    }

    /** One series of a chart: the model in the CSV, its label, written at the line's right-hand end, its colour. */
    record Line(String model, String label, Color colour) {
    }

    /** Model name to (members to kicks per second), from the benchmark's CSV file. */
    static Map<String, Map<Integer, Double>> read(Path csv) throws IOException {
        Map<String, Map<Integer, Double>> results = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            results.computeIfAbsent(f[0], m -> new TreeMap<>()).put(Integer.parseInt(f[2]),
                    Double.parseDouble(f[f.length - 1]));
        }
        return results;
    }

    static void chart(Path out, String name, Map<String, Map<Integer, Double>> results, List<Line> lines)
            throws IOException {
        if (lines.size() > 4) {
            throw new IllegalArgumentException(name + ": a slide's chart has at most 4 series");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) TEXT);
        List<XYTextAnnotation> labels = new ArrayList<>();
        int i = 0;
        for (Line line : lines) {
            Map<Integer, Double> points = results.get(line.model());
            if (points == null) {
                throw new IllegalArgumentException("no results for " + line.model() + " in the hackysack CSV");
            }
            XYSeries series = new XYSeries(line.label());
            points.forEach(series::add);
            data.addSeries(series);
            renderer.setSeriesPaint(i, line.colour());
            renderer.setSeriesStroke(i, new BasicStroke(5f));
            Map.Entry<Integer, Double> last = ((TreeMap<Integer, Double>) points).lastEntry();
            XYTextAnnotation label = new XYTextAnnotation("  " + line.label(), last.getKey(),
                    last.getValue());
            label.setFont(font.deriveFont(Font.BOLD));
            label.setPaint(line.colour());
            label.setTextAnchor(TextAnchor.CENTER_LEFT);
            labels.add(label);
            i++;
        }
        // Two lines that end close together: the upper label goes above its end, the lower below.
        labels.sort((a, b) -> Double.compare(b.getY(), a.getY()));
        for (int k = 0; k + 1 < labels.size(); k++) {
            if (Math.log10(labels.get(k).getY() / labels.get(k + 1).getY()) < CLOSE) {
                labels.get(k).setTextAnchor(TextAnchor.BOTTOM_LEFT);
                labels.get(k + 1).setTextAnchor(TextAnchor.TOP_LEFT);
            }
        }
        LogAxis members = new LogAxis("components (N)");
        LogAxis kicks = new LogAxis("kicks per second");
        for (LogAxis axis : List.of(members, kicks)) {
            axis.setBase(10);
            axis.setTickUnit(new NumberTickUnit(1.0));
            axis.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            axis.setLabelFont(font);
            axis.setTickLabelFont(font);
            axis.setLabelPaint(new Color(0x222222));
            axis.setTickLabelPaint(new Color(0x222222));
        }
        // Room on the right for the labels at the lines' ends.
        members.setRange(700, 4_000_000);
        XYPlot plot = new XYPlot(data, members, kicks, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xd0d0d0));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        labels.forEach(plot::addAnnotation);
        JFreeChart chart = new JFreeChart(null, font, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        // Room above the plot for the top tick label, which is centred on the plot's top edge.
        chart.setPadding(new RectangleInsets(20, 4, 4, 4));

        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        Files.writeString(out.resolve(name + ".svg"), "<?xml version=\"1.0\"?>\n" + svg.getSVGElement(null, true,
                new ViewBox(0, 0, WIDTH, HEIGHT), PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET) + "\n");
        ChartUtils.saveChartAsPNG(out.resolve(name + ".png").toFile(), chart, WIDTH, HEIGHT);
    }

    /** The address as a QR code: one SVG path of black squares on white, with the usual quiet zone. */
    static String qrCode(String url) throws WriterException {
        BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return String.format(Locale.ROOT, """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="%2$d" viewBox="0 0 %1$d %2$d" \
                shape-rendering="crispEdges">
                <title>%3$s</title>
                <rect width="%1$d" height="%2$d" fill="#ffffff"/>
                <path fill="#000000" d="%4$s"/>
                </svg>
                """, matrix.getWidth(), matrix.getHeight(), url.replace("&", "&amp;").replace("<", "&lt;"), path);
    }
}
