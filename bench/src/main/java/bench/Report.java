package bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the hackysack benchmark and reports it: a table on standard output, the results
 * as CSV, and a chart of kicks per second against the number of members.
 *
 * <pre>
 * java -jar bench/target/hackysack.jar quick              # 1 to 2 minutes, games a quarter as long
 * java -jar bench/target/hackysack.jar full               # about 25 minutes
 * java -jar bench/target/hackysack.jar full --plan        # what it would measure, and how
 * java -jar bench/target/hackysack.jar full --out DIR     # where the CSV and chart go
 * java -jar bench/target/hackysack.jar full --publish     # into the handbook (run from the kit's top folder)
 * </pre>
 */
public final class Report {
    private static final int[] MEMBERS = {1_000, 10_000, 100_000};
    private static final int MEMORY_MEMBERS = 100_000;
    private static final int MILLION = 1_000_000;

    private Report() {
    }

    /** One measured point. */
    record Point(Model model, int members, long kicks, double msPerGame, double msError) {
        double kicksPerSecond() {
            return kicks / (msPerGame / 1000.0);
        }

        /** JMH's error as a share of the point (0.1 is 10 %). */
        double relativeError() {
            return msPerGame > 0 ? msError / msPerGame : 0;
        }
    }

    /** One measured point of the wake-up workload ({@link WakeUpBenchmark}). */
    record WakePoint(Model model, int members, long wakeUps, double msPerGame, double msError) {
        double wakeUpsPerSecond() {
            return wakeUps / (msPerGame / 1000.0);
        }

        /** JMH's error as a share of the point (0.1 is 10 %). */
        double relativeError() {
            return msPerGame > 0 ? msError / msPerGame : 0;
        }
    }

    public static void main(String[] args) throws Exception {
        String run = args.length > 0 ? args[0] : "";
        if (!run.equals("quick") && !run.equals("full") && !run.equals("redraw")) {
            System.err.println("Say which run: quick (1 to 2 minutes) or full (about 25 minutes), for example\n"
                    + "  java -jar bench/target/hackysack.jar quick\n"
                    + "Add --out DIR to choose where hackysack.csv, hackysack-memory.csv, wake-ups.csv, games.csv,"
                    + " hackysack-figures.adoc and hackysack.png go"
                    + " (bench/target/results by default), or --publish to write them into the handbook;"
                    + " --plan prints what the run would measure, and how, without running it."
                    + " redraw draws the chart again from the CSV file already there.");
            System.exit(2);
        }
        Path out = Path.of("bench/target/results");
        Path chartFile = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].equals("--plan") && !run.equals("redraw")) {
                System.out.print(plan(run.equals("quick")));
                return;
            } else if (args[i].equals("--publish")) {
                Path docs = Path.of("src-docs/src/docs/asciidoc");
                if (!Files.isDirectory(docs)) {
                    System.err.println("--publish writes into the handbook's sources, " + docs
                            + ", which is not here: run it from the kit's top folder.");
                    System.exit(2);
                }
                out = docs.resolve("bench");
                chartFile = docs.resolve("images/hackysack.png");
            } else {
                System.err.println("Unknown argument " + args[i] + ": the options are --out DIR, --publish and --plan");
                System.exit(2);
            }
        }
        if (chartFile == null) {
            chartFile = out.resolve("hackysack.png");
        }
        if (run.equals("redraw")) {
            redraw(out, chartFile);
            return;
        }
        boolean quick = run.equals("quick");
        Files.createDirectories(out);

        List<String> games = new ArrayList<>(List.of("workload,model,members,jvm,game,ms"));
        List<Point> points = measure(quick, games);
        List<WakePoint> wakePoints = measureWakeUps(quick, games);
        Map<Model, Long> bytes = new EnumMap<>(Model.class);
        int memoryMembers = quick ? MEMORY_MEMBERS / 5 : MEMORY_MEMBERS;
        for (Model model : Model.values()) {
            bytes.put(model, idleBytes(model, memoryMembers, "-Xmx2g"));
        }
        String million = millionIdle();

        String table = table(points, bytes, quick) + System.lineSeparator() + wakeUpTable(wakePoints);
        System.out.println();
        System.out.print(table);
        System.out.println(million);
        writeCsv(out.resolve("hackysack.csv"), points);
        writeMemoryCsv(out.resolve("hackysack-memory.csv"), bytes, memoryMembers);
        writeWakeUpCsv(out.resolve("wake-ups.csv"), wakePoints);
        Files.write(out.resolve("games.csv"), games);
        Files.writeString(out.resolve("hackysack-summary.txt"), table + million + System.lineSeparator());
        Files.writeString(out.resolve("hackysack-figures.adoc"), figures(points, wakePoints, bytes, quick));
        Files.createDirectories(chartFile.toAbsolutePath().getParent());
        chart(chartFile, points, quick);
        System.out.println("Wrote hackysack.csv, hackysack-memory.csv, wake-ups.csv, games.csv, hackysack-summary.txt and"
                + " hackysack-figures.adoc to " + out
                + ", and the chart to " + chartFile);
    }

    /** Draws the chart again from the CSV file of an earlier run (to change the chart, not the numbers). */
    private static void redraw(Path out, Path chartFile) throws IOException {
        List<Point> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(out.resolve("hackysack.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            points.add(new Point(Model.valueOf(f[0]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
        List<WakePoint> wakePoints = new ArrayList<>();
        Path wakeUps = out.resolve("wake-ups.csv");
        List<String> wakeLines = Files.exists(wakeUps) ? Files.readAllLines(wakeUps) : List.of("header");
        for (String line : wakeLines.subList(1, wakeLines.size())) {
            String[] f = line.split(",");
            wakePoints.add(new WakePoint(Model.valueOf(f[0]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
        Map<Model, Long> bytes = new EnumMap<>(Model.class);
        Path memory = out.resolve("hackysack-memory.csv");
        List<String> memoryLines = Files.exists(memory) ? Files.readAllLines(memory) : List.of("header");
        for (String line : memoryLines.subList(1, memoryLines.size())) {
            String[] f = line.split(",");
            bytes.put(Model.valueOf(f[0]), Long.parseLong(f[3]));
        }
        Path summary = out.resolve("hackysack-summary.txt");
        boolean quick = Files.exists(summary) && Files.readString(summary).contains("quick run");
        chart(chartFile, points, quick);
        Files.writeString(out.resolve("hackysack-figures.adoc"), figures(points, wakePoints, bytes, quick));
        System.out.println("Drew " + chartFile + " and wrote hackysack-figures.adoc from " + out.resolve("hackysack.csv"));
    }

    /**
     * The ratios that the tutorial's speaker notes and the stage 10 chapter quote, as
     * AsciiDoc attributes, so that they say what the chart beside them shows after every
     * {@code --publish}: event-driven (or sleeping) against another model at N = 10,000,
     * from this run, and how much of its speed the event-driven scheduler and the loop keep
     * from N = 1,000 to N = 100,000; event-driven against the loop and stage 6, and Pekko's
     * one thread against its default, at each N; the wake-ups; bytes per idle member; and
     * how many points are within 10 % and which error is the largest ("?" for a quick run).
     * Any number the chapter or the notes give from a run belongs here, not in their text.
     */
    static String figures(List<Point> points, List<WakePoint> wakePoints, Map<Model, Long> bytes, boolean quick) {
        Map<Model, Map<Integer, Point>> byModel = byModel(points);
        StringBuilder text = new StringBuilder();
        text.append("// Written by the hackysack benchmark (bench/src/main/java/bench/Report.java) with the CSV files"
                + " beside it: do not edit.\n");
        text.append(":hackysack-run: ").append(quick ? "quick" : "full").append('\n');
        figure(text, "hackysack-sleeping-vs-polling", byModel, Model.ROUND_ROBIN_SLEEPING, Model.ROUND_ROBIN, "%.0f");
        figure(text, "hackysack-event-driven-vs-sleeping", byModel, Model.EVENT_DRIVEN, Model.ROUND_ROBIN_SLEEPING,
                "%.1f");
        figure(text, "hackysack-event-driven-vs-virtual-threads", byModel, Model.EVENT_DRIVEN, Model.VIRTUAL_THREADS,
                "%.0f");
        figure(text, "hackysack-event-driven-vs-pekko-best", byModel, Model.EVENT_DRIVEN, Model.PEKKO_ONE_THREAD,
                "%.0f");
        figure(text, "hackysack-loop-vs-event-driven", byModel, Model.HAND_LOOP, Model.EVENT_DRIVEN, "%.0f");
        flatness(text, "hackysack-event-driven-flatness", byModel, Model.EVENT_DRIVEN);
        flatness(text, "hackysack-loop-flatness", byModel, Model.HAND_LOOP);
        for (int members : MEMBERS) {
            String at = members == 1_000 ? "1k" : members == 10_000 ? "10k" : "100k";
            ratioAt(text, "hackysack-event-driven-vs-loop-" + at, byModel, Model.EVENT_DRIVEN, Model.HAND_LOOP,
                    members);
            ratioAt(text, "hackysack-event-driven-vs-sleeping-" + at, byModel, Model.EVENT_DRIVEN,
                    Model.ROUND_ROBIN_SLEEPING, members);
            ratioAt(text, "hackysack-pekko-best-vs-default-" + at, byModel, Model.PEKKO_ONE_THREAD, Model.PEKKO,
                    members);
        }
        for (Model model : WakeUpBenchmark.models()) {
            text.append(":wake-ups-").append(model.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append(": ").append(millions(wakePoints, model)).append('\n');
        }
        text.append(":wake-ups-event-driven-vs-sleeping: ").append(wakeRatios(wakePoints)).append('\n');
        for (Model model : List.of(Model.EVENT_DRIVEN, Model.HAND_LOOP)) {
            Long b = bytes.get(model);
            String name = model == Model.HAND_LOOP ? "loop" : "event-driven";
            text.append(":hackysack-bytes-").append(name).append(": ")
                    .append(b == null || b < 0 ? "?" : Long.toString(b)).append('\n');
            text.append(":hackysack-megabytes-").append(name).append("-100k: ").append(b == null || b < 0 ? "?"
                    : String.format(Locale.ROOT, "%.1f", b * 100_000 / 1e6)).append('\n');
        }
        text.append(":hackysack-points: ").append(points.size()).append('\n');
        text.append(":hackysack-points-within-10-percent: ").append(quick ? "?" : Long.toString(points.stream()
                .filter(p -> p.relativeError() <= 0.10).count())).append('\n');
        Point worst = quick ? null : worst(points).orElse(null); // a quick run's games are too few for an error
        text.append(":hackysack-largest-error: ").append(worst == null ? "?"
                : String.format(Locale.ROOT, "%.0f %%", 100 * worst.relativeError())).append('\n');
        text.append(":hackysack-largest-error-at: ").append(worst == null ? "?" : String.format(Locale.ROOT,
                "%s at %,d members", worst.model().label(), worst.members())).append('\n');
        return text.toString();
    }

    /**
     * One attribute: the share of its kicks per second that {@code model} keeps from N = 1,000
     * to N = 100,000 (1 would be flat), or "?" if either point is missing.
     */
    private static void flatness(StringBuilder text, String name, Map<Model, Map<Integer, Point>> byModel,
            Model model) {
        Point small = byModel.getOrDefault(model, Map.of()).get(1_000);
        Point large = byModel.getOrDefault(model, Map.of()).get(100_000);
        text.append(':').append(name).append(": ").append(small == null || large == null ? "?"
                : String.format(Locale.ROOT, "%.2f", large.kicksPerSecond() / small.kicksPerSecond())).append('\n');
    }

    /** One attribute: how many times {@code a}'s kicks per second {@code b}'s are at {@code members}, two decimals. */
    private static void ratioAt(StringBuilder text, String name, Map<Model, Map<Integer, Point>> byModel, Model a,
            Model b, int members) {
        Point pa = byModel.getOrDefault(a, Map.of()).get(members);
        Point pb = byModel.getOrDefault(b, Map.of()).get(members);
        text.append(':').append(name).append(": ").append(pa == null || pb == null ? "?"
                : String.format(Locale.ROOT, "%.2f", pa.kicksPerSecond() / pb.kicksPerSecond())).append('\n');
    }

    /** The wake-ups per second of {@code model} at 1,000, 10,000 and 100,000 members, in millions: "37, 34 and 23". */
    private static String millions(List<WakePoint> points, Model model) {
        List<String> values = new ArrayList<>();
        for (int members : MEMBERS) {
            values.add(points.stream().filter(p -> p.model() == model && p.members() == members).findFirst()
                    .map(p -> String.format(Locale.ROOT, "%.0f", p.wakeUpsPerSecond() / 1e6)).orElse("?"));
        }
        return values.get(0) + ", " + values.get(1) + " and " + values.get(2);
    }

    /** Event-driven's wake-ups per second against stage 6's at each N: "2.0, 1.9 and 2.2". */
    private static String wakeRatios(List<WakePoint> points) {
        List<String> values = new ArrayList<>();
        for (int members : MEMBERS) {
            WakePoint a = points.stream().filter(p -> p.model() == Model.EVENT_DRIVEN && p.members() == members)
                    .findFirst().orElse(null);
            WakePoint b = points.stream().filter(p -> p.model() == Model.ROUND_ROBIN_SLEEPING
                    && p.members() == members).findFirst().orElse(null);
            values.add(a == null || b == null ? "?"
                    : String.format(Locale.ROOT, "%.1f", a.wakeUpsPerSecond() / b.wakeUpsPerSecond()));
        }
        return values.get(0) + ", " + values.get(1) + " and " + values.get(2);
    }

    /** One attribute: how many times {@code a}'s kicks per second {@code b}'s are at N = 10,000, or "?" if either is missing. */
    private static void figure(StringBuilder text, String name, Map<Model, Map<Integer, Point>> byModel, Model a,
            Model b, String format) {
        Point pa = byModel.getOrDefault(a, Map.of()).get(10_000);
        Point pb = byModel.getOrDefault(b, Map.of()).get(10_000);
        text.append(':').append(name).append(": ").append(pa == null || pb == null ? "?"
                : String.format(Locale.ROOT, format, pa.kicksPerSecond() / pb.kicksPerSecond())).append('\n');
    }

    /**
     * The JMH options of a run of {@code benchmark} on {@code model}: a quick run plays
     * games a quarter as long, one JVM, one game to warm up and two measured; a full run
     * measures as the model's {@link Model.Plan} says. Every JVM of a run, whatever its
     * model, gets the same arguments ({@link #forkArguments()}).
     */
    static ChainedOptionsBuilder options(Class<?> benchmark, Model model, boolean quick) {
        Model.Plan plan = quick ? new Model.Plan(1, 1, 2) : model.plan();
        return new OptionsBuilder()
                .include(benchmark.getName() + ".play")
                .param("model", model.name())
                .warmupIterations(plan.warmUps())
                .measurementIterations(plan.games())
                .forks(plan.jvms())
                .param("kickScale", quick ? "0.25" : "1")
                .jvmArgsAppend(forkArguments())
                .timeout(TimeValue.minutes(5))
                .shouldFailOnError(true);
    }

    /** The plan of a run, one line a model and workload: what {@code plan} prints. */
    static String plan(boolean quick) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "The %s run: JMH, one game a measured iteration (single-shot), N = 1,000, 10,000 and 100,000;%n"
                + "every JVM with %s%n", quick ? "quick" : "full", String.join(" ", forkArguments())));
        text.append(String.format(Locale.ROOT, "%-40s %5s %8s %6s  %s%n", "workload / model", "JVMs", "warm-up",
                "games", "kicks (wake-ups) a game, N = 1,000 / 10,000 / 100,000"));
        for (Model model : Model.values()) {
            planLine(text, "hackysack / " + model.shortLabel(), model, quick, members -> model.kicks(members,
                    quick ? 0.25 : 1));
        }
        for (Model model : WakeUpBenchmark.models()) {
            planLine(text, "wake-ups / " + model.shortLabel(), model, quick, members -> (long) members
                    * WakeUpBenchmark.rounds(members, quick ? 0.25 : 1));
        }
        return text.toString();
    }

    private static void planLine(StringBuilder text, String name, Model model, boolean quick,
            java.util.function.IntToLongFunction kicks) {
        var options = options(HackysackBenchmark.class, model, quick).build();
        text.append(String.format(Locale.ROOT, "%-40s %5d %8d %6d  %,d / %,d / %,d%n", name,
                options.getForkCount().get(), options.getWarmupIterations().get(),
                options.getMeasurementIterations().get(), kicks.applyAsLong(1_000), kicks.applyAsLong(10_000),
                kicks.applyAsLong(100_000)));
    }

    private static List<WakePoint> measureWakeUps(boolean quick, List<String> games) throws Exception {
        Collection<RunResult> results = new ArrayList<>();
        for (Model model : WakeUpBenchmark.models()) {
            results.addAll(new Runner(options(WakeUpBenchmark.class, model, quick).build()).run());
        }
        keepGames(games, "wake-ups", results);
        List<WakePoint> points = new ArrayList<>();
        for (RunResult result : results) {
            Model model = Model.valueOf(result.getParams().getParam("model"));
            int members = Integer.parseInt(result.getParams().getParam("members"));
            double scale = Double.parseDouble(result.getParams().getParam("kickScale"));
            double error = result.getPrimaryResult().getScoreError();
            points.add(new WakePoint(model, members, (long) members * WakeUpBenchmark.rounds(members, scale),
                    result.getPrimaryResult().getScore(), Double.isNaN(error) ? 0 : error));
        }
        points.sort((a, b) -> a.model() != b.model() ? a.model().compareTo(b.model())
                : Integer.compare(a.members(), b.members()));
        return points;
    }

    private static List<Point> measure(boolean quick, List<String> games) throws Exception {
        Collection<RunResult> results = new ArrayList<>();
        for (Model model : Model.values()) {
            results.addAll(new Runner(options(HackysackBenchmark.class, model, quick).build()).run());
        }
        keepGames(games, "hackysack", results);
        List<Point> points = new ArrayList<>();
        for (RunResult result : results) {
            Model model = Model.valueOf(result.getParams().getParam("model"));
            int members = Integer.parseInt(result.getParams().getParam("members"));
            double scale = Double.parseDouble(result.getParams().getParam("kickScale"));
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            points.add(new Point(model, members, model.kicks(members, scale), score, Double.isNaN(error) ? 0 : error));
        }
        points.sort((a, b) -> a.model() != b.model() ? a.model().compareTo(b.model())
                : Integer.compare(a.members(), b.members()));
        return points;
    }

    /**
     * Appends one line per measured game to {@code games}: the workload, model, members,
     * JVM (1, 2, ...), the game's number in that JVM and its time in milliseconds, so that
     * a point's spread can be read afterwards (one odd JVM, a slow first game, games that
     * fall into two groups).
     */
    private static void keepGames(List<String> games, String workload, Collection<RunResult> results) {
        for (RunResult result : results) {
            String point = workload + "," + result.getParams().getParam("model") + ","
                    + result.getParams().getParam("members");
            int jvm = 0;
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                jvm++;
                int game = 0;
                for (IterationResult measured : fork.getIterationResults()) {
                    games.add(String.format(Locale.ROOT, "%s,%d,%d,%.3f", point, jvm, ++game,
                            measured.getPrimaryResult().getScore()));
                }
            }
        }
    }

    /**
     * Pekko uses sun.misc.Unsafe, which JDK 23 and later warn about at every start; this
     * says it is allowed, on the JDKs that know the option.
     */
    static String[] unsafeAllowed() {
        return Runtime.version().feature() >= 23 ? new String[] {"--sun-misc-unsafe-memory-access=allow"}
                : new String[0];
    }

    /**
     * The benchmark JVM's arguments, the same for every model: a fixed heap, big enough for
     * 100,000 threaded members, and a young generation of fixed size. Every game starts
     * after a full collection, with the young generation empty, so a game that makes less
     * garbage than it holds collects none, and one that makes more collects the same number
     * of times in every game; left to size itself, the young generation changes from game
     * to game, and so does the number of collections in a game.
     */
    static String[] forkArguments() {
        List<String> arguments = new ArrayList<>(List.of("-Xms3g", "-Xmx3g", "-Xmn512m"));
        arguments.addAll(List.of(unsafeAllowed()));
        return arguments.toArray(String[]::new);
    }

    /** Runs {@link IdleMemory} in a JVM of its own and returns bytes per idle member, or -1 if it failed. */
    private static long idleBytes(Model model, int members, String heap) throws IOException, InterruptedException {
        String line = runIdleMemory(model, members, heap);
        return line == null ? -1 : Long.parseLong(line.split(" ")[2]);
    }

    private static String runIdleMemory(Model model, int members, String heap)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC"));
        command.addAll(List.of(unsafeAllowed()));
        command.addAll(List.of("-cp", classPath, IdleMemory.class.getName(), model.name(), Integer.toString(members)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(model.name() + " ")) {
                    last = line;
                } else if (!line.isBlank()) {
                    System.err.println("  [" + model + "] " + line);
                }
            }
        }
        return process.waitFor() == 0 ? last : null;
    }

    /**
     * A line for each of {@code models} that has points: its label, a cell for each N (a dash
     * where it has no point) and what {@code end} adds.
     */
    private static <P> void rows(StringBuilder text, Iterable<Model> models, Map<Model, Map<Integer, P>> byModel,
            Function<P, String> cell, Function<Model, String> end) {
        for (Model model : models) {
            Map<Integer, P> row = byModel.get(model);
            if (row == null) {
                continue;
            }
            text.append(String.format(Locale.ROOT, "%-27s", model.shortLabel()));
            for (int members : MEMBERS) {
                P point = row.get(members);
                text.append(point == null ? String.format("%11s", "-") : cell.apply(point));
            }
            text.append(end.apply(model)).append(System.lineSeparator());
        }
    }

    /** Makes a million idle components on the event-driven scheduler in a 512 MiB heap. */
    private static String millionIdle() throws IOException, InterruptedException {
        String line = runIdleMemory(Model.EVENT_DRIVEN, MILLION, "-Xmx512m");
        if (line == null) {
            return String.format("1,000,000 idle components on the event-driven scheduler did NOT fit in a%n"
                    + "512 MiB heap.");
        }
        String[] parts = line.split(" ");
        return String.format(Locale.ROOT, "1,000,000 idle components on the event-driven scheduler fit in a%n"
                + "512 MiB heap: %d MiB used of %d MiB, %s bytes each.", Long.parseLong(parts[3]) >> 20,
                Long.parseLong(parts[4]) >> 20, parts[2]);
    }

    static String table(List<Point> points, Map<Model, Long> bytes, boolean quick) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Hackysack, %s run: kicks per second (higher is better)%n",
                quick ? "quick" : "full"));
        text.append(String.format(Locale.ROOT, "%-27s %10s %10s %10s %11s%n", "model", "N=1,000", "N=10,000",
                "N=100,000", "bytes/idle"));
        Map<Model, Map<Integer, Point>> byModel = byModel(points);
        rows(text, List.of(Model.values()), byModel,
                point -> String.format(Locale.ROOT, " %,10.0f", point.kicksPerSecond()), model -> {
            Long b = bytes.get(model);
            return b == null || b < 0 ? String.format("%12s", "-") : String.format(Locale.ROOT, " %,11d", b);
        });
        text.append(String.format(Locale.ROOT, "%nAt N = 10,000, event-driven (stage 10) against the others:%n"));
        ratio(text, byModel, Model.HAND_LOOP, 10_000, 10_000, "at least 0.33x");
        ratio(text, byModel, Model.VIRTUAL_THREADS, 10_000, 10_000, "at least 10x");
        ratio(text, byModel, Model.PEKKO_ONE_THREAD, 10_000, 10_000, "at least 5x");
        ratio(text, byModel, Model.PEKKO, 10_000, 10_000, "for comparison");
        ratio(text, byModel, Model.ROUND_ROBIN, 10_000, 10_000, "at least 100x");
        ratio(text, byModel, Model.ROUND_ROBIN_SLEEPING, 10_000, 10_000, "for comparison");
        text.append(String.format(Locale.ROOT, "At N = 100,000:%n"));
        ratio(text, byModel, Model.HAND_LOOP, 100_000, 100_000, "at least 0.2x");
        ratio(text, byModel, Model.EVENT_DRIVEN, 100_000, 1_000, "at least 0.5x: flat as N grows");
        if (quick) {
            text.append(String.format(Locale.ROOT, "%nA quick run plays too few games for JMH's error: see a full run.%n"));
            return text.toString();
        }
        text.append(String.format(Locale.ROOT, "%nJMH's error (99.9 %% confidence) as a share of each point%n"));
        rows(text, List.of(Model.values()), byModel,
                point -> String.format(Locale.ROOT, " %9.1f%%", 100 * point.relativeError()), model -> "");
        worst(points).ifPresent(worst -> text.append(String.format(Locale.ROOT,
                "Within 10 %%: %d of %d points; the largest, %.0f %%, %s at N=%,d (target: at most 10 %%)%n",
                points.stream().filter(p -> p.relativeError() <= 0.10).count(), points.size(),
                100 * worst.relativeError(), worst.model().shortLabel(), worst.members())));
        return text.toString();
    }

    /** The point whose error is the largest share of it. */
    private static java.util.Optional<Point> worst(List<Point> points) {
        return points.stream().filter(p -> p.msPerGame() > 0)
                .max((a, b) -> Double.compare(a.relativeError(), b.relativeError()));
    }

    /**
     * The wake-up workload's table: wake-ups per second of each of the kit's schedulers,
     * with JMH's error as a share of each point, and event-driven against the others.
     */
    static String wakeUpTable(List<WakePoint> points) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Many woken, little to do: wake-ups per second (higher is better)%n"));
        text.append(String.format(Locale.ROOT, "%-27s %10s %10s %10s%n", "model", "N=1,000", "N=10,000",
                "N=100,000"));
        Map<Model, Map<Integer, WakePoint>> byModel = new EnumMap<>(Model.class);
        for (WakePoint point : points) {
            byModel.computeIfAbsent(point.model(), m -> new TreeMap<>()).put(point.members(), point);
        }
        rows(text, List.of(WakeUpBenchmark.models()), byModel,
                point -> String.format(Locale.ROOT, " %,10.0f", point.wakeUpsPerSecond()), model -> "");
        Map<Integer, WakePoint> eventDriven = byModel.getOrDefault(Model.EVENT_DRIVEN, Map.of());
        for (Model other : List.of(Model.ROUND_ROBIN_SLEEPING, Model.ROUND_ROBIN)) {
            Map<Integer, WakePoint> row = byModel.getOrDefault(other, Map.of());
            StringBuilder ratios = new StringBuilder();
            for (int members : MEMBERS) {
                WakePoint a = eventDriven.get(members);
                WakePoint b = row.get(members);
                ratios.append(a == null || b == null ? String.format("%11s", "-") : String.format(Locale.ROOT,
                        " %9.2fx", a.wakeUpsPerSecond() / b.wakeUpsPerSecond()));
            }
            text.append(String.format(Locale.ROOT, "%-27s%s%n", "event-driven / " + (other == Model.ROUND_ROBIN
                    ? "stage 2" : "stage 6"), ratios));
        }
        points.stream().filter(p -> p.msError() > 0) // none in a quick run: too few games for an error
                .max((a, b) -> Double.compare(a.relativeError(), b.relativeError())).ifPresent(worst ->
                text.append(String.format(Locale.ROOT, "JMH's error: at most %.1f %% of a point (%s at N=%,d)%n",
                        100 * worst.relativeError(), worst.model().shortLabel(), worst.members())));
        return text.toString();
    }

    /** Appends event-driven at {@code members} against {@code other} at {@code otherMembers}. */
    private static void ratio(StringBuilder text, Map<Model, Map<Integer, Point>> byModel, Model other, int members,
            int otherMembers, String target) {
        Point pa = byModel.getOrDefault(Model.EVENT_DRIVEN, Map.of()).get(members);
        Point pb = byModel.getOrDefault(other, Map.of()).get(otherMembers);
        if (pa == null || pb == null) {
            return;
        }
        String against = "/ " + other.shortLabel() + (members == otherMembers ? "" : String.format(Locale.ROOT,
                " at N=%,d", otherMembers));
        text.append(String.format(Locale.ROOT, "  %-40s %8.2fx   (target: %s)%n", against,
                pa.kicksPerSecond() / pb.kicksPerSecond(), target));
    }

    private static Map<Model, Map<Integer, Point>> byModel(List<Point> points) {
        Map<Model, Map<Integer, Point>> byModel = new EnumMap<>(Model.class);
        for (Point point : points) {
            byModel.computeIfAbsent(point.model(), m -> new TreeMap<>()).put(point.members(), point);
        }
        return byModel;
    }

    private static void writeCsv(Path file, List<Point> points) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("model,label,members,kicks_per_game,ms_per_game,ms_error,kicks_per_second");
        for (Point p : points) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%d,%d,%.3f,%.3f,%.0f", p.model(), p.model().label(),
                    p.members(), p.kicks(), p.msPerGame(), p.msError(), p.kicksPerSecond()));
        }
        Files.write(file, lines);
    }

    private static void writeWakeUpCsv(Path file, List<WakePoint> points) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("model,label,members,wake_ups_per_game,ms_per_game,ms_error,wake_ups_per_second");
        for (WakePoint p : points) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%d,%d,%.3f,%.3f,%.0f", p.model(), p.model().label(),
                    p.members(), p.wakeUps(), p.msPerGame(), p.msError(), p.wakeUpsPerSecond()));
        }
        Files.write(file, lines);
    }

    private static void writeMemoryCsv(Path file, Map<Model, Long> bytes, int members) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("model,label,members,bytes_per_idle_member");
        bytes.forEach((model, b) -> lines.add(String.format(Locale.ROOT, "%s,%s,%d,%d", model, model.label(),
                members, b)));
        Files.write(file, lines);
    }

    private static void chart(Path file, List<Point> points, boolean quick) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<Model, Map<Integer, Point>> entry : byModel(points).entrySet()) {
            XYSeries series = new XYSeries(entry.getKey().label());
            for (Point point : entry.getValue().values()) {
                series.add(point.members(), point.kicksPerSecond());
            }
            data.addSeries(series);
        }
        LogAxis members = new LogAxis("members (N)");
        LogAxis kicks = new LogAxis("kicks per second");
        for (LogAxis axis : List.of(members, kicks)) {
            axis.setBase(10);
            axis.setTickUnit(new NumberTickUnit(1.0)); // one tick per power of ten
            axis.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        }
        members.setRange(700, 140_000);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {new Color(0xb2182b), new Color(0xef8a62), new Color(0x2166ac), new Color(0x67a9cf),
            new Color(0x1b7837), new Color(0x762a83), new Color(0xc2a5cf), new Color(0x404040)};
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesStroke(i, new BasicStroke(3f));
        }
        XYPlot plot = new XYPlot(data, members, kicks, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        members.setLabelFont(font.deriveFont(Font.BOLD));
        kicks.setLabelFont(font.deriveFont(Font.BOLD));
        members.setTickLabelFont(font);
        kicks.setTickLabelFont(font);
        JFreeChart chart = new JFreeChart("Hackysack: kicks per second against members", font.deriveFont(
                Font.BOLD, 20f), plot, true);
        chart.getLegend().setItemFont(font);
        chart.addSubtitle(new TextTitle((quick ? "quick run" : "full run") + ", " + Runtime.getRuntime()
                .availableProcessors() + " cores, Java " + Runtime.version().feature()
                + "; log scales", font.deriveFont(14f)));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 700);
    }
}
