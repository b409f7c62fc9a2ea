package grading.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One stage of the kit, as {@code grading/stages.properties} lists it.
 *
 * @param number its number, from 1
 * @param title its short title, as the board shows it
 * @param chapter its handbook chapter's source, relative to the kit's top folder
 * @param rerun a further run the chapter counts as part of done, or ""
 * @param suspects the stage's methods to suspect when that further run fails, or ""
 * @param timeOut how long each of the stage's graded tests may run ("10 s"), or "" for JUnit's default
 *     ({@link TimeLimit})
 * @param onTimeOut what usually loops when one of them runs out of time, or "": a class's hints file
 *     can say it for its own tests ({@link Hints#ON_TIMEOUT})
 */
public record Stage(int number, String title, String chapter, String rerun, String suspects, String timeOut,
        String onTimeOut) {

    /** The stages of the kit, in order (a number may be missing while stages are built on other branches). */
    public static List<Stage> all() {
        Properties list = new Properties();
        try (InputStream in = Stage.class.getResourceAsStream("/grading/stages.properties")) {
            list.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list.stringPropertyNames().stream().filter(key -> key.endsWith(".title"))
                .map(key -> Integer.parseInt(key.substring(0, key.indexOf('.'))))
                .map(n -> new Stage(n, list.getProperty(n + ".title"), list.getProperty(n + ".chapter", ""),
                        list.getProperty(n + ".rerun", ""), list.getProperty(n + ".suspects", ""),
                        list.getProperty(n + ".time-out", ""), list.getProperty(n + ".time-out.usual", "")))
                .sorted(Comparator.comparingInt(Stage::number)).toList();
    }

    /** Stage number to its chapter's source (relative to the kit's top folder), in order, for the stages that name one. */
    public static Map<Integer, String> chapters() {
        Map<Integer, String> chapters = new LinkedHashMap<>();
        all().stream().filter(stage -> !stage.chapter().isEmpty())
                .forEach(stage -> chapters.put(stage.number(), stage.chapter()));
        return chapters;
    }
}
