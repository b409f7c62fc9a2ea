package examples.capstone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The default {@link Destination}: a folder on this machine (or a network drive
 * mounted on it). A delivery copies the file under a hidden temporary name beside its
 * final place, then renames it: a copy cut short keeps the temporary name, which is
 * never taken for a finished one and is replaced by the next attempt.
 *
 * @param folder where the files go; made when the first file arrives
 */
public record LocalFolder(Path folder) implements Destination {
    public LocalFolder {
        Objects.requireNonNull(folder, "folder");
    }

    @Override
    public boolean holds(String name, Path file) throws IOException {
        Path copy = place(name);
        return Files.isRegularFile(copy) && Files.mismatch(copy, file) == -1;
    }

    // tag::deliver[]
    @Override
    public void deliver(String name, Path file) throws IOException {
        Path copy = place(name);
        Files.createDirectories(copy.getParent());
        Path temporary = copy.resolveSibling("." + copy.getFileName() + ".part");
        Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
    }
    // end::deliver[]

    /** Where a name goes in the folder; a name cannot lead out of it. */
    private Path place(String name) {
        Path place = folder;
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("\"" + name + "\" is not a name inside " + folder
                        + ": use parts separated by /, without empty parts, . or ..");
            }
            place = place.resolve(part);
        }
        return place;
    }
}
