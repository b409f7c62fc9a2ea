package kamaelia.experimental;

import java.util.HashMap;
import java.util.Map;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution (snippets run in this JVM, on threads of its own), with the
 * snippets' classes loaded as children of a given class loader.
 *
 * <h2>Why not simply {@code LocalExecutionControlProvider}</h2>
 * JShell compiles each snippet into a small class and loads it. The JDK's own local
 * execution loads those classes under the <em>system</em> class loader. When the kit's
 * classes were loaded by another loader (as {@code ./mvnw exec:java} and many IDEs and
 * servers do), a snippet would then see a second copy of {@code axon.Scheduler} and the
 * rest, with statics of its own: not the running system at all. Loading the snippets
 * under the kit's own class loader makes {@code Scheduler} in a snippet the very class
 * the running scheduler is an instance of. (JDK 22 added
 * {@code new LocalExecutionControl(ClassLoader parent)} for this; the kit runs on 21.)
 */
final class LocalExecution implements ExecutionControlProvider {
    private final ClassLoader parent;

    /** Local execution whose snippets see the classes {@code parent} sees. */
    LocalExecution(ClassLoader parent) {
        this.parent = parent;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new LocalExecutionControl(new SnippetClasses(parent));
    }

    /** Loads the classes JShell compiles from snippets, as children of the parent loader. */
    private static final class SnippetClasses implements LoaderDelegate {
        private final Map<String, byte[]> bytecodes = new HashMap<>();
        private final Map<String, Class<?>> loaded = new HashMap<>();
        private final ClassLoader loader;

        SnippetClasses(ClassLoader parent) {
            this.loader = new ClassLoader("jshell snippets", parent) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = bytecodes.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
        }

        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException {
            boolean[] installed = new boolean[classes.length];
            try {
                for (ClassBytecodes c : classes) {
                    bytecodes.put(c.name(), c.bytecodes());
                }
                for (int i = 0; i < classes.length; i++) {
                    Class<?> type = loader.loadClass(classes[i].name());
                    type.getDeclaredMethods(); // links the class now, so that errors show here
                    loaded.put(classes[i].name(), type);
                    installed[i] = true;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("could not load a snippet's class: " + e, installed);
            }
        }

        @Override
        public void classesRedefined(ClassBytecodes[] classes) {
            for (ClassBytecodes c : classes) {
                bytecodes.put(c.name(), c.bytecodes());
            }
        }

        @Override
        public void addToClasspath(String path) {
            // The parent loader already sees the kit's classes; the compiler is told where they are.
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> type = loaded.get(name);
            if (type == null) {
                throw new ClassNotFoundException(name + " is not a class of a snippet");
            }
            return type;
        }
    }
}
