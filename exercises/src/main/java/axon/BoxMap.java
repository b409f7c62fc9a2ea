package axon;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A component's boxes by name, in the order they were added: a small map kept in two
 * arrays. A component has a handful of boxes, so looking one up by going along the names
 * is as quick as hashing, and a million components take far less memory than with a
 * {@link java.util.LinkedHashMap} each (stage 10 measures what an idle component costs).
 */
final class BoxMap extends AbstractMap<String, Box> {
    private String[] names;
    private Box[] boxes;
    private int size;

    BoxMap(int capacity) {
        names = new String[Math.max(1, capacity)];
        boxes = new Box[names.length];
    }

    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name || names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Box get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : boxes[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public Box put(String name, Box box) {
        int i = indexOf(name);
        if (i >= 0) {
            Box old = boxes[i];
            boxes[i] = box;
            return old;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            boxes = Arrays.copyOf(boxes, size * 2);
        }
        names[size] = name;
        boxes[size] = box;
        size++;
        return null;
    }

    @Override
    public Box remove(Object name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        Box old = boxes[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(boxes, i + 1, boxes, i, size - i - 1);
        size--;
        names[size] = null;
        boxes[size] = null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Box>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Box>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private boolean removable;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Box> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        removable = true;
                        next++;
                        return new SimpleImmutableEntry<>(names[next - 1], boxes[next - 1]);
                    }

                    @Override
                    public void remove() {
                        if (!removable) {
                            throw new IllegalStateException();
                        }
                        removable = false;
                        removeAt(--next);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
